/**
 * Reading back a zip made by buildBundle: its `SITE/site.json` is the site, exactly as designed.
 * The zip may come from anyone: only the central directory and that one entry are read (readZip),
 * the entry is unpacked up to LIMITS.siteJsonBytes, and this never throws or rejects.
 */
import { LIMITS } from '../limits.js';
import { parseSiteBytes, siteErrorText } from '../site/createSite.js';
import type { Site } from '../site/siteSchema.js';
import { readZipDirectory, readZipEntry } from './readZip.js';

export type ReadBundleResult = { ok: true; site: Site } | { ok: false; message: string };

const SITE_JSON = /^[^/]+\/site\.json$/;

export async function readBundle(bytes: Uint8Array): Promise<ReadBundleResult> {
  const directory = readZipDirectory(bytes);
  if (!directory.ok) return directory;
  const candidates = directory.entries.filter((entry) => SITE_JSON.test(entry.name));
  if (candidates.length === 0) return { ok: false, message: 'this zip has no SITE/site.json: it was not made by RKE2 Edge Designer' };
  if (candidates.length > 1) return { ok: false, message: 'this zip holds more than one site.json' };
  const entry = await readZipEntry(bytes, candidates[0]!, LIMITS.siteJsonBytes);
  if (!entry.ok) return entry;
  const parsed = parseSiteBytes(entry.bytes);
  if (parsed.ok) return parsed;
  return { ok: false, message: `its site.json cannot be opened: ${siteErrorText(parsed.errors)}` };
}
