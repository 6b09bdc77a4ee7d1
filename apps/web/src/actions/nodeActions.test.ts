import { createSite, siteEdits } from '@rke2-edge/provider-core';
import { describe, expect, it } from 'vitest';
import { SiteStore } from '../state/siteStore.js';
import { redo, undo } from './historyActions.js';
import { addNode, addWorkers, duplicateNode, removeNode, setNodeRole, updateNode } from './nodeActions.js';
import { editSettings } from './settingsActions.js';

function storeWithNodes() {
  const store = new SiteStore(() => 0);
  store.open(
    siteEdits.addWorkers(siteEdits.addNode(createSite({ name: 's', nodes: [] }), 'init'), {
      count: 2,
      namePattern: 'w{n}',
      firstAddress: '',
    }),
  );
  return store;
}
const names = (store: SiteStore) => store.getState().site!.nodes.map((n) => n.name);

describe('node actions through the store', () => {
  it('name nodes by id, so an action still finds its node after the nodes above it moved', () => {
    const store = storeWithNodes();
    const [init, w1, w2] = store.getState().nodeIds;
    store.perform(removeNode, { node: init! });
    expect(store.getState().nodeIds).toEqual([w1, w2]);
    store.perform(setNodeRole, { node: w2!, role: 'controlplane' });
    expect(store.getState().site!.nodes.map((n) => n.role)).toEqual(['worker', 'controlplane']);
    expect(store.getState().lastEdit).toBe('Set w2 role');
  });

  it('record their label for undo, and undo brings back the ids that went with the site', () => {
    const store = storeWithNodes();
    const ids = store.getState().nodeIds;
    store.perform(duplicateNode, { node: ids[1]! });
    expect(store.getState().lastEdit).toBe('Duplicate w1');
    expect(names(store)).toEqual(['cp-1', 'w1', 'w-2', 'w2']);
    store.perform(undo);
    expect(store.getState().nodeIds).toEqual(ids);
    store.perform(redo);
    expect(store.getState().nodeIds).toHaveLength(4);
    expect(store.getState().nodeIds.slice(0, 2)).toEqual(ids.slice(0, 2));
  });

  it('add nodes, update one in place (keeping its id) and leave the site alone for a node that is gone', () => {
    const store = storeWithNodes();
    store.perform(addNode, { role: 'controlplane' });
    store.perform(addWorkers, { count: 2, namePattern: 'x{n}', firstAddress: '' });
    expect(names(store)).toEqual(['cp-1', 'w1', 'w2', 'cp-2', 'x1', 'x2']);
    const id = store.getState().nodeIds[1]!;
    store.perform(updateNode, { node: id, value: { ...store.getState().site!.nodes[1]!, name: 'renamed' }, field: 'name' });
    expect(store.getState().nodeIds[1]).toBe(id);
    expect(store.getState().lastEdit).toBe('Edit renamed name');
    store.perform(removeNode, { node: id });
    const before = store.getState().site;
    store.perform(removeNode, { node: id });
    expect(store.getState().site).toBe(before);
  });

  it('edit the settings without touching the nodes', () => {
    const store = storeWithNodes();
    const { nodes, ...settings } = store.getState().site!;
    store.perform(editSettings, { value: { ...settings, name: 'new' }, field: 'name' });
    expect(store.getState().site!.name).toBe('new');
    expect(store.getState().site!.nodes).toBe(nodes);
  });
});
