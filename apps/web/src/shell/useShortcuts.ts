/**
 * The window's keyboard shortcuts, from the keymap the actions declare (see actions/keymap.ts).
 *
 * Undo outside a text field is the site's Undo, never the browser's: Chromium keeps one text-undo
 * stack for the whole page, so its Ctrl+Z (or Edit > Undo) with focus on a checkbox would undo part
 * of a word typed earlier in another field, behind the site history's back. The key handler runs
 * the site's Undo for Ctrl+Z there; the browser's undo that still gets through (its menus, a key
 * the handler did not see) is caught as the `beforeinput` it fires on the field it would change,
 * and becomes the site's Undo when that field is not the one being typed in. In a text field the
 * field's own undo stays (see hasOwnUndo).
 */
import { useEffect } from 'react';
import { actionForKey, hasOwnUndo, historyActionForInput } from '../actions/keymap.js';
import type { SiteStore } from '../state/siteStore.js';

export function useShortcuts(store: SiteStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (hasOwnUndo(e.target)) return;
      const action = actionForKey(e);
      if (!action) return;
      e.preventDefault();
      if (action.kind === 'view') action.run();
      else if (action.kind === 'history') store.perform(action);
      else store.perform(action, undefined);
    };
    const onBeforeInput = (e: InputEvent) => {
      const action = historyActionForInput(e.inputType);
      if (!action || e.target === document.activeElement) return;
      e.preventDefault();
      store.perform(action);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('beforeinput', onBeforeInput, true);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('beforeinput', onBeforeInput, true);
    };
  }, [store]);
}
