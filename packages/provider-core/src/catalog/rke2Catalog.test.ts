import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertySettings } from '../../test/fastCheckSettings.js';
import { catalogEntry, nearestCatalogKey, RKE2_CATALOG } from './rke2Catalog.js';

/** The plain Levenshtein table, whole, for every catalog key: what nearestCatalogKey must agree with. */
function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = current;
  }
  return previous[b.length]!;
}

function referenceNearest(key: string): string | undefined {
  const wanted = key.toLowerCase().replaceAll('_', '-');
  let best: { key: string; distance: number } | undefined;
  for (const entry of RKE2_CATALOG) {
    const distance = levenshtein(wanted, entry.key);
    if (!best || distance < best.distance) best = { key: entry.key, distance };
  }
  // Within max(2, a third of the key), and changing fewer than half its characters.
  return best && best.distance <= Math.max(2, Math.floor(wanted.length / 3)) && best.distance * 2 < wanted.length ? best.key : undefined;
}

const SHARED = fileURLToPath(new URL('../../../../../shared/rke2-options.json', import.meta.url));

describe('RKE2 catalog', () => {
  // Skipped only outside CI when ../shared is absent; in CI a missing copy fails.
  it.runIf(existsSync(SHARED) || process.env['CI'] === 'true')('is an unchanged copy of ../shared/rke2-options.json', () => {
    const vendored = readFileSync(new URL('./rke2-options.json', import.meta.url), 'utf8');
    expect(vendored).toBe(readFileSync(SHARED, 'utf8'));
  });

  it('holds the 134 keys of RKE2 v1.36', () => {
    expect(RKE2_CATALOG).toHaveLength(134);
  });

  it('finds keys by name, alias and the "+" append form', () => {
    expect(catalogEntry('tls-san')?.type).toBe('stringList');
    expect(catalogEntry('t')?.key).toBe('token');
    expect(catalogEntry('node-label+')?.key).toBe('node-label');
    expect(catalogEntry('no-such-key')).toBeUndefined();
  });

  it('suggests the nearest key for a typo, and nothing for noise', () => {
    expect(nearestCatalogKey('tls-sans')).toBe('tls-san');
    expect(nearestCatalogKey('cluster_cidr')).toBe('cluster-cidr');
    expect(nearestCatalogKey('write-kubeconfig-mod')).toBe('write-kubeconfig-mode');
    expect(nearestCatalogKey('zzzzzzzzzzzzzzzz')).toBeUndefined();
  });

  it('suggests what the whole edit-distance table over the catalog suggests (the first key at the least distance)', () => {
    const edited = fc
      .tuple(
        fc.constantFrom(...RKE2_CATALOG.map((e) => e.key)),
        fc.array(fc.tuple(fc.nat(40), fc.constantFrom('', 'a', '-', '_', 'S', 'é'))),
      )
      .map(([key, edits]) => edits.reduce((k, [at, ch]) => k.slice(0, at % (k.length + 1)) + ch + k.slice((at % (k.length + 1)) + 1), key));
    fc.assert(
      fc.property(fc.oneof(edited, fc.string({ maxLength: 30 })), (key) => {
        expect(nearestCatalogKey(key)).toBe(referenceNearest(key));
      }),
      propertySettings,
    );
    for (const key of ['', 'a', 'ab', 'server', 'tokn', 'node_ip', 'kubelet-args', 'etcd-s3-bucket-x'])
      expect(nearestCatalogKey(key)).toBe(referenceNearest(key));
    expect(nearestCatalogKey('1')).toBeUndefined(); // not "v": a one-character key has no typo to fix
    expect(nearestCatalogKey('tokn')).toBe('token');
  });
});
