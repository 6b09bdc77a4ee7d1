import { createSite } from '@rke2-edge/provider-core';
import { describe, expect, it } from 'vitest';
import { AUTOSAVE_KEY, loadAutosave, saveAutosave, SET_ASIDE_PREFIX } from './autosave.js';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}
const now = new Date('2026-11-24T10:00:00Z');

describe('autosave', () => {
  it('round-trips a site', () => {
    const storage = memoryStorage();
    const site = createSite({ name: 'plant-7' });
    expect(saveAutosave(storage, site, now)).toBeNull();
    expect(loadAutosave(storage)).toEqual({ kind: 'site', site, savedAt: now.toISOString() });
  });

  it('is empty when nothing was saved', () => {
    expect(loadAutosave(memoryStorage())).toEqual({ kind: 'empty' });
  });

  it.each([
    ['corrupt JSON', '{"format":1,"site":', /not valid JSON/],
    ['an unknown envelope', JSON.stringify({ format: 99, site: {} }), /unknown format \(99\)/],
    ['a site that does not validate', JSON.stringify({ format: 1, site: { version: 1, name: 3 } }), /does not validate \(/],
    ['a newer site version', JSON.stringify({ format: 1, site: { version: 7, name: 'x' } }), /newer RKE2 Edge Designer/],
  ])('sets aside %s under its own key and says why', (_, raw, reason) => {
    const storage = memoryStorage({ [AUTOSAVE_KEY]: raw });
    const loaded = loadAutosave(storage, now);
    expect(loaded.kind).toBe('unreadable');
    if (loaded.kind !== 'unreadable') return;
    expect(loaded.reason).toMatch(reason);
    expect(loaded.setAsideKey).toBe(`${SET_ASIDE_PREFIX}${now.toISOString()}`);
    expect(storage.data.get(loaded.setAsideKey)).toBe(raw);
    expect(storage.data.has(AUTOSAVE_KEY)).toBe(false);
  });

  it('reports a browser that refuses to store instead of throwing', () => {
    const storage = { ...memoryStorage(), setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(saveAutosave(storage, createSite(), now)).toMatch(/could not be saved.*QuotaExceededError.*Download it/);
  });
});
