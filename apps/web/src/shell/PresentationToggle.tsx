/** The top bar's presentation mode switch: a toggle button, also on its keyboard shortcut (actions/viewActions.ts). */
import { ariaKeyShortcuts } from '../actions/keymap.js';
import { togglePresentation } from '../actions/viewActions.js';
import { usePresentationMode } from './presentation.js';

export function PresentationToggle() {
  const on = usePresentationMode();
  return (
    <>
      <button
        type="button"
        className="presentation-toggle"
        aria-pressed={on}
        aria-keyshortcuts={ariaKeyShortcuts(togglePresentation)}
        aria-describedby="presentation-hint"
        title="Ctrl+Alt+P"
        onClick={togglePresentation.run}
      >
        {togglePresentation.label}
      </button>
      <span id="presentation-hint" className="visually-hidden">
        Masks the cluster token, registry passwords and keys and the password hash in every preview, finding and the print view. Downloads
        still hold the real secrets.
      </span>
    </>
  );
}
