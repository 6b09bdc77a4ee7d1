/** Actions on how the designer shows the site (not on the site, so not undoable): presentation mode. */
import { presentationMode } from '../shell/presentation.js';
import type { ViewAction } from './action.js';

export const togglePresentation: ViewAction = {
  kind: 'view',
  id: 'view.presentation',
  label: 'Presentation mode',
  shortcuts: ['Mod+Alt+P'],
  run: presentationMode.toggle,
};
