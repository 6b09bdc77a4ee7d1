/**
 * Reopens the site saved in this browser; reports (never hides) one that cannot be read. One that
 * could not even be set aside is reported by the autosave banner, with a download.
 */
import type { AutosaveSession } from '../state/autosaveSession.js';
import type { SiteStore } from '../state/siteStore.js';
import type { Notice } from './notice.js';

export function startup(store: SiteStore, session: AutosaveSession): Notice[] {
  try {
    const saved = session.load();
    if (saved.kind === 'site') store.open(saved.site);
    if (saved.kind !== 'unreadable' || saved.setAsideKey === null) return [];
    return [
      {
        kind: 'error',
        text: `The site saved in this browser could not be read: ${saved.reason}. It was kept under the key "${saved.setAsideKey}" in this browser's storage; start a new site or open a file.`,
      },
    ];
  } catch (e) {
    // Never a designer that cannot start: whatever is saved stays where it is.
    return [
      {
        kind: 'error',
        text: `The site saved in this browser could not be opened (${(e as Error).message}). It was left in this browser's storage; start a new site or open a file.`,
      },
    ];
  }
}
