import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogEntry, nearestCatalogKey, RKE2_CATALOG } from './rke2Catalog.js';

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
});
