/**
 * Saves the open site 300 ms after the last edit and when the page is hidden, and notices another
 * tab's save at once. The session never writes over another tab's newer save or over an unreadable
 * record still in the way; the status it returns says why.
 */
import type { Site } from '@rke2-edge/provider-core';
import { useEffect, useSyncExternalStore } from 'react';
import { AUTOSAVE_KEY } from '../state/autosaveKey.js';
import type { AutosaveSession, AutosaveStatus } from '../state/autosaveSession.js';
import type { SiteStore } from '../state/siteStore.js';

const AUTOSAVE_PAUSE_MS = 300;

export function useAutosave(store: SiteStore, autosave: AutosaveSession, site: Site | null): AutosaveStatus {
  useEffect(() => {
    if (!site) return;
    const timer = setTimeout(() => autosave.save(site), AUTOSAVE_PAUSE_MS);
    const flush = () => autosave.save(site);
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [site, autosave]);

  // Another tab saved (or storage was cleared): find out at once rather than at this tab's next save.
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key === AUTOSAVE_KEY || e.key === null) autosave.othersChanged(store.getState().site);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [store, autosave]);

  return useSyncExternalStore(autosave.subscribe, autosave.getState);
}

/** What the save indicator says while the autosave is held back or failing. */
export function saveProblemOf(status: AutosaveStatus): string | null {
  if (status.conflict) return 'Not saved: this site was changed in another tab';
  if (status.unreadable) return 'Not saved: an unreadable saved site is in the way (download or discard it)';
  return status.problem;
}
