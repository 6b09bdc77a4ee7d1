/**
 * The failure view: mark nodes as failed and see what breaks — etcd quorum, the Kubernetes API,
 * the control-plane endpoint and each node's workloads — with the worst single failure on top.
 * provider-core computes all of it (failureTopology, failureOutcome, worstSingleFailure); this
 * page keeps the marked nodes (by node id, so they follow renames and reorders) and lays it out.
 */
import { failureOutcome, failureTopology, VERDICT_LABELS, worstSingleFailure, type FailureOutcome } from '@rke2-edge/provider-core';
import { ScrollRegion } from '@rke2-edge/ui';
import { useMemo, useState } from 'react';
import { useShown } from '../shell/presentation.js';
import type { NodeId } from '../state/nodeIds.js';
import { useSiteState } from '../state/siteContext.js';
import { FailedNodePicker } from './failure/FailedNodePicker.js';
import { FailurePicture } from './failure/FailurePicture.js';
import { SourceList } from './SourceLinks.js';
import type { ViewProps } from './ViewPage.js';

/** Rows the node table shows (failed nodes are always shown): enough for any edge site, bounded for huge ones. */
const FAILURE_ROWS = 200;

export function FailureView({ site, redact }: ViewProps) {
  const { nodeIds } = useSiteState();
  const [failedIds, setFailedIds] = useState<readonly NodeId[]>([]);
  // Redacted before anything is computed from it: the topology holds the names and labels the model decoded from the site.
  const topology = useShown(
    useMemo(() => failureTopology(site), [site]),
    redact,
  );
  const worst = useShown(
    useMemo(() => worstSingleFailure(topology), [topology]),
    redact,
  );
  const failed = useMemo(() => failedIds.map((id) => nodeIds.indexOf(id)).filter((i) => i >= 0), [failedIds, nodeIds]);
  const outcome = useShown(
    useMemo(() => failureOutcome(topology, failed), [topology, failed]),
    redact,
  );

  if (site.nodes.length === 0) {
    return (
      <p className="empty">
        This site has no nodes yet. Add servers and workers in the Nodes section, then come back to see what each one&apos;s loss would
        break.
      </p>
    );
  }
  const setFailed = (indexes: readonly number[]) => setFailedIds(indexes.flatMap((i) => (nodeIds[i] ? [nodeIds[i]] : [])));
  const toggle = (index: number, on: boolean) => setFailed(on ? [...failed, index] : failed.filter((i) => i !== index));

  return (
    <div className="failure-view">
      <p className="field-hint">
        Mark one or two nodes as failed (powered off, cut off the network, broken disk) and see what still works. Everything here is
        computed from this design: the servers&apos; etcd members, the control-plane endpoint and each node&apos;s labels and taints.
      </p>
      {worst && (
        <section aria-labelledby="failure-worst-title" className={`failure-worst failure-verdict-${worst.verdict}`}>
          <h3 id="failure-worst-title">Worst single failure: {worst.name}</h3>
          <p>{worst.words}</p>
          <button type="button" onClick={() => setFailed([worst.index])} disabled={failed.length === 1 && failed[0] === worst.index}>
            Show losing {worst.name}
          </button>
        </section>
      )}
      <div className="failure-layout">
        <FailedNodePicker topology={topology} failed={failed} onToggle={toggle} onClear={() => setFailed([])} rows={FAILURE_ROWS} />
        <div className="failure-result">
          <section aria-labelledby="failure-verdict-title" className={`failure-verdict failure-verdict-${outcome.verdict}`}>
            <h3 id="failure-verdict-title">
              {failed.length === 0 ? 'Nothing marked as failed' : `Verdict: ${VERDICT_LABELS[outcome.verdict]}`}
            </h3>
            <p role="status">{outcome.summary}</p>
          </section>
          <FailurePicture outcome={outcome} />
        </div>
      </div>
      <FailureDetails outcome={outcome} />
    </div>
  );
}

/** Text with `commands` in backticks, the commands shown as code. */
function withCode(text: string) {
  return text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}

function FailureDetails({ outcome }: { outcome: FailureOutcome }) {
  const rows = outcome.nodes.filter((n) => n.index < FAILURE_ROWS || n.failed);
  return (
    <>
      <section aria-labelledby="failure-etcd-title">
        <h3 id="failure-etcd-title">etcd quorum</h3>
        <p>{outcome.etcd.words}</p>
      </section>
      <section aria-labelledby="failure-api-title">
        <h3 id="failure-api-title">Kubernetes API and control-plane endpoint</h3>
        <p>{outcome.api.words}</p>
        <p>{outcome.endpoint.words}</p>
      </section>
      <div className="table-section">
        <h3 id="failure-nodes-title">What happens on each node</h3>
        {outcome.strandedLabels.length > 0 && (
          <p className="failure-stranded">
            Workloads that select{' '}
            {outcome.strandedLabels.map((s, i) => (
              <span key={s.label}>
                {i > 0 && ', '}
                <code>{s.label}</code>
              </span>
            ))}{' '}
            have nowhere left to run: only failed nodes carry {outcome.strandedLabels.length === 1 ? 'that label' : 'those labels'}.
          </p>
        )}
        <ScrollRegion labelledBy="failure-nodes-title">
          <table className="failure-table">
            <thead>
              <tr>
                <th scope="col">Node</th>
                <th scope="col">Labels and taints</th>
                <th scope="col">What happens</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((n) => (
                <tr key={n.index} className={n.failed ? 'failure-row-down' : n.reachesApi ? undefined : 'failure-row-cut'}>
                  <th scope="row">
                    {n.name}
                    <span className="failure-role">{n.role}</span>
                  </th>
                  <td>
                    {n.labels.length + n.taints.length === 0 ? (
                      <span className="empty">none</span>
                    ) : (
                      <ul className="failure-tags">
                        {n.labels.map((l) => (
                          <li key={`l-${l}`}>
                            <code>{l}</code>
                          </li>
                        ))}
                        {n.taints.map((t) => (
                          <li key={`t-${t}`}>
                            <code>{t}</code> <span className="failure-role">taint</span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>{n.words}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
        {outcome.nodes.length > rows.length && (
          <p className="field-hint">
            Showing {rows.length} of {outcome.nodes.length} nodes: the first {FAILURE_ROWS} and every failed one.
          </p>
        )}
      </div>
      {outcome.recovery.length > 0 && (
        <section aria-labelledby="failure-recovery-title">
          <h3 id="failure-recovery-title">What to do</h3>
          <ol className="failure-recovery">
            {outcome.recovery.map((step) => (
              <li key={step}>{withCode(step)}</li>
            ))}
          </ol>
        </section>
      )}
      {outcome.sources.length > 0 && (
        <section aria-labelledby="failure-sources-title">
          <h4 id="failure-sources-title">Where these facts come from</h4>
          <SourceList sources={outcome.sources} className="failure-sources" />
        </section>
      )}
    </>
  );
}
