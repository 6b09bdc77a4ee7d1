import { createSite, siteEdits } from '@rke2-edge/provider-core';
import { describe, expect, it } from 'vitest';
import { removeNode } from '../actions/nodeActions.js';
import { SiteStore } from '../state/siteStore.js';
import { selectedIndex, selectionAt } from './nodeSelection.js';

function store() {
  const s = new SiteStore(() => 0);
  s.open(siteEdits.addWorkers(createSite({ name: 's', nodes: [] }), { count: 4, namePattern: 'w{n}', firstAddress: '' }));
  return s;
}

describe('node selection', () => {
  it('follows the selected node when a node above it is removed, and back on undo', () => {
    const s = store();
    const selection = selectionAt(s.getState().nodeIds, 2);
    s.perform(removeNode, { node: s.getState().nodeIds[0]! });
    expect(s.getState().site!.nodes[selectedIndex(s.getState().nodeIds, selection)]!.name).toBe('w3');
    s.undo();
    expect(selectedIndex(s.getState().nodeIds, selection)).toBe(2);
  });

  it('follows it when the nodes are reordered', () => {
    const s = store();
    const selection = selectionAt(s.getState().nodeIds, 0);
    s.edit('reverse', (site) => ({ ...site, nodes: [...site.nodes].reverse() }));
    expect(selectedIndex(s.getState().nodeIds, selection)).toBe(3);
  });

  it('falls back to the same place when the selected node is gone', () => {
    const s = store();
    const selection = selectionAt(s.getState().nodeIds, 3);
    s.perform(removeNode, { node: selection.id! });
    expect(selectedIndex(s.getState().nodeIds, selection)).toBe(2);
    expect(selectedIndex([], selection)).toBe(0);
  });
});
