/** A small status pill whose meaning is in its text, not only its colour. */
export type Status = 'ok' | 'warnings' | 'errors' | 'pending';

const TEXT: Record<Status, string> = { ok: 'ok', warnings: 'warnings', errors: 'errors', pending: '…' };

export function StatusBadge({ status, title }: { status: Status; title?: string }) {
  return (
    <span className={`badge badge-${status}`} title={title}>
      {TEXT[status]}
    </span>
  );
}
