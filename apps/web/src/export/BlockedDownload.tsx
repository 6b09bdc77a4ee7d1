/** Why the zip cannot be downloaded: unsafe values (no way around them) or errors (experts may go on). */
import type { Finding } from '@rke2-edge/provider-core';
import { describeFinding } from '../findings/fieldPaths.js';

export function UnsafeValues({ unsafe }: { unsafe: readonly Finding[] }) {
  const one = unsafe.length === 1;
  return (
    <div role="alert" className="blocked">
      <p>
        <strong>
          The site has {unsafe.length} unsafe value{one ? '' : 's'}: {one ? 'it' : 'they'} could run commands, add lines to files or make
          the devices refuse their configuration.
        </strong>{' '}
        No files for devices are made from it, not even by experts, until {one ? 'it is' : 'they are'} fixed:
      </p>
      <FindingList findings={unsafe} />
    </div>
  );
}

export function BlockingErrors({ errors, onForce, disabled }: { errors: readonly Finding[]; onForce: () => void; disabled: boolean }) {
  return (
    <div role="alert" className="blocked">
      <p>
        <strong>
          The site has {errors.length} error{errors.length === 1 ? '' : 's'}; nodes built from it will not work as designed.
        </strong>{' '}
        Fix them first:
      </p>
      <FindingList findings={errors} />
      <button type="button" onClick={onForce} disabled={disabled}>
        Download anyway (experts)
      </button>
    </div>
  );
}

/** The first ten findings that block the download, and how many more there are. */
function FindingList({ findings }: { findings: readonly Finding[] }) {
  return (
    <>
      <ul>
        {findings.slice(0, 10).map((f, i) => (
          <li key={i}>{describeFinding(f)}</li>
        ))}
      </ul>
      {findings.length > 10 && <p>…and {findings.length - 10} more (see Findings).</p>}
    </>
  );
}
