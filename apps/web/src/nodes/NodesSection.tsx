import { LIMITS, siteEdits, type NodeRole, type Site } from '@rke2-edge/provider-core';
import { useState, type FormEvent } from 'react';
import { addNode, addWorkers } from '../actions/nodeActions.js';
import type { NodeId } from '../state/nodeIds.js';
import { useSiteState, useSiteStore } from '../state/siteContext.js';
import { NodeForm } from './NodeForm.js';
import { NodesTable } from './NodesTable.js';

export interface NodesSectionProps {
  site: Site;
  selected: NodeId | null;
  onSelect: (id: NodeId) => void;
}

export function NodesSection({ site, selected, onSelect }: NodesSectionProps) {
  const store = useSiteStore();
  const { nodeIds } = useSiteState();
  const index = selected === null ? -1 : nodeIds.indexOf(selected);
  const node = site.nodes[index];
  const add = (role: NodeRole) => {
    store.perform(addNode, { role });
    const added = store.getState().nodeIds.at(-1);
    if (added) onSelect(added);
  };
  const full = siteEdits.roomForNodes(site) === 0;
  return (
    <>
      <div className="toolbar">
        {full && (
          <p className="field-hint" id="nodes-full">
            The site has {LIMITS.nodes} nodes, the most one site can hold: it could not be opened again with more.
          </p>
        )}
        <button
          type="button"
          onClick={() => add(site.nodes.length === 0 ? 'init' : 'worker')}
          disabled={full}
          aria-describedby={full ? 'nodes-full' : undefined}
        >
          {site.nodes.length === 0 ? 'Add first node' : 'Add worker'}
        </button>
        {site.nodes.length > 0 && (
          <button type="button" onClick={() => add('controlplane')} disabled={full}>
            Add control plane
          </button>
        )}
        {!full && <BulkAdd site={site} />}
      </div>
      <NodesTable site={site} nodeIds={nodeIds} selected={selected} onSelect={onSelect} />
      {node && selected && <NodeForm key={selected} node={node} id={selected} index={index} />}
    </>
  );
}

function BulkAdd({ site }: { site: Site }) {
  const store = useSiteStore();
  const [open, setOpen] = useState(false);
  const [count, setCount] = useState('10');
  const [pattern, setPattern] = useState('worker-{n}');
  const last = site.nodes.at(-1)?.address ?? '';
  const [firstAddress, setFirstAddress] = useState(() => siteEdits.nextNodeAddress(last));
  const n = Number(count);
  const room = siteEdits.roomForNodes(site);
  const countError =
    !Number.isInteger(n) || n < 1 || n > room
      ? `Enter a whole number from 1 to ${room} (a site holds at most ${LIMITS.nodes} nodes).`
      : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (countError) return;
    store.perform(addWorkers, { count: n, namePattern: pattern || 'worker-{n}', firstAddress });
    setOpen(false);
  };
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)} aria-expanded={false}>
        Add many workers…
      </button>
    );
  return (
    <form className="bulk-add" onSubmit={submit} aria-label="Add many workers">
      <label>
        How many
        <input
          type="number"
          min={1}
          max={room}
          value={count}
          onChange={(e) => setCount(e.target.value)}
          aria-invalid={countError !== null}
          aria-describedby="bulk-count-error"
        />
      </label>
      <label>
        Name pattern ({'{n}'} is the number)
        <input value={pattern} onChange={(e) => setPattern(e.target.value)} spellCheck={false} />
      </label>
      <label>
        First address
        <input value={firstAddress} onChange={(e) => setFirstAddress(e.target.value)} placeholder="192.168.1.50/24" spellCheck={false} />
      </label>
      <span id="bulk-count-error" className="message-error">
        {countError}
      </span>
      <button type="submit" disabled={countError !== null}>
        Add
      </button>
      <button type="button" onClick={() => setOpen(false)}>
        Cancel
      </button>
    </form>
  );
}
