/** The window's keyboard shortcuts, from the keymap the actions declare (see actions/keymap.ts). */
import { useEffect } from 'react';
import { actionForKey, hasOwnUndo } from '../actions/keymap.js';
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
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
