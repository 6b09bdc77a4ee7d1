/**
 * A site carried in a URL fragment: JSON, deflate-raw compressed, base64url. The fragment never
 * reaches a server, so a share link needs none. Secrets (the cluster token, registry passwords)
 * are left out unless asked for; the link lists what was left out so the receiver can fill it in.
 */
import { parseSite, siteErrorText } from '../site/createSite.js';
import type { Site } from '../site/siteSchema.js';

export const SHARE_PREFIX = '#share=';
const SHARE_FORMAT = 1;

/** A secret a share link left out: where it lives in the site, and what to tell the receiver. */
export interface OmittedSecret {
  path: (string | number)[];
  label: string;
}

interface SharePayload {
  format: typeof SHARE_FORMAT;
  site: Site;
  omitted: OmittedSecret[];
}

export type OpenShareResult = { ok: true; site: Site; omitted: OmittedSecret[] } | { ok: false; message: string };

/** The site with its secrets emptied, and the list of what was emptied. */
export function withoutSecrets(site: Site): { site: Site; omitted: OmittedSecret[] } {
  const copy = structuredClone(site);
  const omitted: OmittedSecret[] = [];
  if (copy.cluster.token) {
    copy.cluster.token = '';
    omitted.push({ path: ['cluster', 'token'], label: 'the cluster token (Cluster section: paste the real one, or Regenerate for a new cluster)' });
  }
  copy.airGap.registryConfigs.forEach((registry, i) => {
    if (!registry.password) return;
    registry.password = '';
    omitted.push({ path: ['airGap', 'registryConfigs', i, 'password'], label: `the password for registry ${registry.host || i + 1} (Air-gap & registries section)` });
  });
  return { site: copy, omitted };
}

/** Runs bytes through a (de)compression stream (web streams: the same in browsers and Node). */
async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  void writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  void writer.close().catch(() => undefined);
  const chunks: Uint8Array[] = [];
  const reader = stream.readable.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** RFC 4648 §5 base64url without padding. */
function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let j = 0; j < chars; j++) out += BASE64URL[(n >> (18 - 6 * j)) & 63];
  }
  return out;
}

function fromBase64Url(text: string): Uint8Array {
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of text) {
    const value = BASE64URL.indexOf(char);
    if (value < 0) throw new Error(`not base64url: ${JSON.stringify(char)}`);
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

/** The URL fragment (starting with #share=) carrying the site. */
export async function encodeShareFragment(site: Site, options: { includeSecrets: boolean }): Promise<string> {
  const shared = options.includeSecrets ? { site, omitted: [] } : withoutSecrets(site);
  const payload: SharePayload = { format: SHARE_FORMAT, ...shared };
  const compressed = await pipe(new TextEncoder().encode(JSON.stringify(payload)), new CompressionStream('deflate-raw'));
  return `${SHARE_PREFIX}${toBase64Url(compressed)}`;
}

export async function decodeShareFragment(fragment: string): Promise<OpenShareResult> {
  if (!fragment.startsWith(SHARE_PREFIX)) return { ok: false, message: 'this link does not carry a site' };
  let payload: Partial<SharePayload>;
  try {
    const json = new TextDecoder().decode(await pipe(fromBase64Url(fragment.slice(SHARE_PREFIX.length)), new DecompressionStream('deflate-raw')));
    payload = JSON.parse(json) as Partial<SharePayload>;
  } catch {
    return { ok: false, message: 'this share link is damaged (was it cut short when it was copied?)' };
  }
  if (payload.format !== SHARE_FORMAT) return { ok: false, message: `this share link has format ${String(payload.format)}, which this designer does not read; update the designer` };
  const parsed = parseSite(payload.site);
  if (!parsed.ok) return { ok: false, message: siteErrorText(parsed.errors) };
  return { ok: true, site: parsed.site, omitted: Array.isArray(payload.omitted) ? payload.omitted : [] };
}
