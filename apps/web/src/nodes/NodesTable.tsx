/**
 * The site's nodes: a sortable, virtualised table (only the visible rows are in the page, so a
 * 1,000-node site scrolls and types smoothly) with inline role change, duplicate and remove. Rows
 * are keyed and selected by node id, so a row follows its node when others move.
 */
import type { Site } from '@rke2-edge/provider-core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { NodeId } from '../state/nodeIds.js';
import { useAnalysis } from '../state/siteContext.js';
import { NodeRow } from './NodeRow.js';
import { nodeOrder, type Sort, type SortKey } from './nodeOrder.js';

const ROW_HEIGHT = 38;
/** The MAC column is shown only where the table is wide enough (a container query in styles.css). */
const COLUMNS: { key: SortKey; label: string; className?: string }[] = [
  { key: 'status', label: 'Status' },
  { key: 'name', label: 'Name' },
  { key: 'role', label: 'Role' },
  { key: 'address', label: 'Address' },
  { key: 'mac', label: 'MAC', className: 'nodes-mac' },
];

export interface NodesTableProps {
  site: Site;
  nodeIds: readonly NodeId[];
  selected: NodeId | null;
  onSelect: (id: NodeId) => void;
}

export function NodesTable({ site, nodeIds, selected, onSelect }: NodesTableProps) {
  const { analysis, pending } = useAnalysis();
  const [sort, setSort] = useState<Sort>({ key: 'order', descending: false });
  const status = useMemo(() => analysis?.nodeStatus ?? [], [analysis]);
  const order = useMemo(() => nodeOrder(site.nodes, status, sort), [site.nodes, status, sort]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: order.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialRect: { width: 600, height: 300 },
  });
  // Removing the selected node selects its neighbour (the next one, or the one before the last).
  const onRemoved = (id: NodeId) => {
    if (id !== selected) return;
    const i = nodeIds.indexOf(id);
    const neighbour = nodeIds[i + 1] ?? nodeIds[i - 1];
    if (neighbour) onSelect(neighbour);
  };

  if (site.nodes.length === 0)
    return <p className="empty">This site has no nodes yet. Add the first one: it will start the cluster (role init).</p>;

  return (
    <div role="table" aria-label="Nodes" aria-rowcount={order.length + 1} className="nodes-table">
      <NodesHead sort={sort} onSort={setSort} />
      <div ref={scroller} className="nodes-scroll" role="rowgroup">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => {
            const index = order[row.index]!;
            const id = nodeIds[index]!;
            return (
              <NodeRow
                key={id}
                id={id}
                node={site.nodes[index]!}
                rowIndex={row.index}
                status={pending && !analysis ? 'pending' : (status[index] ?? 'pending')}
                selected={id === selected}
                style={{ position: 'absolute', top: 0, transform: `translateY(${row.start}px)`, height: ROW_HEIGHT, width: '100%' }}
                onSelect={onSelect}
                onRemoved={onRemoved}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

function NodesHead({ sort, onSort }: { sort: Sort; onSort: (update: (s: Sort) => Sort) => void }) {
  const sortBy = (key: SortKey) => onSort((s) => ({ key, descending: s.key === key ? !s.descending : false }));
  const ariaSort = (key: SortKey) => (sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none');
  return (
    <div role="rowgroup">
      <div role="row" aria-rowindex={1} className="nodes-row nodes-head">
        {COLUMNS.map((c) => (
          <div role="columnheader" key={c.key} aria-sort={ariaSort(c.key)} className={c.className}>
            <button type="button" className="sort" onClick={() => sortBy(c.key)}>
              {c.label}
              <span aria-hidden="true">{sort.key === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
            </button>
          </div>
        ))}
        <div role="columnheader">
          <span className="visually-hidden">Actions</span>
        </div>
      </div>
    </div>
  );
}
