/**
 * A site carried in a URL fragment: JSON, deflate-raw compressed, base64url. The fragment never
 * reaches a server, so a share link needs none. Secrets (the cluster token, registry passwords)
 * are left out unless asked for; the link lists what was left out so the receiver can fill it in.
 */
import { parseSite } from '../site/createSite.js';
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

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const output = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(output).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
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
  if (!parsed.ok) return { ok: false, message: parsed.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ') };
  return { ok: true, site: parsed.site, omitted: Array.isArray(payload.omitted) ? payload.omitted : [] };
}
