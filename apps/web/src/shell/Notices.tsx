/** Notes on the site just opened; when only errors, it says nothing was opened. */
import type { Notice } from './notice.js';

export function Notices({ notices, onDismiss }: { notices: readonly Notice[]; onDismiss: () => void }) {
  if (notices.length === 0) return null;
  // A refused file or link leaves only error notices: say that nothing was opened.
  const errorsOnly = notices.every((n) => n.kind === 'error');
  return (
    <div className={`import-notes${errorsOnly ? ' notice-error' : ''}`} role={errorsOnly ? 'alert' : 'status'}>
      <p>{errorsOnly ? 'Nothing was opened; your site is unchanged:' : 'Notes on the site you opened:'}</p>
      <ul>
        {notices.map((n, i) => (
          <li key={i}>{n.text}</li>
        ))}
      </ul>
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
