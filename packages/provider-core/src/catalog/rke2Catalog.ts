/**
 * The catalog of RKE2 config-file keys (RKE2 v1.36.3): type, roles, defaults, enums. A copy of
 * `../shared/rke2-options.json`, kept identical by rke2Catalog.test.ts, so that the browser bundle
 * and the CLI carry it without reading files.
 */
import { z } from 'zod';
import catalogJson from './rke2-options.json' with { type: 'json' };

const CATALOG_ROLES = ['server', 'agent'] as const;
export type CatalogRole = (typeof CATALOG_ROLES)[number];

const CatalogEntrySchema = z.object({
  key: z.string(),
  type: z.enum(['string', 'stringList', 'bool', 'int', 'duration']),
  default: z.unknown(),
  roles: z.array(z.enum(CATALOG_ROLES)),
  category: z.string(),
  summary: z.string(),
  note: z.string().optional(),
  envVar: z.string().optional(),
  envVarLegacy: z.array(z.string()).optional(),
  aliases: z.array(z.string()).optional(),
  enum: z.array(z.string()).optional(),
  suggestions: z.array(z.string()).optional(),
  format: z.string().optional(),
  deprecated: z.boolean().optional(),
  deprecatedOn: z.array(z.enum(CATALOG_ROLES)).optional(),
  hidden: z.boolean().optional(),
  cliOnly: z.boolean().optional(),
});
export type CatalogEntry = z.infer<typeof CatalogEntrySchema>;

export const RKE2_CATALOG: readonly CatalogEntry[] = z.array(CatalogEntrySchema).parse(catalogJson);

const BY_NAME = new Map<string, CatalogEntry>();
for (const entry of RKE2_CATALOG) {
  BY_NAME.set(entry.key, entry);
  for (const alias of entry.aliases ?? []) BY_NAME.set(alias, entry);
}

/**
 * The catalog entry a config-file key names: its own name, a short alias (`t`, `s`), or either
 * with the `+` suffix RKE2 uses to append to a list set by an earlier file (`node-label+`).
 */
export function catalogEntry(key: string): CatalogEntry | undefined {
  return BY_NAME.get(key) ?? (key.endsWith('+') ? BY_NAME.get(key.slice(0, -1)) : undefined);
}

/**
 * The Levenshtein distance of `a` and `b` (UTF-16 code units) when it is at most `limit`, else
 * `limit + 1`: a length difference over the limit needs no table, and the table stops at the first
 * row whose every cell is over it (cells never decrease down a diagonal).
 */
function editDistanceWithin(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (ai === b.charCodeAt(j - 1) ? 0 : 1);
      const cell = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
      current[j] = cell;
      if (cell < rowMin) rowMin = cell;
    }
    if (rowMin > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length]!, limit + 1);
}

/**
 * The catalog key closest to a misspelt one, when it is close enough to be a likely typo (the first
 * in catalog order at the smallest distance). Each key is measured only up to the best distance so
 * far, so a config of thousands of unknown keys lints in milliseconds, not seconds.
 */
export function nearestCatalogKey(key: string): string | undefined {
  const wanted = key.toLowerCase().replaceAll('_', '-');
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(wanted.length / 3)) + 1;
  for (const entry of RKE2_CATALOG) {
    const distance = editDistanceWithin(wanted, entry.key, bestDistance - 1);
    if (distance < bestDistance) {
      best = entry.key;
      bestDistance = distance;
    }
  }
  // A key that would have to change in half its characters is no typo of it ("1" is not "v").
  return best !== undefined && bestDistance * 2 < wanted.length ? best : undefined;
}
