/**
 * Notes on the site just opened; when only errors, it says nothing was opened. Cloud-configs come
 * with each file's Device check as written (provider-core checkCloudConfigs), before the import
 * changed anything: one line per file, opening to the same verdict the preview shows.
 */
import { NodeCheckVerdict } from '../preview/DeviceCheckView.js';
import type { Notice } from './notice.js';

const ADDRESS_FROM = {
  given: '',
  file: "from the file's network unit",
  config: 'from node-ip or advertise-address in its cluster.config; prefix assumed',
  assumed: 'assumed from its own control_plane_host',
  unknown: 'not known',
} as const;

function FileChecks({ checks }: { checks: readonly Extract<Notice, { kind: 'check' }>[] }) {
  const failing = checks.filter((c) => !c.fileCheck.check.ok).length;
  return (
    <div className="opened-file-checks">
      <p>
        Device check of the files as written, one cluster:{' '}
        {failing === 0 ? 'every node comes up and joins.' : `${failing} of ${checks.length} would not come up.`}
      </p>
      <ul>
        {checks.map(({ text, fileCheck }) => (
          <li key={fileCheck.file} className={fileCheck.check.ok ? 'file-check-ok' : 'file-check-fail'}>
            <details open={!fileCheck.check.ok}>
              <summary>
                <span aria-hidden="true">{fileCheck.check.ok ? '✓ ' : '✕ '}</span>
                {text}
              </summary>
              <p className="field-hint">
                Address: {fileCheck.address ? `${fileCheck.address} (${ADDRESS_FROM[fileCheck.addressFrom]})` : ADDRESS_FROM.unknown}
              </p>
              <NodeCheckVerdict check={fileCheck.check} />
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Notices({ notices, onDismiss }: { notices: readonly Notice[]; onDismiss: () => void }) {
  if (notices.length === 0) return null;
  // A refused file or link leaves only error notices: say that nothing was opened.
  const errorsOnly = notices.every((n) => n.kind === 'error');
  const checks = notices.filter((n): n is Extract<Notice, { kind: 'check' }> => n.kind === 'check');
  const notes = notices.filter((n) => n.kind !== 'check');
  return (
    <div className={`import-notes${errorsOnly ? ' notice-error' : ''}`} role={errorsOnly ? 'alert' : 'status'}>
      {checks.length > 0 && <FileChecks checks={checks} />}
      {notes.length > 0 && (
        <>
          <p>{errorsOnly ? 'Nothing was opened; your site is unchanged:' : 'Notes on the site you opened:'}</p>
          <ul>
            {notes.map((n, i) => (
              <li key={i}>{n.text}</li>
            ))}
          </ul>
        </>
      )}
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
