/**
 * The app's keyboard shortcuts, derived from the actions that declare them: one keymap, used by
 * the window's key handler and by the buttons' aria-keyshortcuts.
 */
import type { AnyAction, HistoryAction, ShortcutAction } from './action.js';
import { redo, undo } from './historyActions.js';
import { ACTIONS } from './registry.js';

export interface KeyPress {
  key: string;
  /** The physical key ("KeyZ"), for layouts whose letters are not Latin. */
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

const keyOf = (shortcut: string) => shortcut.split('+').at(-1)!.toLowerCase();

/**
 * The key a shortcut names, as typed; with a layout whose letters are not Latin (Cyrillic "я" where
 * US has "z") the physical key stands in, as the browser does for its own Ctrl+Z.
 */
function sameKey(key: string, press: KeyPress): boolean {
  if (key === press.key.toLowerCase()) return true;
  return !/^[\x20-\x7e]$/.test(press.key) && press.key.length === 1 && press.code === `Key${key.toUpperCase()}`;
}

function matches(shortcut: string, press: KeyPress): boolean {
  const parts = shortcut.split('+');
  return (
    sameKey(keyOf(shortcut), press) &&
    parts.includes('Mod') === (press.ctrlKey || press.metaKey) &&
    parts.includes('Shift') === press.shiftKey &&
    parts.includes('Alt') === press.altKey
  );
}

/** The action a key press runs, if any (site actions with shortcuts take no arguments: see defineSiteAction). */
export function actionForKey(press: KeyPress, actions: readonly AnyAction[] = ACTIONS): ShortcutAction | undefined {
  return actions.find((action) => action.shortcuts?.some((s) => matches(s, press))) as ShortcutAction | undefined;
}

/** The action's shortcuts as aria-keyshortcuts spells them ("Control+Shift+Z Control+Y"). */
export const ariaKeyShortcuts = (action: HistoryAction | ShortcutAction): string =>
  (action.shortcuts ?? []).map((s) => s.replace('Mod', 'Control')).join(' ');

const TEXT_INPUT_TYPES = new Set(['text', 'password', 'search', 'email', 'url', 'tel', 'number', '']);

/**
 * Does the element undo its own typing? Text inputs, text areas and editors do; a checkbox, a
 * select or a button does not, so Ctrl+Z there is the app's Undo (not the browser's undo of some
 * earlier typing in another field).
 */
export function hasOwnUndo(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA') return true;
  return target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.getAttribute('type')?.toLowerCase() ?? '');
}

/** The history action behind the browser's own undo or redo (an `InputEvent.inputType`), if it is one. */
export function historyActionForInput(inputType: string): HistoryAction | undefined {
  return inputType === 'historyUndo' ? undo : inputType === 'historyRedo' ? redo : undefined;
}
