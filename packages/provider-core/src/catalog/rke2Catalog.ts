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

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The catalog key closest to a misspelt one, when it is close enough to be a likely typo. */
export function nearestCatalogKey(key: string): string | undefined {
  const wanted = key.toLowerCase().replaceAll('_', '-');
  let best: { key: string; distance: number } | undefined;
  for (const entry of RKE2_CATALOG) {
    const distance = editDistance(wanted, entry.key);
    if (!best || distance < best.distance) best = { key: entry.key, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(wanted.length / 3)) ? best.key : undefined;
}
