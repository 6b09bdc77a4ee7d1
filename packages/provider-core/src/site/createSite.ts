/** Making a new site, and reading one from site.json with messages a user can act on. */
import { decodeUtf8, utf8LongerThan } from '../bytes/utf8.js';
import { formatBytes, LIMITS } from '../limits.js';
import { generateClusterToken } from './clusterToken.js';
import { migrateSite } from './migrateSite.js';
import { SITE_SCHEMA_VERSION, SiteSchema, type Site, type SiteInput } from './siteSchema.js';
import { kindOf, parseStrictJson } from './strictJson.js';

/** A new single-node site with a fresh token; `overrides` may replace any section. */
export function createSite(overrides: Partial<SiteInput> = {}): Site {
  return SiteSchema.parse({
    version: SITE_SCHEMA_VERSION,
    name: 'edge-site',
    cluster: { token: generateClusterToken(), controlPlaneHost: '192.168.1.10' },
    nodes: [{ name: 'node-1', role: 'init', address: '192.168.1.10/24' }],
    ...overrides,
  });
}

export type ParseSiteResult = { ok: true; site: Site } | { ok: false; errors: { path: string; message: string }[] };

/** The problems parseSite found, as one line: `path: message; …` (at most `limit` of them). */
export function siteErrorText(errors: readonly { path: string; message: string }[], limit = 5): string {
  const shown = errors.slice(0, limit).map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
  return errors.length > limit ? `${shown.join('; ')}; and ${errors.length - limit} more` : shown.join('; ');
}

const refused = (message: string, path = ''): ParseSiteResult => ({ ok: false, errors: [{ path, message }] });

const TOO_LARGE = `the file is larger than ${formatBytes(LIMITS.siteJsonBytes)}, more than any site the designer opens`;

/** Reads site.json as bytes: refused when larger than the limit or not valid UTF-8 (with the byte offset). */
export function parseSiteBytes(bytes: Uint8Array): ParseSiteResult {
  if (bytes.length > LIMITS.siteJsonBytes) return refused(TOO_LARGE);
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return refused(`not valid UTF-8 at byte ${decoded.offset}`);
  return parseSite(decoded.text);
}

/**
 * Reads a site.json text (or an already parsed value). Text is refused when too large, empty, not
 * a JSON object, or when an object repeats a key. A newer format version is refused by name.
 */
export function parseSite(input: string | unknown): ParseSiteResult {
  let value: unknown = input;
  if (typeof input === 'string') {
    const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
    if (utf8LongerThan(text, LIMITS.siteJsonBytes)) return refused(TOO_LARGE);
    if (text.trim() === '') return refused('the file is empty');
    const json = parseStrictJson(text);
    if (!json.ok) return refused(json.message);
    value = json.value;
    if (!isJsonObject(value)) return refused(`a site.json is a JSON object; this file holds ${kindOf(value)}`);
  }
  if (!isJsonObject(value)) return refused(`a site is a JSON object, not ${kindOf(value)}`);
  const version = value['version'];
  if (typeof version === 'number' && version > SITE_SCHEMA_VERSION) {
    return refused(
      `this site.json has format version ${version}, made by a newer RKE2 Edge Designer; this one reads version ${SITE_SCHEMA_VERSION}. Update the designer to open it.`,
      'version',
    );
  }
  return parseCurrentSite(migrateSite(value));
}

function parseCurrentSite(value: Record<string, unknown>): ParseSiteResult {
  const nodes = value['nodes'];
  if (Array.isArray(nodes) && nodes.length > LIMITS.nodes)
    return refused(`a site has at most ${LIMITS.nodes} nodes; this one has ${nodes.length}`, 'nodes');
  const reserved = reservedRewriteKeys(value);
  if (reserved.length > 0) return { ok: false, errors: reserved };
  const parsed = SiteSchema.safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
    };
  }
  // An extra config over its limit is kept and reported by lintSite (too-large): the whole file is
  // bounded already, and a site saved in this browser must always open again.
  return { ok: true, site: parsed.data };
}

const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `airGap.mirrors[].rewrites` is the one map in a site whose keys are the user's own. A key
 * "__proto__" would be dropped by the schema (it cannot be an ordinary key of a JavaScript
 * object), so it is refused by name instead of silently lost.
 */
function reservedRewriteKeys(value: Record<string, unknown>): { path: string; message: string }[] {
  const airGap = value['airGap'];
  const mirrors = isJsonObject(airGap) ? airGap['mirrors'] : undefined;
  if (!Array.isArray(mirrors)) return [];
  return mirrors.flatMap((mirror: unknown, i) => {
    const rewrites = isJsonObject(mirror) ? mirror['rewrites'] : undefined;
    if (!isJsonObject(rewrites) || !Object.hasOwn(rewrites, '__proto__')) return [];
    return [
      {
        path: `airGap.mirrors.${i}.rewrites`,
        message: 'the pattern "__proto__" is a reserved name and cannot be used; a rewrite pattern is a regular expression for image names',
      },
    ];
  });
}
