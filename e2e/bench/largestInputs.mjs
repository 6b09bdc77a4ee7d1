/**
 * The largest inputs the designer accepts (packages/provider-core/src/limits.ts), for the "open"
 * benchmarks: a site.json just under 4 MiB (2,000 nodes, each with extra config), the same site
 * as a share link, and a zip just under 128 MiB holding it among 49,000 other entries.
 */
import { randomBytes } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';

const MiB = 1024 * 1024;
export const LIMITS = { siteJsonBytes: 4 * MiB, nodes: 2000, zipBytes: 128 * MiB, zipEntries: 50_000 };

/** A valid site of 2,000 nodes whose JSON is as close to 4 MiB as whole lines of extra config allow. */
export function largestSiteJson() {
  const node = (i, extraConfig) => ({
    name: `node-${i + 1}`,
    role: i === 0 ? 'init' : i < 3 ? 'controlplane' : 'worker',
    address: `10.1.${Math.floor((i + 1) / 250)}.${((i + 1) % 250) + 1}/16`,
    labels: [`zone=z${i % 8}`],
    extraConfig,
  });
  const site = (lines) => ({
    version: 1,
    name: 'largest-site',
    cluster: { token: 'Zq8vN3kP2wX7mR4tY9bL6cF1hJ5dG0sA', controlPlaneHost: '10.1.0.2', tlsSans: [] },
    nodes: Array.from({ length: LIMITS.nodes }, (_, i) => node(i, `kubelet-arg:\n${'  - "max-pods=110"\n'.repeat(lines)}`)),
  });
  const perLine = JSON.stringify('  - "max-pods=110"\n').length - 2;
  const base = JSON.stringify(site(0)).length;
  const lines = Math.floor((LIMITS.siteJsonBytes - base - 4096) / (LIMITS.nodes * perLine));
  return JSON.stringify(site(lines));
}

/** `#share=…`: the site as the designer's share link carries it (deflate-raw, base64url). */
export function largestShareFragment(siteJson) {
  const payload = `{"format":1,"site":${siteJson},"omitted":[]}`;
  return `#share=${deflateRawSync(Buffer.from(payload)).toString('base64url')}`;
}

/** A zip just under 128 MiB and 50,000 entries: the site.json, then incompressible filler files. */
export async function largestZip(siteJson) {
  const zip = new JSZip();
  zip.file('largest-site/site.json', siteJson, { createFolders: false });
  const entries = LIMITS.zipEntries - 1;
  const size = Math.floor((LIMITS.zipBytes - siteJson.length - entries * 130) / entries);
  for (let i = 0; i < entries; i++)
    zip.file(`largest-site/filler/${i}.bin`, randomBytes(size), { binary: true, compression: 'STORE', createFolders: false });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
