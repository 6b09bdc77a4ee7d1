/**
 * What the autosave needs the user to decide: another tab saved a different version of the site, or
 * an unreadable saved site could not be set aside (so it is offered as a download before anything
 * is written over it). Shown above the start screen and the designer.
 */
import { AUTOSAVE_KEY } from './state/autosaveKey.js';
import type { AutosaveStatus } from './state/autosaveSession.js';

export interface AutosaveBannerProps {
  status: AutosaveStatus;
  onLoadTheirs: () => void;
  onKeepMine: () => void;
  onDownloadMine: () => void;
  onDownloadUnreadable: () => void;
  onDiscardUnreadable: () => void;
  onDismissSetAside: () => void;
}

function when(savedAt: string): string {
  const at = new Date(savedAt);
  return Number.isNaN(at.getTime()) ? '' : ` at ${at.toLocaleTimeString()}`;
}

export function AutosaveBanner({
  status,
  onLoadTheirs,
  onKeepMine,
  onDownloadMine,
  onDownloadUnreadable,
  onDiscardUnreadable,
  onDismissSetAside,
}: AutosaveBannerProps) {
  const { conflict, unreadable, setAside } = status;
  if (!conflict && !unreadable && !setAside) return null;
  return (
    <div className="autosave-banners">
      {unreadable && (
        <section className="autosave-banner autosave-banner-error" aria-labelledby="autosave-unreadable-title">
          <p role="alert">
            <strong id="autosave-unreadable-title">The site saved in this browser could not be read, and could not be set aside.</strong> It
            could not be read: {unreadable.reason}. Moving it to its own key failed ({unreadable.problem}), so it is still under the key "
            {AUTOSAVE_KEY}". Nothing will be saved over it until you download it or discard it.
          </p>
          <div className="button-group">
            <button type="button" className="primary" onClick={onDownloadUnreadable}>
              Download the unreadable data
            </button>
            <button type="button" onClick={onDiscardUnreadable}>
              Discard the unreadable data
            </button>
          </div>
        </section>
      )}
      {conflict && (
        <section className="autosave-banner" aria-labelledby="autosave-conflict-title">
          <p role="alert">
            <strong id="autosave-conflict-title">This site was changed in another tab.</strong> Another tab of the designer in this browser
            saved "{conflict.name || 'untitled site'}"{when(conflict.savedAt)}. Changes made in this tab are not saved until you choose
            which version to keep.
          </p>
          <div className="button-group">
            <button type="button" className="primary" onClick={onLoadTheirs}>
              Load the other tab's version
            </button>
            <button type="button" onClick={onKeepMine}>
              Keep this tab's version
            </button>
            <button type="button" onClick={onDownloadMine}>
              Download this tab's version
            </button>
          </div>
          <p className="autosave-hint">
            Loading the other version can be undone with Undo. Keeping this one saves it over the other tab's, and that tab is told.
          </p>
        </section>
      )}
      {setAside && (
        <section className="autosave-banner" aria-labelledby="autosave-set-aside-title">
          <p role="status">
            <strong id="autosave-set-aside-title">An unreadable saved site was set aside.</strong> It could not be read: {setAside.reason}.
            It was kept under the key "{setAside.key}" in this browser's storage.
          </p>
          <button type="button" onClick={onDismissSetAside}>
            Dismiss
          </button>
        </section>
      )}
    </div>
  );
}
