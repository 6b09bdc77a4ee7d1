/**
 * Whole-site figures: what exporting a designed site costs, step by step, through the public
 * functions the designer's export uses: expandSite (every node's user-data and provider run),
 * lintSite on that expansion, and buildBundle given the expansion (which lints once more, then
 * makes every file, the sha-256 manifest and the zip). One buildBundle(site) call costs
 * expandSite + buildBundle-with-expansion, which is the total reported. Also the lint of a site
 * whose extra config has very many keys.
 */
import { buildBundle } from '../src/bundle/buildBundle.js';
import { lintSite } from '../src/lint/lintSite.js';
import { expandSite } from '../src/site/expandSite.js';
import { designedSite, seededRandom, siteWithExtraKeys } from './benchSites.js';

export interface SiteFigures {
  nodes: number;
  expandS: number;
  lintS: number;
  /** buildBundle with the expansion given: lint again, files, manifest, zip. */
  bundleS: number;
  totalS: number;
  /** Set when the bundle was not made (refused, too large, or the zip writer threw). */
  failure: string | null;
  zipBytes: number;
}

const seconds = (start: number) => (performance.now() - start) / 1000;

/** Expands, lints and bundles an HA site of `nodeCount` nodes (template "ha", grown). */
export async function siteFigures(nodeCount: number): Promise<SiteFigures> {
  const site = designedSite(nodeCount, 1, 7, seededRandom(nodeCount));
  let start = performance.now();
  const expanded = expandSite(site);
  const expandS = seconds(start);
  start = performance.now();
  lintSite(site, expanded);
  const lintS = seconds(start);
  start = performance.now();
  let failure: string | null = expanded.tooLarge ? `not expanded: ${expanded.tooLarge}` : null;
  let zipBytes = 0;
  try {
    const bundle = await buildBundle(site, { format: 'zip', force: true, expanded });
    if (bundle.ok) zipBytes = bundle.bytes.length;
    else failure ??= `refused: ${bundle.reason.split('\n').slice(1, 3).join(' ')}`;
  } catch (e) {
    failure ??= `buildBundle threw: ${(e as Error).message}`;
  }
  const bundleS = seconds(start);
  return { nodes: nodeCount, expandS, lintS, bundleS, totalS: expandS + bundleS, failure, zipBytes };
}

/** lintSite (with its own expansion) of a 3-node site whose extra config has `keys` keys. */
export function extraKeysLintSeconds(keys: number): { seconds: number; findings: number } {
  const site = siteWithExtraKeys(keys);
  const start = performance.now();
  const findings = lintSite(site);
  return { seconds: seconds(start), findings: findings.length };
}
