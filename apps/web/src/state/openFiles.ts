/**
 * Opening what the user drops or picks: one site.json, a zip made by this app, or one or more
 * cloud-configs (imported into a site, with everything that could not be represented listed).
 */
import { formatFinding, importCloudConfigs, parseSite, readBundle, siteErrorText, type Finding, type Site } from '@rke2-edge/provider-core';

export type OpenResult = { ok: true; site: Site; notes: string[] } | { ok: false; message: string };

export interface NamedText {
  name: string;
  text: string;
}

export function openTexts(files: readonly NamedText[]): OpenResult {
  if (files.length === 0) return { ok: false, message: 'No file was given.' };
  const looksLikeJson = (f: NamedText) => f.name.toLowerCase().endsWith('.json') || f.text.trimStart().startsWith('{');
  if (files.length === 1 && looksLikeJson(files[0]!)) {
    const parsed = parseSite(files[0]!.text);
    if (parsed.ok) return { ok: true, site: parsed.site, notes: [] };
    return { ok: false, message: `${files[0]!.name} is not a site this designer can open: ${siteErrorText(parsed.errors)}` };
  }
  if (files.some(looksLikeJson)) return { ok: false, message: 'Open one site.json on its own, or only cloud-config files.' };
  const { site, findings } = importCloudConfigs(files);
  if (site.nodes.length === 0) return { ok: false, message: `None of the files is a Kairos cloud-config with a cluster section. ${notesOf(findings).join(' ')}` };
  return { ok: true, site, notes: notesOf(findings) };
}

const notesOf = (findings: Finding[]) => findings.map((f) => formatFinding(f).replace(/\s+/g, ' ').trim());

export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

const isZip = (f: NamedBytes) => f.bytes[0] === 0x50 && f.bytes[1] === 0x4b && f.bytes[2] === 0x03 && f.bytes[3] === 0x04;

/** Like openTexts, and a zip bundle made by this app opens as the site it holds. */
export async function openUploads(files: readonly NamedBytes[]): Promise<OpenResult> {
  const zips = files.filter(isZip);
  if (zips.length > 0) {
    if (files.length > 1) return { ok: false, message: 'Open one zip bundle on its own.' };
    const read = await readBundle(zips[0]!.bytes);
    return read.ok ? { ok: true, site: read.site, notes: [] } : { ok: false, message: `${zips[0]!.name}: ${read.message}` };
  }
  const decoder = new TextDecoder();
  return openTexts(files.map((f) => ({ name: f.name, text: decoder.decode(f.bytes) })));
}

export async function readFiles(list: FileList | readonly File[]): Promise<NamedBytes[]> {
  return Promise.all([...list].map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })));
}
