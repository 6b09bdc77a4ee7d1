/**
 * The failure view's node list: one checkbox per node to mark it failed (native checkboxes, so
 * Tab and Space work as everywhere), with what the node runs beside its name.
 */
import type { FailureNode, FailureTopology } from '@rke2-edge/provider-core';

interface FailedNodePickerProps {
  topology: FailureTopology;
  failed: readonly number[];
  onToggle: (index: number, failed: boolean) => void;
  onClear: () => void;
  /** Nodes listed (failed ones are always listed). */
  rows: number;
}

function runs(node: FailureNode): string {
  const parts: string[] = [node.role];
  if (node.components.etcd) parts.push('etcd');
  if (node.role !== 'worker' && node.components.apiServer) parts.push('API');
  if (node.address) parts.push(node.address);
  return parts.join(' · ');
}

export function FailedNodePicker({ topology, failed, onToggle, onClear, rows }: FailedNodePickerProps) {
  const marked = new Set(failed);
  const listed = topology.nodes.filter((n) => n.index < rows || marked.has(n.index));
  return (
    <fieldset className="failure-picker">
      <legend>Nodes that fail</legend>
      <ul>
        {listed.map((node) => (
          <li key={node.index}>
            <label>
              <input type="checkbox" checked={marked.has(node.index)} onChange={(e) => onToggle(node.index, e.target.checked)} />
              <span className="failure-pick-name">{node.name}</span>
              <span className="failure-pick-runs">{runs(node)}</span>
            </label>
          </li>
        ))}
      </ul>
      {topology.nodes.length > listed.length && (
        <p className="field-hint">
          Listing {listed.length} of {topology.nodes.length} nodes.
        </p>
      )}
      <button type="button" onClick={onClear} disabled={failed.length === 0}>
        Clear ({failed.length} marked)
      </button>
    </fieldset>
  );
}
