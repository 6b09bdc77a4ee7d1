/** A small status pill whose meaning is in its text, not only its colour. */
export type Status = 'ok' | 'warnings' | 'errors' | 'pending';

const TEXT: Record<Status, string> = { ok: 'ok', warnings: 'warn', errors: 'error', pending: '…' };
const TITLE: Record<Status, string> = { ok: 'No findings', warnings: 'Has warnings', errors: 'Has errors', pending: 'Being checked' };

export function StatusBadge({ status, title }: { status: Status; title?: string }) {
  return (
    <span className={`badge badge-${status}`} title={title ?? TITLE[status]}>
      {TEXT[status]}
      <span className="visually-hidden"> ({TITLE[status]})</span>
    </span>
  );
}
