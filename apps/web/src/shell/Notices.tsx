/**
 * Notes on the site just opened; when only errors, it says nothing was opened. Cloud-configs come
 * with each file's Device check (OpenedFileChecks.tsx), as written and then with the node addresses
 * the user gives.
 */
import type { Notice } from './notice.js';
import { OpenedFileChecks } from './OpenedFileChecks.js';

export function Notices({ notices, onDismiss }: { notices: readonly Notice[]; onDismiss: () => void }) {
  if (notices.length === 0) return null;
  // A refused file or link leaves only error notices: say that nothing was opened.
  const errorsOnly = notices.every((n) => n.kind === 'error');
  const checks = notices.filter((n): n is Extract<Notice, { kind: 'check' }> => n.kind === 'check');
  const notes = notices.filter((n) => n.kind !== 'check');
  return (
    <div className={`import-notes${errorsOnly ? ' notice-error' : ''}`} role={errorsOnly ? 'alert' : 'status'}>
      {checks.map((n, i) => (
        <OpenedFileChecks key={i} checks={n.checks} />
      ))}
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
