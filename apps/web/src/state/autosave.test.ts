import { createSite } from '@rke2-edge/provider-core';
import { describe, expect, it } from 'vitest';
import { AUTOSAVE_KEY, loadAutosave, peekStamp, readAutosave, saveAutosave, SET_ASIDE_PREFIX, setAside } from './autosave.js';
import { memoryStorage } from './testStorage.js';

const now = new Date('2026-11-24T10:00:00Z');
const setAsideKey = `${SET_ASIDE_PREFIX}${now.toISOString()}`;
const envelope = (fields: Record<string, unknown>) =>
  JSON.stringify({ format: 1, savedAt: now.toISOString(), revision: 1, writer: 'tab-b', site: createSite(), ...fields });

describe('autosave', () => {
  it('round-trips a site with its revision and writer', () => {
    const storage = memoryStorage();
    const site = createSite({ name: 'plant-7' });
    expect(saveAutosave(storage, site, { writer: 'tab-a', basis: null, now })).toEqual({
      kind: 'saved',
      stamp: { revision: 1, writer: 'tab-a' },
    });
    expect(loadAutosave(storage)).toEqual({ kind: 'site', site, savedAt: now.toISOString(), stamp: { revision: 1, writer: 'tab-a' } });
    expect(JSON.parse(storage.data.get(AUTOSAVE_KEY)!)).toMatchObject({
      format: 1,
      revision: 1,
      writer: 'tab-a',
      savedAt: now.toISOString(),
    });
    expect(
      saveAutosave(storage, { ...site, name: 'plant-8' }, { writer: 'tab-a', basis: { revision: 1, writer: 'tab-a' }, now }),
    ).toMatchObject({ stamp: { revision: 2 } });
  });

  it('loads a record saved before revisions existed', () => {
    const site = createSite({ name: 'old' });
    const storage = memoryStorage({ [AUTOSAVE_KEY]: JSON.stringify({ format: 1, savedAt: '2025-01-01T00:00:00.000Z', site }) });
    expect(loadAutosave(storage, now)).toEqual({
      kind: 'site',
      site,
      savedAt: '2025-01-01T00:00:00.000Z',
      stamp: { revision: 0, writer: null },
    });
    // and the next save from that basis is revision 1
    expect(saveAutosave(storage, { ...site, name: 'new' }, { writer: 'tab-a', basis: { revision: 0, writer: null }, now })).toMatchObject({
      kind: 'saved',
      stamp: { revision: 1 },
    });
  });

  it('is empty when nothing was saved, or storage cannot be read', () => {
    expect(loadAutosave(memoryStorage())).toEqual({ kind: 'empty' });
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => undefined,
      removeItem: () => undefined,
    };
    expect(loadAutosave(blocked)).toEqual({ kind: 'empty' });
  });

  it.each([
    ['corrupt JSON', '{"format":1,"site":', /not valid JSON/],
    ['null', 'null', /the saved data is null, not a saved site/],
    ['an array', '[1,2]', /the saved data is a list, not a saved site/],
    ['a number', '42', /the saved data is a number, not a saved site/],
    ['an unknown envelope', JSON.stringify({ format: 99, site: {} }), /unknown format \(99\)/],
    ['a format that is an object', JSON.stringify({ format: {}, site: {} }), /unknown format \(an object\)/],
    ['savedAt that is an object', envelope({ savedAt: {} }), /record is damaged \(savedAt: /],
    ['savedAt that no String() can convert', envelope({ savedAt: { toString: 1, valueOf: 1 } }), /record is damaged \(savedAt: /],
    ['a revision that is not a number', envelope({ revision: 'x' }), /record is damaged \(revision: /],
    ['a negative revision', envelope({ revision: -1 }), /record is damaged \(revision: /],
    ['a fractional revision', envelope({ revision: 1.5 }), /record is damaged \(revision: /],
    ['a writer that is an array', envelope({ writer: [] }), /record is damaged \(writer: /],
    ['a site that is null', envelope({ site: null }), /does not validate \(/],
    ['a site that does not validate', JSON.stringify({ format: 1, site: { version: 1, name: 3 } }), /does not validate \(/],
    ['a newer site version', JSON.stringify({ format: 1, site: { version: 7, name: 'x' } }), /newer RKE2 Edge Designer/],
  ])('sets aside %s under its own key and says why, never throwing', (_, raw, reason) => {
    const storage = memoryStorage({ [AUTOSAVE_KEY]: raw });
    const loaded = loadAutosave(storage, now);
    expect(loaded).toMatchObject({ kind: 'unreadable', reason: expect.stringMatching(reason), raw, setAsideKey, problem: null });
    expect(storage.data.get(setAsideKey)).toBe(raw);
    expect(storage.data.has(AUTOSAVE_KEY)).toBe(false);
  });

  it('does not set aside over an earlier set-aside record with the same time', () => {
    const storage = memoryStorage({ [setAsideKey]: 'earlier' });
    expect(setAside(storage, 'later', now)).toEqual({ ok: true, key: `${setAsideKey}-2` });
    expect(storage.data.get(setAsideKey)).toBe('earlier');
  });

  it('keeps an unreadable record in place, and says why, when storage is too full to set it aside', () => {
    const storage = memoryStorage({ [AUTOSAVE_KEY]: '{"format":1,"savedAt":{}' }, (key) => key.startsWith(SET_ASIDE_PREFIX));
    const loaded = loadAutosave(storage, now);
    expect(loaded).toEqual({
      kind: 'unreadable',
      reason: expect.stringMatching(/not valid JSON/),
      raw: '{"format":1,"savedAt":{}',
      setAsideKey: null,
      problem: "this browser's storage for the designer is full",
    });
    expect(storage.data.get(AUTOSAVE_KEY)).toBe('{"format":1,"savedAt":{}');
    expect([...storage.data.keys()]).toEqual([AUTOSAVE_KEY]);
  });

  it('does not write over an unreadable record it could not set aside, until it is released', () => {
    const raw = envelope({ savedAt: {} });
    const storage = memoryStorage({ [AUTOSAVE_KEY]: raw }, (key) => key.startsWith(SET_ASIDE_PREFIX));
    const site = createSite({ name: 'new-site' });
    expect(saveAutosave(storage, site, { writer: 'tab-a', basis: null, now })).toEqual({
      kind: 'blocked',
      raw,
      reason: expect.stringMatching(/savedAt/),
      problem: "this browser's storage for the designer is full",
    });
    expect(storage.data.get(AUTOSAVE_KEY)).toBe(raw);
    expect(saveAutosave(storage, site, { writer: 'tab-a', basis: null, released: raw, now })).toMatchObject({ kind: 'saved' });
    expect(readAutosave(storage)).toMatchObject({ kind: 'site', site });
  });

  it('sets aside an unreadable record found when saving, then saves', () => {
    const storage = memoryStorage({ [AUTOSAVE_KEY]: 'garbage' });
    const site = createSite();
    expect(saveAutosave(storage, site, { writer: 'tab-a', basis: null, now })).toEqual({
      kind: 'saved',
      stamp: { revision: 1, writer: 'tab-a' },
      setAside: { key: setAsideKey, reason: expect.stringMatching(/not valid JSON/) },
    });
    expect(storage.data.get(setAsideKey)).toBe('garbage');
  });

  it("does not write over another tab's newer save, unless forced", () => {
    const storage = memoryStorage();
    const mine = createSite({ name: 'mine' });
    const theirs = createSite({ name: 'theirs' });
    saveAutosave(storage, mine, { writer: 'tab-a', basis: null, now });
    saveAutosave(storage, theirs, { writer: 'tab-b', basis: { revision: 1, writer: 'tab-a' }, now });
    const before = storage.data.get(AUTOSAVE_KEY);
    expect(saveAutosave(storage, { ...mine, name: 'mine-2' }, { writer: 'tab-a', basis: { revision: 1, writer: 'tab-a' }, now })).toEqual({
      kind: 'conflict',
      theirs: { site: theirs, savedAt: now.toISOString(), stamp: { revision: 2, writer: 'tab-b' } },
    });
    expect(storage.data.get(AUTOSAVE_KEY)).toBe(before);
    expect(saveAutosave(storage, mine, { writer: 'tab-a', basis: { revision: 1, writer: 'tab-a' }, force: true, now })).toEqual({
      kind: 'saved',
      stamp: { revision: 3, writer: 'tab-a' },
    });
  });

  it('sees a save by another tab with the same revision, and a site saved while this tab had none', () => {
    const storage = memoryStorage({ [AUTOSAVE_KEY]: envelope({ revision: 2, writer: 'tab-b' }) });
    expect(
      saveAutosave(storage, createSite({ name: 'a' }), { writer: 'tab-a', basis: { revision: 2, writer: 'tab-a' }, now }),
    ).toMatchObject({ kind: 'conflict' });
    expect(saveAutosave(storage, createSite({ name: 'a' }), { writer: 'tab-a', basis: null, now })).toMatchObject({ kind: 'conflict' });
  });

  it("takes another tab's record as its own when it holds the same site", () => {
    const site = createSite();
    const storage = memoryStorage({ [AUTOSAVE_KEY]: envelope({ revision: 4, writer: 'tab-b', site }) });
    const before = storage.data.get(AUTOSAVE_KEY);
    expect(saveAutosave(storage, site, { writer: 'tab-a', basis: { revision: 1, writer: 'tab-a' }, now })).toEqual({
      kind: 'saved',
      stamp: { revision: 4, writer: 'tab-b' },
    });
    expect(storage.data.get(AUTOSAVE_KEY)).toBe(before);
  });

  it('reports a browser that refuses to store instead of throwing', () => {
    const storage = memoryStorage({}, () => true);
    expect(saveAutosave(storage, createSite(), { writer: 'tab-a', basis: null, now })).toEqual({
      kind: 'failed',
      message: "The site could not be saved in this browser (this browser's storage for the designer is full). Download it to keep it.",
    });
  });
});

describe('peekStamp', () => {
  it('reads the stamp of a record saveAutosave wrote from its first characters, and nothing else', () => {
    const storage = memoryStorage();
    const result = saveAutosave(storage, createSite({ name: 'peek' }), { writer: 'tab-1', basis: null, now: new Date(0) });
    expect(result).toMatchObject({ kind: 'saved', stamp: { revision: 1, writer: 'tab-1' } });
    expect(peekStamp(storage.getItem(AUTOSAVE_KEY)!)).toEqual({ revision: 1, writer: 'tab-1' });
    expect(peekStamp('{"format":1,"site":{}}')).toBeNull();
    expect(peekStamp('{"format":1,"savedAt":"x","revision":1,"writer":"a\\"b","site":{')).toBeNull();
  });
});
