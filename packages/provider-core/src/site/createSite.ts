/** Making a new site, and reading one from site.json with messages a user can act on. */
import { generateClusterToken } from './clusterToken.js';
import { SITE_SCHEMA_VERSION, SiteSchema, type Site, type SiteInput } from './siteSchema.js';

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

/** Reads a site.json text (or an already parsed value). A newer format version is refused by name. */
export function parseSite(input: string | unknown): ParseSiteResult {
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (e) {
      return { ok: false, errors: [{ path: '', message: `not valid JSON: ${(e as Error).message}` }] };
    }
  }
  const version = (value as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > SITE_SCHEMA_VERSION) {
    return {
      ok: false,
      errors: [{ path: 'version', message: `this site.json has format version ${version}, made by a newer RKE2 Edge Designer; this one reads version ${SITE_SCHEMA_VERSION}. Update the designer to open it.` }],
    };
  }
  const parsed = SiteSchema.safeParse(value);
  if (parsed.success) return { ok: true, site: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  };
}
