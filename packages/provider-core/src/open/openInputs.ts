/**
 * Opening what the user drops, picks or names on the command line: one zip made by this app (its
 * site.json), one site.json, or one or more Kairos cloud-configs (imported into a site, with
 * everything that could not be represented listed). The files may come from anyone: sizes are
 * bounded by LIMITS, text must be valid UTF-8, and nothing here throws.
 */
import { readBundle } from '../bundle/readBundle.js';
import { decodeUtf8 } from '../bytes/utf8.js';
import { formatBytes, LIMITS } from '../limits.js';
import { formatFinding, isSecurityFinding, type Finding } from '../lint/finding.js';
import { parseSiteBytes, siteErrorText } from '../site/createSite.js';
import { importCloudConfigs, type CloudConfigText } from '../import/importCloudConfigs.js';
import { opened, refused, type NamedBytes, type OpenResult } from './openResult.js';

/** JSON's white space, and a byte-order mark before it. */
const LEADING_SPACE = /^[\uFEFF \t\n\r]*/;

/** A text is a site.json when it is a JSON object: its first character other than white space is "{". */
export function looksLikeSiteJson(text: string): boolean {
  return text.charAt(LEADING_SPACE.exec(text)![0].length) === '{';
}

function skipSpace(bytes: Uint8Array, at: number): number {
  while (at < bytes.length && (bytes[at] === 0x20 || bytes[at] === 0x09 || bytes[at] === 0x0a || bytes[at] === 0x0d)) at++;
  return at;
}

/** Where the content starts: after a UTF-8 byte-order mark and JSON white space. */
const contentStart = (bytes: Uint8Array) => skipSpace(bytes, bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0);

const NULL = [0x6e, 0x75, 0x6c, 0x6c];

/**
 * By content: a JSON object. A file named *.json that is empty, white space or `null` is also
 * taken as a (broken) site.json, so it is refused as one instead of imported as a cloud-config.
 */
export function isSiteJsonFile(file: NamedBytes): boolean {
  const { bytes } = file;
  const start = contentStart(bytes);
  if (bytes[start] === 0x7b) return true;
  if (!file.name.toLowerCase().endsWith('.json')) return false;
  return start === bytes.length || (NULL.every((b, i) => bytes[start + i] === b) && skipSpace(bytes, start + NULL.length) === bytes.length);
}

const isZip = (file: NamedBytes) =>
  file.name.toLowerCase().endsWith('.zip') ||
  (file.bytes[0] === 0x50 &&
    file.bytes[1] === 0x4b &&
    ((file.bytes[2] === 3 && file.bytes[3] === 4) || (file.bytes[2] === 5 && file.bytes[3] === 6)));

const notesOf = (findings: Finding[]) => findings.map((f) => formatFinding(f).replace(/\s+/g, ' ').trim());

export async function openInputs(files: readonly NamedBytes[]): Promise<OpenResult> {
  if (files.length === 0) return refused('No file was given.');
  const zip = files.find(isZip);
  if (zip) {
    if (files.length > 1) return refused('Open one zip bundle on its own.');
    const read = await readBundle(zip.bytes);
    const rebuild = `Only the site.json of ${zip.name} was read: the node files in a zip you received are not checked, so export them again from this site before writing sticks.`;
    return read.ok ? opened(read.site, [rebuild]) : refused(`${zip.name}: ${read.message}`);
  }
  const siteJson = files.find(isSiteJsonFile);
  if (siteJson) {
    if (files.length > 1) return refused('Open one site.json on its own, or only cloud-config files.');
    const parsed = parseSiteBytes(siteJson.bytes);
    return parsed.ok
      ? opened(parsed.site)
      : refused(`${siteJson.name} is not a site this designer can open: ${siteErrorText(parsed.errors)}`);
  }
  return openCloudConfigs(files);
}

/** Cloud-config files as text: at most LIMITS.nodes of them, each bounded and valid UTF-8. */
export function cloudConfigTexts(files: readonly NamedBytes[]): { ok: true; texts: CloudConfigText[] } | { ok: false; message: string } {
  if (files.length > LIMITS.nodes)
    return { ok: false, message: `Open at most ${LIMITS.nodes} cloud-configs at once (one per node); ${files.length} were given.` };
  const texts: CloudConfigText[] = [];
  for (const file of files) {
    if (file.bytes.length > LIMITS.cloudConfigBytes) {
      return {
        ok: false,
        message: `${file.name} is larger than ${formatBytes(LIMITS.cloudConfigBytes)}, more than any Kairos cloud-config; it was not opened.`,
      };
    }
    const text = decodeUtf8(file.bytes);
    if (!text.ok) return { ok: false, message: `${file.name} is not valid UTF-8 at byte ${text.offset}; a cloud-config is UTF-8 text.` };
    texts.push({ name: file.name, text: text.text });
  }
  return { ok: true, texts };
}

function openCloudConfigs(files: readonly NamedBytes[]): OpenResult {
  const read = cloudConfigTexts(files);
  if (!read.ok) return read;
  const { site, findings } = importCloudConfigs(read.texts);
  const unsafe = findings.filter(isSecurityFinding);
  if (unsafe.length > 0)
    return refused(
      `Nothing was imported: the files carry values that could run commands or add lines on a device. ${notesOf(unsafe).join(' ')}`,
    );
  if (site.nodes.length === 0)
    return refused(`None of the files is a Kairos cloud-config with a cluster section. ${notesOf(findings).join(' ')}`.trim());
  return opened(site, notesOf(findings));
}
