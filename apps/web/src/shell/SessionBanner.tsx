/** The autosave banner wired to this tab's store and session: which version to keep, downloads, discards. */
import { AutosaveBanner } from '../AutosaveBanner.js';
import { downloadBytes } from '../export/download.js';
import type { AutosaveSession, AutosaveStatus } from '../state/autosaveSession.js';
import type { SiteStore } from '../state/siteStore.js';

const fileTime = (now = new Date()) => now.toISOString().replace(/[:.]/g, '-');

export function SessionBanner({ store, autosave, status }: { store: SiteStore; autosave: AutosaveSession; status: AutosaveStatus }) {
  const current = () => store.getState().site;
  return (
    <AutosaveBanner
      status={status}
      onLoadTheirs={() => {
        const theirs = autosave.takeTheirs();
        if (!theirs) return;
        store.replace(theirs, "Load the other tab's version");
      }}
      onKeepMine={() => {
        const mine = current();
        if (mine) autosave.keepMine(mine);
      }}
      onDownloadMine={() => {
        const mine = current();
        if (mine) downloadBytes('site.json', `${JSON.stringify(mine, null, 2)}\n`, 'application/json');
      }}
      onDownloadUnreadable={() => {
        const unreadable = autosave.getState().unreadable;
        if (!unreadable) return;
        downloadBytes(`rke2-edge-unreadable-${fileTime()}.json`, unreadable.raw, 'application/json');
        autosave.releaseUnreadable(false, current());
      }}
      onDiscardUnreadable={() => autosave.releaseUnreadable(true, current())}
      onDismissSetAside={() => autosave.dismissSetAside()}
    />
  );
}
