/**
 * Notes on what was just opened, under one heading with Dismiss beside it (kept in view while the
 * notes scroll): why nothing was opened, if so; the notes on the site; for cloud-configs, what the
 * files disagree on as one cluster (severity, file:line, message) and each file's Device check
 * (OpenedFileChecks.tsx), as written and then with the node addresses the user gives. The check
 * and the notes between the files show even when no site could be made of the files.
 */
import type { FileSetNote } from '@rke2-edge/provider-core';
import type { Notice } from './notice.js';
import { OpenedFileChecks } from './OpenedFileChecks.js';

const SEVERITY_WORD = { error: 'Error', warning: 'Warning', info: 'Note' } as const;
const SEVERITY_BADGE = { error: 'badge-errors', warning: 'badge-warnings', info: 'badge-pending' } as const;

function BetweenFiles({ notes }: { notes: readonly FileSetNote[] }) {
  return (
    <section className="import-notes-group" aria-labelledby="between-files">
      <h3 id="between-files">Between the files: what they disagree on as one cluster</h3>
      <ul className="set-notes">
        {notes.map((n, i) => (
          <li key={i}>
            <span className={`badge ${SEVERITY_BADGE[n.severity]}`}>{SEVERITY_WORD[n.severity]}</span> {n.where && <code>{n.where}</code>}{' '}
            {n.message}
            {n.fix && <> Fix: {n.fix}.</>} <span className="field-hint">[{n.code}]</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Notices({ notices, onDismiss }: { notices: readonly Notice[]; onDismiss: () => void }) {
  if (notices.length === 0) return null;
  const errors = notices.filter((n) => n.kind === 'error');
  const infos = notices.filter((n) => n.kind === 'info');
  const checks = notices.filter((n): n is Extract<Notice, { kind: 'check' }> => n.kind === 'check');
  const refused = errors.length > 0;
  const heading = refused ? 'Nothing was opened; your site is unchanged' : 'Notes on the site you opened';
  return (
    <section className={`import-notes${refused ? ' import-notes-refused' : ''}`} aria-labelledby="import-notes-heading">
      <div className="import-notes-head">
        <h2 id="import-notes-heading">{heading}</h2>
        <button type="button" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
      {refused && (
        <div role="alert">
          {errors.map((n, i) => (
            <p key={i}>{n.text}</p>
          ))}
        </div>
      )}
      {infos.length > 0 && (
        <div role="status">
          <ul className="import-notes-list">
            {infos.map((n, i) => (
              <li key={i}>{n.text}</li>
            ))}
          </ul>
        </div>
      )}
      {checks.map((n, i) => (
        <div key={i}>
          {n.between.length > 0 && <BetweenFiles notes={n.between} />}
          <OpenedFileChecks checks={n.checks} />
        </div>
      ))}
    </section>
  );
}
