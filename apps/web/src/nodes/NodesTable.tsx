/**
 * The site's nodes: a sortable, virtualised table (only the visible rows are in the page, so a
 * 1,000-node site scrolls and types smoothly) with inline role change, duplicate and remove.
 */
import { KAIROS_ROLES, siteEdits, type NodeRole, type Site } from '@rke2-edge/provider-core';
import { DuplicateIcon, RemoveIcon, StatusBadge } from '@rke2-edge/ui';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { useAnalysis, useSiteStore } from '../state/siteContext.js';
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
  selected: number;
  onSelect: (index: number) => void;
}

export function NodesTable({ site, selected, onSelect }: NodesTableProps) {
  const store = useSiteStore();
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

  const sortBy = (key: SortKey) => setSort((s) => ({ key, descending: s.key === key ? !s.descending : false }));
  const ariaSort = (key: SortKey) => (sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none');
  const setRole = (index: number, role: NodeRole) =>
    store.edit(`Set ${site.nodes[index]?.name} role`, (s) => siteEdits.setNodeRole(s, index, role), { external: true });

  if (site.nodes.length === 0)
    return <p className="empty">This site has no nodes yet. Add the first one: it will start the cluster (role init).</p>;

  return (
    <div role="table" aria-label="Nodes" aria-rowcount={order.length + 1} className="nodes-table">
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
      <div ref={scroller} className="nodes-scroll" role="rowgroup">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => {
            const index = order[row.index]!;
            const node = site.nodes[index]!;
            const nodeStatus = pending && !analysis ? 'pending' : (status[index] ?? 'pending');
            return (
              // A click anywhere on the row selects it; from the keyboard, the name button in the row does.
              // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/interactive-supports-focus
              <div
                role="row"
                key={index}
                aria-rowindex={row.index + 2}
                className={`nodes-row${index === selected ? ' selected' : ''}`}
                style={{ position: 'absolute', top: 0, transform: `translateY(${row.start}px)`, height: ROW_HEIGHT, width: '100%' }}
                onClick={() => onSelect(index)}
              >
                <div role="cell">
                  <StatusBadge status={nodeStatus} />
                </div>
                <div role="cell">
                  <button
                    type="button"
                    className="link"
                    onClick={() => onSelect(index)}
                    aria-current={index === selected ? 'true' : undefined}
                  >
                    {node.name || '(no name)'}
                  </button>
                </div>
                <div role="cell">
                  <select
                    aria-label={`Role of ${node.name}`}
                    value={node.role}
                    onChange={(e) => setRole(index, e.target.value as NodeRole)}
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
                  <button
                    type="button"
                    aria-label={`Duplicate ${node.name}`}
                    title="Duplicate"
                    onClick={(e) => (
                      e.stopPropagation(),
                      store.edit(`Duplicate ${node.name}`, (s) => siteEdits.duplicateNode(s, index), { external: true }),
                      onSelect(index + 1)
                    )}
                  >
                    <DuplicateIcon />
                  </button>
                  <button
                    type="button"
                    aria-label={`Remove ${node.name}`}
                    title="Remove"
                    onClick={(e) => (
                      e.stopPropagation(),
                      store.edit(`Remove ${node.name}`, (s) => siteEdits.removeNode(s, index), { external: true }),
                      onSelect(Math.max(0, Math.min(selected, site.nodes.length - 2)))
                    )}
                  >
                    <RemoveIcon />
                  </button>
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
