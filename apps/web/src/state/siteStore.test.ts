import { createSite } from '@rke2-edge/provider-core';
import { describe, expect, it } from 'vitest';
import { COALESCE_MS, HISTORY_LIMIT, SiteStore } from './siteStore.js';

function storeAt() {
  let now = 0;
  const store = new SiteStore(() => now);
  store.open(createSite({ name: 'a' }));
  return { store, tick: (ms: number) => (now += ms) };
}
const rename = (name: string) => (site: ReturnType<typeof createSite>) => ({ ...site, name });

describe('SiteStore', () => {
  it('undoes and redoes edits, and a new edit clears redo', () => {
    const { store, tick } = storeAt();
    store.edit('rename', rename('b'));
    tick(5000);
    store.edit('rename', rename('c'));
    store.undo();
    expect(store.getState().site!.name).toBe('b');
    store.undo();
    expect(store.getState().site!.name).toBe('a');
    store.redo();
    expect(store.getState().site!.name).toBe('b');
    store.edit('rename', rename('z'));
    expect(store.getState().future).toEqual([]);
    store.redo();
    expect(store.getState().site!.name).toBe('z');
  });

  it('makes one undo step of typing in one field, but not of pauses or other fields', () => {
    const { store, tick } = storeAt();
    for (const name of ['b', 'bo', 'bob']) {
      store.edit('type', rename(name), { coalesceKey: 'name' });
      tick(100);
    }
    expect(store.getState().past).toHaveLength(1);
    tick(COALESCE_MS + 1);
    store.edit('type', rename('bobby'), { coalesceKey: 'name' });
    store.edit('type', (s) => ({ ...s, description: 'x' }), { coalesceKey: 'description' });
    expect(store.getState().past).toHaveLength(3);
    store.undo();
    store.undo();
    store.undo();
    expect(store.getState().site!.name).toBe('a');
  });

  it('never merges an external edit (a button, a table cell) into the typing before it', () => {
    const { store, tick } = storeAt();
    store.edit('type', rename('b'), { coalesceKey: 'name' });
    tick(100);
    store.edit('button', rename('c'), { coalesceKey: 'name', external: true });
    tick(100);
    store.edit('type', rename('cd'), { coalesceKey: 'name' });
    expect(store.getState().past.map((s) => s.name)).toEqual(['a', 'b', 'c']);
  });

  it('ignores edits that change nothing, and keeps a bounded history', () => {
    const { store, tick } = storeAt();
    store.edit('nothing', (s) => s);
    expect(store.getState().past).toHaveLength(0);
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) {
      tick(COALESCE_MS + 1);
      store.edit('rename', rename(`n${i}`));
    }
    expect(store.getState().past).toHaveLength(HISTORY_LIMIT);
  });

  it('opens another site in place of the open one as an undoable edit, or fresh when none is open', () => {
    const { store } = storeAt();
    store.replace(createSite({ name: 'opened' }), 'Open opened.json');
    expect(store.getState()).toMatchObject({ site: { name: 'opened' }, lastEdit: 'Open opened.json' });
    store.undo();
    expect(store.getState().site!.name).toBe('a');
    const empty = new SiteStore();
    empty.replace(createSite({ name: 'first' }), 'Open first.json');
    expect(empty.getState()).toMatchObject({ site: { name: 'first' }, past: [] });
  });

  it('notifies subscribers', () => {
    const { store } = storeAt();
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    store.edit('rename', rename('b'));
    unsubscribe();
    store.edit('rename', rename('c'));
    expect(calls).toBe(1);
  });
});
