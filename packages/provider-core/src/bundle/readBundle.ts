/**
 * Reading back a zip made by buildBundle: its `SITE/site.json` is the site, exactly as designed.
 */
import JSZip from 'jszip';
import { parseSite, siteErrorText } from '../site/createSite.js';
import type { Site } from '../site/siteSchema.js';

export type ReadBundleResult = { ok: true; site: Site } | { ok: false; message: string };

export async function readBundle(bytes: Uint8Array): Promise<ReadBundleResult> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    return { ok: false, message: `this is not a readable zip file (${(e as Error).message})` };
  }
  const candidates = Object.keys(zip.files).filter((name) => /^[^/]+\/site\.json$/.test(name));
  if (candidates.length !== 1) {
    return { ok: false, message: candidates.length === 0 ? 'this zip has no SITE/site.json: it was not made by RKE2 Edge Designer' : 'this zip holds more than one site.json' };
  }
  const parsed = parseSite(await zip.file(candidates[0]!)!.async('string'));
  if (parsed.ok) return parsed;
  return { ok: false, message: `its site.json cannot be opened: ${siteErrorText(parsed.errors)}` };
}
