/**
 * A site carried in a URL fragment: JSON, deflate-raw compressed, base64url. The fragment never
 * reaches a server, so a share link needs none. Secrets (the cluster token, registry passwords
 * and client keys) are left out unless asked for; the link lists what was left out so the receiver can fill it in.
 *
 * A link comes from someone else, so reading one is bounded (length, unpacked size), strict
 * (base64url, UTF-8, one value per key, a zod schema for the payload) and never throws. The list
 * of what was left out only says WHICH secret (the cluster token, or the password of registry
 * number i); what the receiver reads about it is written here, from the site, never taken from
 * the link.
 */
import { z } from 'zod';
import { concatBytes, inflateRaw } from '../bytes/inflateRaw.js';
import { decodeUtf8 } from '../bytes/utf8.js';
import { formatBytes, LIMITS } from '../limits.js';
import { parseSite, siteErrorText } from '../site/createSite.js';
import type { Site } from '../site/siteSchema.js';
import { kindOf, parseStrictJson } from '../site/strictJson.js';
import { SHARE_PREFIX } from './sharePrefix.js';

const SHARE_FORMAT = 1;

/** A secret a share link left out: which one, and what to tell the receiver (our own words). */
export type OmittedSecret =
  | { secret: 'cluster-token'; path: ['cluster', 'token']; label: string }
  | { secret: 'password-hash'; path: ['os', 'user', 'passwordHash']; label: string }
  | {
      secret: 'registry-password';
      path: ['airGap', 'registryConfigs', number, 'password'];
      /** The registry's host as the site gives it: data, for the UI to print as text. */
      registry: string;
      label: string;
    }
  | {
      secret: 'registry-key';
      path: ['airGap', 'registryConfigs', number, 'keyPem'];
      registry: string;
      label: string;
    };

export type OpenShareResult = { ok: true; site: Site; omitted: OmittedSecret[] } | { ok: false; message: string };

/** The secrets a share link can leave out, by where they live in the site; `label` of old links is ignored. */
const OmittedPathSchema = z.union([
  z.tuple([z.literal('cluster'), z.literal('token')]),
  z.tuple([z.literal('os'), z.literal('user'), z.literal('passwordHash')]),
  z.tuple([z.literal('airGap'), z.literal('registryConfigs'), z.number().int().nonnegative(), z.literal('password')]),
  z.tuple([z.literal('airGap'), z.literal('registryConfigs'), z.number().int().nonnegative(), z.literal('keyPem')]),
]);

const SharePayloadSchema = z.object({
  format: z.literal(SHARE_FORMAT),
  /** Read by parseSite, for its messages. */
  site: z.unknown(),
  omitted: z.array(z.object({ path: OmittedPathSchema })).default([]),
});

const shortened = (text: string, max = 60) => (text.length > max ? `${text.slice(0, max)}…` : text);

function tokenOmitted(): OmittedSecret {
  return {
    secret: 'cluster-token',
    path: ['cluster', 'token'],
    label: 'the cluster token (Cluster section: paste the real one, or Regenerate for a new cluster)',
  };
}

function hashOmitted(): OmittedSecret {
  return {
    secret: 'password-hash',
    path: ['os', 'user', 'passwordHash'],
    label: 'the password hash of the OS user (Kairos OS section: mkpasswd -m sha-512), or SSH keys only',
  };
}

function passwordOmitted(site: Site, index: number): OmittedSecret {
  const registry = site.airGap.registryConfigs[index]?.host ?? '';
  // The host is shown only when it is plainly a host[:port]: anything else could be words meant to mislead.
  const which = /^[A-Za-z0-9.-]{1,253}(:\d{1,5})?$/.test(registry) ? JSON.stringify(shortened(registry)) : String(index + 1);
  return {
    secret: 'registry-password',
    path: ['airGap', 'registryConfigs', index, 'password'],
    registry,
    label: `the password for registry ${which} (Air-gap & registries section)`,
  };
}

function keyOmitted(site: Site, index: number): OmittedSecret {
  const { registry, label } = passwordOmitted(site, index) as { registry: string; label: string };
  return {
    secret: 'registry-key',
    path: ['airGap', 'registryConfigs', index, 'keyPem'],
    registry,
    label: label.replace('the password for', 'the client key (PEM) for'),
  };
}

/** The site with its secrets emptied, and the list of what was emptied. */
export function withoutSecrets(site: Site): { site: Site; omitted: OmittedSecret[] } {
  const copy = structuredClone(site);
  const omitted: OmittedSecret[] = [];
  if (copy.cluster.token) {
    copy.cluster.token = '';
    omitted.push(tokenOmitted());
  }
  if (copy.os.user.passwordHash) {
    copy.os.user.passwordHash = '';
    omitted.push(hashOmitted());
  }
  copy.airGap.registryConfigs.forEach((registry, i) => {
    if (registry.password) {
      registry.password = '';
      omitted.push(passwordOmitted(copy, i));
    }
    if (registry.keyPem) {
      registry.keyPem = '';
      omitted.push(keyOmitted(copy, i));
    }
  });
  return { site: copy, omitted };
}

/** Runs bytes through a compression stream (web streams: the same in browsers and Node). */
async function compress(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new CompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  void writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  void writer.close().catch(() => undefined);
  const chunks: Uint8Array[] = [];
  const reader = stream.readable.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
  return concatBytes(chunks);
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

/** The bytes, or undefined when the text is not unpadded base64url (a length of 4n+1 never is). */
function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let buffer = 0;
  let bits = 0;
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    buffer = ((buffer << 6) | BASE64URL.indexOf(text[i]!)) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}

/** The URL fragment (starting with #share=) carrying the site. */
export async function encodeShareFragment(site: Site, options: { includeSecrets: boolean }): Promise<string> {
  const shared = options.includeSecrets ? { site, omitted: [] } : withoutSecrets(site);
  // `label` is still written, for designers that show it; this one writes its own.
  const payload = { format: SHARE_FORMAT, site: shared.site, omitted: shared.omitted.map(({ path, label }) => ({ path, label })) };
  const compressed = await compress(new TextEncoder().encode(JSON.stringify(payload)));
  return `${SHARE_PREFIX}${toBase64Url(compressed)}`;
}

const refused = (message: string): OpenShareResult => ({ ok: false, message });
const DAMAGED = 'this share link is damaged (was it cut short when it was copied?)';

/** The site a share link carries, with what it left out; a plain sentence when it cannot be opened. Never throws. */
export async function decodeShareFragment(fragment: string): Promise<OpenShareResult> {
  if (typeof fragment !== 'string' || !fragment.startsWith(SHARE_PREFIX)) return refused('this link does not carry a site');
  if (fragment.length > LIMITS.shareLinkChars) {
    return refused(
      `this share link is longer than ${LIMITS.shareLinkChars.toLocaleString('en-US')} characters, more than any site needs; it was not opened`,
    );
  }
  const compressed = fromBase64Url(fragment.slice(SHARE_PREFIX.length));
  if (!compressed)
    return refused(
      'this share link is damaged: after #share= it holds characters a share link never has (letters, digits, "-" and "_" only)',
    );
  const inflated = await inflateRaw(compressed, LIMITS.siteJsonBytes);
  if (!inflated.ok) {
    return inflated.problem === 'too-large'
      ? refused(
          `this share link would unpack to more than ${formatBytes(LIMITS.siteJsonBytes)}, more than any site the designer opens; it was not opened`,
        )
      : refused(DAMAGED);
  }
  const text = decodeUtf8(inflated.bytes);
  if (!text.ok) return refused(`this share link is damaged: its content is not valid UTF-8 at byte ${text.offset}`);
  const json = parseStrictJson(text.text);
  if (!json.ok) return refused(json.message.startsWith('not valid JSON') ? DAMAGED : `this share link cannot be opened: ${json.message}`);
  return readSharePayload(json.value);
}

/** Checks the payload of a share link (its JSON value) and builds the list of what it left out. */
function readSharePayload(value: unknown): OpenShareResult {
  const payload = SharePayloadSchema.safeParse(value);
  if (!payload.success) return refused(payloadProblem(value, payload.error.issues));
  const parsed = parseSite(payload.data.site);
  if (!parsed.ok) return refused(`the site in this share link cannot be opened: ${siteErrorText(parsed.errors)}`);
  const site = parsed.site;
  const omitted = new Map<string, OmittedSecret>();
  for (const [i, { path }] of payload.data.omitted.entries()) {
    if (path[0] === 'cluster') omitted.set('token', tokenOmitted());
    else if (path[0] === 'os') omitted.set('hash', hashOmitted());
    else if (path[2] < site.airGap.registryConfigs.length && path[3] === 'keyPem')
      omitted.set(`registry key ${path[2]}`, keyOmitted(site, path[2]));
    else if (path[2] < site.airGap.registryConfigs.length) omitted.set(`registry ${path[2]}`, passwordOmitted(site, path[2]));
    else return refused(omittedEntryProblem(i));
  }
  return { ok: true, site, omitted: [...omitted.values()] };
}

const omittedEntryProblem = (i: number) =>
  `this share link's list of secrets left out is damaged: entry ${i + 1} is not the cluster token, the OS user's password hash or the password of one of the site's registries`;

/** The first problem zod found, as a sentence: the payload, then its format, then its list of secrets. */
function payloadProblem(value: unknown, issues: readonly z.core.$ZodIssue[]): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `this share link does not hold a site (it holds ${kindOf(value)})`;
  }
  const format = (value as { format?: unknown }).format;
  if (issues.some((issue) => issue.path[0] === 'format')) {
    return typeof format === 'number' && Number.isInteger(format) && format > SHARE_FORMAT
      ? `this share link has format ${format}, which this designer does not read; update the designer`
      : 'this share link has no format this designer knows: it was not made by RKE2 Edge Designer';
  }
  const entry = issues.find((issue) => issue.path[0] === 'omitted' && typeof issue.path[1] === 'number')?.path[1];
  if (typeof entry === 'number') return omittedEntryProblem(entry);
  return "this share link's list of secrets left out is damaged: it is not a list";
}
