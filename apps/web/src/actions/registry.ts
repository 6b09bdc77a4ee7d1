/**
 * Every action the app has. The keymap is derived from it (actions/keymap.ts), and its tests check
 * that ids and shortcuts are unique; buttons and forms import the action they run.
 */
import type { AnyAction } from './action.js';
import { redo, undo } from './historyActions.js';
import { addNode, addWorkers, duplicateNode, removeNode, setNodeRole, updateNode } from './nodeActions.js';
import { editSettings, replaceSite } from './settingsActions.js';
import { regenerateToken } from './tokenActions.js';
import { togglePresentation } from './viewActions.js';

export const ACTIONS: readonly AnyAction[] = [
  undo,
  redo,
  addNode,
  addWorkers,
  duplicateNode,
  removeNode,
  setNodeRole,
  updateNode,
  editSettings,
  replaceSite,
  regenerateToken,
  togglePresentation,
];
