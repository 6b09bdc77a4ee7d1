/** One row of the nodes table: status, name (selects it), role, address, MAC, duplicate and remove. */
import { KAIROS_ROLES, type NodeRole, type NodeStatus, type SiteNode } from '@rke2-edge/provider-core';
import { DuplicateIcon, RemoveIcon, StatusBadge } from '@rke2-edge/ui';
import type { CSSProperties } from 'react';
import { duplicateNode, removeNode, setNodeRole } from '../actions/nodeActions.js';
import type { NodeId } from '../state/nodeIds.js';
import { useSiteStore } from '../state/siteContext.js';

export interface NodeRowProps {
  id: NodeId;
  node: SiteNode;
  rowIndex: number;
  status: NodeStatus | 'pending';
  selected: boolean;
  style: CSSProperties;
  onSelect: (id: NodeId) => void;
  /** Where the selection goes when this node is removed while selected. */
  onRemoved: (id: NodeId) => void;
}

export function NodeRow({ id, node, rowIndex, status, selected, style, onSelect, onRemoved }: NodeRowProps) {
  const store = useSiteStore();
  const duplicate = () => {
    store.perform(duplicateNode, { node: id });
    const ids = store.getState().nodeIds;
    const copy = ids[ids.indexOf(id) + 1];
    if (copy) onSelect(copy);
  };
  const remove = () => {
    onRemoved(id);
    store.perform(removeNode, { node: id });
  };
  return (
    // A click anywhere on the row selects it; from the keyboard, the name button in the row does.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/interactive-supports-focus
    <div
      role="row"
      aria-rowindex={rowIndex + 2}
      className={`nodes-row${selected ? ' selected' : ''}`}
      style={style}
      onClick={() => onSelect(id)}
    >
      <div role="cell">
        <StatusBadge status={status} />
      </div>
      <div role="cell">
        <button type="button" className="link" onClick={() => onSelect(id)} aria-current={selected ? 'true' : undefined}>
          {node.name || '(no name)'}
        </button>
      </div>
      <div role="cell">
        <select
          aria-label={`Role of ${node.name}`}
          value={node.role}
          onChange={(e) => store.perform(setNodeRole, { node: id, role: e.target.value as NodeRole })}
          onClick={(e) => e.stopPropagation()}
        >
          {KAIROS_ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      <div role="cell" className="mono">
        {node.address || '—'}
      </div>
      <div role="cell" className="mono nodes-mac">
        {node.mac || '—'}
      </div>
      <div role="cell" className="row-actions">
        <button type="button" aria-label={`Duplicate ${node.name}`} title="Duplicate" onClick={(e) => (e.stopPropagation(), duplicate())}>
          <DuplicateIcon />
        </button>
        <button type="button" aria-label={`Remove ${node.name}`} title="Remove" onClick={(e) => (e.stopPropagation(), remove())}>
          <RemoveIcon />
        </button>
      </div>
    </div>
  );
}
