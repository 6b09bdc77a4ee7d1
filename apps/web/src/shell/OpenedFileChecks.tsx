/**
 * The Device check of opened cloud-configs (provider-core checkCloudConfigs through OpenedChecks):
 * one line per file, opening to the same verdict the preview shows, and above it the addresses the
 * check should use, one field per file, and whether a load balancer of the user's answers at
 * control_plane_host. Each change runs the check again; an address that is no CIDR is said at its
 * field and left out of the check.
 */
import { checkAddressProblem, printable, type CloudConfigFileCheck } from '@rke2-edge/provider-core';
import { Field } from '@rke2-edge/ui';
import { memo, useSyncExternalStore } from 'react';
import { NodeCheckVerdict } from '../preview/DeviceCheckView.js';
import { useSiteState, useSiteStore } from '../state/siteContext.js';
import { fileCheckLine, fileLabel } from './notice.js';
import type { OpenedChecks } from './openedChecks.js';

const ADDRESS_FROM = {
  given: 'as you gave it',
  file: "from the file's network unit",
  config: 'from node-ip or advertise-address in its cluster.config; prefix assumed',
  assumed: 'assumed from its own control_plane_host',
  unknown: 'not known',
} as const;

/** What the check does without a typed address, under the field. */
function addressHint(check: CloudConfigFileCheck): string {
  switch (check.addressFrom) {
    case 'given':
      return 'The check uses this address.';
    case 'file':
      return `Without one, the check uses ${check.address} from the file's network unit.`;
    case 'config':
      return `Without one, the check uses ${check.address} from ${check.addressKey ?? 'node-ip'} in the file's cluster.config, prefix assumed; give the real prefix.`;
    case 'assumed':
      return `Without one, the check assumes ${check.address}, the file's own control_plane_host; give the real address and prefix.`;
    case 'unknown':
      return 'Not known: the check cannot tell whether control_plane_host is this node or in its subnet.';
  }
}

/** One file's address field: subscribed to its own text only, and memoized, so typing in it re-renders it alone. */
const AddressField = memo(function AddressField({
  session,
  index,
  fileName,
  check,
}: {
  session: OpenedChecks;
  index: number;
  fileName: string;
  check: CloudConfigFileCheck;
}) {
  const typed = useSyncExternalStore(session.subscribe, () => session.getState().input.addresses[index] ?? '');
  const problem = checkAddressProblem(typed);
  return (
    <Field
      id={`check-address-${index}`}
      label={fileLabel({ node: check.node, file: fileName })}
      hint={problem ? undefined : addressHint(check)}
      messages={problem ? [{ severity: 'error', text: `${printable(fileName)}: ${problem}; the check runs without it.` }] : []}
    >
      {(control) => (
        <input
          {...control}
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={typed}
          onChange={(e) => session.setAddress(index, e.target.value)}
        />
      )}
    </Field>
  );
});

/** The verdict of each file: re-rendered when the checks change, not while typing. */
const FileCheckList = memo(function FileCheckList({ checks }: { checks: readonly CloudConfigFileCheck[] }) {
  return (
    <ul>
      {checks.map((fileCheck, i) => (
        <li key={i} className={fileCheck.check.ok ? 'file-check-ok' : 'file-check-fail'}>
          <details open={!fileCheck.check.ok}>
            <summary>
              <span aria-hidden="true">{fileCheck.check.ok ? '✓ ' : '✕ '}</span>
              {fileCheckLine(fileCheck)}
            </summary>
            <p className="field-hint">
              Address: {fileCheck.address ? `${fileCheck.address} (${ADDRESS_FROM[fileCheck.addressFrom]})` : ADDRESS_FROM.unknown}
            </p>
            <NodeCheckVerdict check={fileCheck.check} />
          </details>
        </li>
      ))}
    </ul>
  );
});

function CheckAddresses({ checks: session }: { checks: OpenedChecks }) {
  const store = useSiteStore();
  useSiteState(); // what is still to set follows the site's edits
  const { input, checks, checking, applied } = useSyncExternalStore(session.subscribe, session.getState);
  // Each field follows only its own text (AddressField): with 2,000 files, a keystroke re-renders one field.
  const pending = session.pending(store);
  return (
    <fieldset className="check-addresses">
      <legend>Node addresses for the check</legend>
      <p className="field-hint">
        A cloud-config does not say its node&apos;s address unless a stage writes a network unit. Give each node&apos;s address with its
        prefix, e.g. 10.0.1.11/24, and the check runs again.
      </p>
      <div className="check-address-fields">
        {session.files.map((file, i) => (
          <AddressField key={i} session={session} index={i} fileName={file.name} check={checks[i]!} />
        ))}
      </div>
      {!session.kubeVip && (
        <Field
          id="check-load-balancer"
          inline
          label="A load balancer of mine answers at control_plane_host and forwards ports 9345 and 6443 to the servers"
          hint="Otherwise the check takes control_plane_host to be the init node's address, as the files alone say."
        >
          {(control) => (
            <input {...control} type="checkbox" checked={input.loadBalancer} onChange={(e) => session.setLoadBalancer(e.target.checked)} />
          )}
        </Field>
      )}
      {/* Files that made no site (a refused import) have no nodes to set addresses on. */}
      {session.files.some((f) => f.siteNode !== null) && (
        <p className="check-addresses-apply">
          {/* aria-disabled, not disabled: the button keeps its place in the Tab order and keeps focus after it is used. */}
          <button
            type="button"
            aria-disabled={pending.length === 0 || checking}
            aria-describedby="check-addresses-apply-hint"
            onClick={() => {
              if (pending.length > 0 && !checking) session.apply(store);
            }}
          >
            Set these addresses on the site&apos;s nodes
          </button>{' '}
          <span className="field-hint" id="check-addresses-apply-hint" role="status">
            {checking
              ? 'Wait for the check to finish.'
              : pending.length > 0
                ? `${pending.map((p) => p.node).join(', ')}: one edit, undoable.`
                : (applied ??
                  (checks.some((c) => c.addressFrom === 'given' || c.addressFrom === 'file')
                    ? 'The site’s nodes already have every address given here.'
                    : 'Give an address above to set it on the site’s node.'))}
          </span>
        </p>
      )}
    </fieldset>
  );
}

export function OpenedFileChecks({ checks: session }: { checks: OpenedChecks }) {
  const { checks, checking, failed } = useSyncExternalStore(session.subscribe, session.getState);
  const failing = checks.filter((c) => !c.check.ok).length;
  const given = checks.some((c) => c.addressFrom === 'given');
  return (
    <div className="opened-file-checks">
      <CheckAddresses checks={session} />
      <p role="status" className="file-checks-summary">
        {checking
          ? 'Checking the files again with what you typed…'
          : failed
            ? `The check could not run again (${failed}); these are the last verdicts.`
            : `Device check of the files ${given ? 'with the addresses given' : 'as written'}, one cluster: ${
                failing === 0 ? 'every node comes up and joins.' : `${failing} of ${checks.length} would not come up.`
              }`}
      </p>
      <FileCheckList checks={checks} />
    </div>
  );
}
