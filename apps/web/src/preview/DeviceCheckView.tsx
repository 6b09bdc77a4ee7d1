/**
 * The selected node's boot check: does it come up and join, or what RKE2 says and where that rule
 * comes from; and what the device must bring. All of it is provider-core's check, shown as is.
 */
import type { NodeCheck } from '@rke2-edge/provider-core';
import { useId } from 'react';
import { useAnalysis } from '../state/siteContext.js';
import { nodeCheckOf } from './nodeCheck.js';

export function DeviceCheckView({
  selected,
  nodeName,
  onShowFindings,
}: {
  selected: number;
  nodeName: string;
  onShowFindings: () => void;
}) {
  const { analysis, pending, error } = useAnalysis();
  const check = nodeCheckOf(analysis, selected);
  if (error) return <p className="failure">The check could not run: {error}</p>;
  if (!check || check.node !== nodeName)
    return (
      <p className="empty" role="status">
        {pending ? `Checking how ${nodeName || 'this node'} boots…` : `No check result for ${nodeName || 'this node'}.`}
      </p>
    );
  return <NodeCheckVerdict check={check} pending={pending} onShowFindings={onShowFindings} />;
}

/**
 * A node's check as the preview shows it, also used for cloud-configs opened before they became a
 * site (shell/Notices.tsx, without "Show in Findings": the findings are the site's).
 */
export function NodeCheckVerdict({
  check,
  pending = false,
  onShowFindings,
}: {
  check: NodeCheck;
  pending?: boolean;
  onShowFindings?: () => void;
}) {
  const id = useId();
  return (
    <div className="device-check" aria-busy={pending}>
      <section aria-labelledby={`${id}-verdict`} className={`verdict ${check.ok ? 'verdict-ok' : 'verdict-fail'}`}>
        <h3 id={`${id}-verdict`}>
          <span aria-hidden="true">{check.ok ? '✓ ' : '✕ '}</span>
          {check.ok
            ? 'Comes up and joins'
            : check.service === 'none'
              ? 'Does not come up: no RKE2 service starts'
              : `Does not come up: ${check.service} stops`}
        </h3>
        {check.ok ? (
          <p>Simulated from its own user-data, {check.service} passes every start-up rule the check ports from RKE2 and Kubernetes.</p>
        ) : (
          <>
            <ul className="check-failures">
              {check.failures.map((f, i) => (
                <li key={`${f.rule}-${i}`}>
                  <p className="check-message">{f.message}</p>
                  <p className="check-source">
                    Source: <code>{f.source}</code>
                  </p>
                </li>
              ))}
            </ul>
            {onShowFindings && (
              <button type="button" onClick={onShowFindings}>
                Show in Findings
              </button>
            )}
          </>
        )}
        {pending && <p className="field-hint">Checking the latest edit…</p>}
      </section>
      <section aria-labelledby={`${id}-needs`}>
        <h3 id={`${id}-needs`}>What this device needs</h3>
        {check.needs.length === 0 ? (
          <p className="empty">Nothing beyond a Kairos image with RKE2.</p>
        ) : (
          <ul className="check-needs">
            {check.needs.map((need) => (
              <li key={need}>{need}</li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
