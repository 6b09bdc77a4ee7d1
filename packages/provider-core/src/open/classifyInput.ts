/**
 * What a file someone gives us is, decided once for the designer and the CLI: a zip bundle, a
 * site.json, a file holding only a share link, a Kairos cloud-config, or none of these. Only the
 * first bytes and the name are looked at (a share link is read only when the file is small), so
 * any file, however large or hostile, is classified at once. Each answer says why.
 */
import { decodeUtf8 } from '../bytes/utf8.js';
import { LIMITS } from '../limits.js';
import type { NamedBytes } from './openResult.js';
import { isShareLink } from './openShareLink.js';

export type InputClass =
  { kind: 'zip' | 'site-json' | 'cloud-config' | 'unknown'; reason: string } | { kind: 'share-link'; reason: string; link: string };

export type InputKind = InputClass['kind'];

const ZIP_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04], // a local file header: any zip with an entry
  [0x50, 0x4b, 0x05, 0x06], // the end-of-directory record first: an empty zip
];
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const NULL = [0x6e, 0x75, 0x6c, 0x6c];
const CLOUD_CONFIG = [...'#cloud-config'].map((c) => c.charCodeAt(0));
/** A share link in a file: at most a link's length, and some white space around it. */
const SHARE_LINK_FILE_BYTES = LIMITS.shareLinkChars + 4096;

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((b, i) => bytes[at + i] === b);

/** JSON's white space (space, tab, line feed, carriage return) from `at`. */
function skipSpace(bytes: Uint8Array, at: number): number {
  while (at < bytes.length && (bytes[at] === 0x20 || bytes[at] === 0x09 || bytes[at] === 0x0a || bytes[at] === 0x0d)) at++;
  return at;
}

/** Where the content starts: after a UTF-8 byte-order mark and JSON white space. */
const contentStart = (bytes: Uint8Array) => skipSpace(bytes, startsWith(bytes, UTF8_BOM) ? 3 : 0);

/** The share link a small file holds and nothing else, or null. */
function shareLinkIn(bytes: Uint8Array): string | null {
  if (bytes.length > SHARE_LINK_FILE_BYTES) return null;
  const text = decodeUtf8(bytes);
  const trimmed = text.ok ? text.text.trim() : '';
  return isShareLink(trimmed) && !/\s/.test(trimmed) ? trimmed : null;
}

export function classifyInput(file: NamedBytes): InputClass {
  const { bytes } = file;
  const name = file.name.toLowerCase();
  if (ZIP_SIGNATURES.some((signature) => startsWith(bytes, signature))) return { kind: 'zip', reason: 'it starts with a zip signature' };
  // The content before the name: a site.json renamed .zip opens as what it is.
  const start = contentStart(bytes);
  if (bytes[start] === 0x7b) return { kind: 'site-json', reason: 'it is a JSON object' };
  if (name.endsWith('.zip')) return { kind: 'zip', reason: 'its name ends in .zip' };
  // Empty, white space or `null` under a .json name: a broken site.json, refused as one rather than imported as a cloud-config.
  if (
    name.endsWith('.json') &&
    (start === bytes.length || (startsWith(bytes, NULL, start) && skipSpace(bytes, start + 4) === bytes.length))
  )
    return { kind: 'site-json', reason: 'its name ends in .json and it holds no JSON object' };
  const link = shareLinkIn(bytes);
  if (link !== null) return { kind: 'share-link', reason: 'it holds only a share link', link };
  const header = startsWith(bytes, UTF8_BOM) ? 3 : 0;
  const afterHeader = bytes[header + CLOUD_CONFIG.length];
  if (startsWith(bytes, CLOUD_CONFIG, header) && (afterHeader === undefined || [0x0a, 0x0d, 0x20, 0x09].includes(afterHeader)))
    return { kind: 'cloud-config', reason: 'its first line is #cloud-config' };
  return { kind: 'unknown', reason: 'it is no zip, JSON object or share link, and its first line is not #cloud-config' };
}
