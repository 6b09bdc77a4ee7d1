import { createSite, type Site } from '@rke2-edge/provider-core';
import { describe, expect, it } from 'vitest';
import { AUTOSAVE_KEY, readAutosave, SET_ASIDE_PREFIX } from './autosave.js';
import { AutosaveSession } from './autosaveSession.js';
import { memoryStorage } from './testStorage.js';

const now = () => new Date('2026-11-24T10:00:00Z');
const renamed = (site: Site, name: string): Site => ({ ...site, name });

/** Two tabs on one browser's storage, both having opened the same saved site. */
function twoTabs() {
  const storage = memoryStorage();
  const site = createSite({ name: 'plant' });
  const first = new AutosaveSession(() => storage, 'tab-0', now);
  first.save(site);
  const a = new AutosaveSession(() => storage, 'tab-a', now);
  const b = new AutosaveSession(() => storage, 'tab-b', now);
  const loadedA = a.load();
  const loadedB = b.load();
  if (loadedA.kind !== 'site' || loadedB.kind !== 'site') throw new Error('not loaded');
  return { storage, a, b, siteA: loadedA.site, siteB: loadedB.site, stored: () => readAutosave(storage) };
}

describe('AutosaveSession', () => {
  it('does not write back the site it just loaded, and writes each edit', () => {
    const { storage, a, siteA } = twoTabs();
    const before = storage.data.get(AUTOSAVE_KEY);
    a.save(siteA);
    expect(storage.data.get(AUTOSAVE_KEY)).toBe(before);
    a.save(renamed(siteA, 'plant-2'));
    expect(readAutosave(storage)).toMatchObject({ kind: 'site', site: { name: 'plant-2' }, stamp: { revision: 2, writer: 'tab-a' } });
  });

  it('a stale tab never writes over newer work, on the timer or on hide, and reports the conflict', () => {
    const { a, b, siteA, siteB, stored } = twoTabs();
    b.save(renamed(siteB, 'newer-in-b'));
    a.save(renamed(siteA, 'older-in-a')); // the timer
    expect(a.getState().conflict).toEqual({ name: 'newer-in-b', savedAt: now().toISOString() });
    a.save(renamed(siteA, 'older-in-a, edited again')); // pagehide
    expect(stored()).toMatchObject({ site: { name: 'newer-in-b' }, stamp: { revision: 2, writer: 'tab-b' } });
    expect(b.getState().conflict).toBeNull();
  });

  it('hears of another tab’s save (storage event) and loads its version', () => {
    const { a, b, siteA, siteB, stored } = twoTabs();
    b.save(renamed(siteB, 'from-b'));
    a.othersChanged(siteA);
    expect(a.getState().conflict).toMatchObject({ name: 'from-b' });
    const theirs = a.takeTheirs();
    expect(theirs?.name).toBe('from-b');
    expect(a.getState().conflict).toBeNull();
    a.save(theirs!); // showing it does not write it again
    expect(stored()).toMatchObject({ stamp: { revision: 2, writer: 'tab-b' } });
    a.save(renamed(theirs!, 'from-b, then a')); // and the next edit is saved
    expect(stored()).toMatchObject({ site: { name: 'from-b, then a' }, stamp: { revision: 3, writer: 'tab-a' } });
    b.othersChanged(renamed(siteB, 'from-b'));
    expect(b.getState().conflict).toMatchObject({ name: 'from-b, then a' });
  });

  it('keeps this tab’s version over the other’s when asked, and the other tab is told', () => {
    const { a, b, siteA, siteB, stored } = twoTabs();
    const fromB = renamed(siteB, 'from-b');
    b.save(fromB);
    const mine = renamed(siteA, 'from-a');
    a.save(mine);
    expect(a.getState().conflict).not.toBeNull();
    a.keepMine(mine);
    expect(a.getState().conflict).toBeNull();
    expect(stored()).toMatchObject({ site: { name: 'from-a' }, stamp: { revision: 3, writer: 'tab-a' } });
    b.othersChanged(fromB);
    expect(b.getState().conflict).toMatchObject({ name: 'from-a' });
    b.save(renamed(fromB, 'from-b again'));
    expect(stored()).toMatchObject({ site: { name: 'from-a' } });
  });

  it('says nothing when the other tab saved the same site', () => {
    const { a, b, siteA, siteB, stored } = twoTabs();
    b.save(renamed(siteB, 'same'));
    const same = renamed(siteA, 'same');
    a.othersChanged(same);
    expect(a.getState().conflict).toBeNull();
    a.save(same);
    expect(stored()).toMatchObject({ stamp: { revision: 2, writer: 'tab-b' } });
  });

  it('a tab that opened nothing does not write over a site another tab saved meanwhile', () => {
    const storage = memoryStorage();
    const a = new AutosaveSession(() => storage, 'tab-a', now);
    const b = new AutosaveSession(() => storage, 'tab-b', now);
    expect(a.load()).toEqual({ kind: 'empty' });
    b.save(createSite({ name: 'b-site' }));
    a.save(createSite({ name: 'a-template' }));
    expect(a.getState().conflict).toMatchObject({ name: 'b-site' });
    expect(readAutosave(storage)).toMatchObject({ site: { name: 'b-site' } });
  });

  describe('an unreadable record that storage is too full to set aside', () => {
    const raw = JSON.stringify({ format: 1, savedAt: {}, site: createSite() });
    const full = () => memoryStorage({ [AUTOSAVE_KEY]: raw }, (key) => key.startsWith(SET_ASIDE_PREFIX));

    it('is reported, and not written over by a new site', () => {
      const storage = full();
      const session = new AutosaveSession(() => storage, 'tab-a', now);
      expect(session.load()).toMatchObject({ kind: 'unreadable', setAsideKey: null });
      expect(session.getState().unreadable).toEqual({
        raw,
        reason: expect.stringMatching(/savedAt/),
        problem: "this browser's storage for the designer is full",
      });
      session.save(createSite({ name: 'new-site' }));
      expect(storage.data.get(AUTOSAVE_KEY)).toBe(raw);
      expect(session.getState().unreadable).not.toBeNull();
    });

    it('is written over once downloaded', () => {
      const storage = full();
      const session = new AutosaveSession(() => storage, 'tab-a', now);
      session.load();
      const site = createSite({ name: 'new-site' });
      session.save(site);
      session.releaseUnreadable(false, site);
      expect(session.getState().unreadable).toBeNull();
      expect(readAutosave(storage)).toMatchObject({ kind: 'site', site: { name: 'new-site' } });
    });

    it('is removed when discarded', () => {
      const storage = full();
      const session = new AutosaveSession(() => storage, 'tab-a', now);
      session.load();
      session.releaseUnreadable(true, null);
      expect(storage.data.has(AUTOSAVE_KEY)).toBe(false);
      expect(session.getState().unreadable).toBeNull();
    });
  });

  it('reports a save the browser refuses, and a browser with no storage at all', () => {
    const refusing = new AutosaveSession(() => memoryStorage({}, () => true), 'tab-a', now);
    refusing.save(createSite());
    expect(refusing.getState().problem).toMatch(/could not be saved.*storage for the designer is full.*Download it/);
    const none = new AutosaveSession(() => null, 'tab-a', now);
    expect(none.load()).toEqual({ kind: 'empty' });
    none.save(createSite());
    expect(none.getState().problem).toMatch(/does not allow the designer to store data/);
  });
});
