/**
 * The keys a YAML map ends up with, each with the key node and value node that set it, counting
 * those its merge keys (`<<: *base`, `<<: [*a, *b]`) bring in: what a message needs to point at the
 * line where a value is written, even when it is written in an anchored map elsewhere.
 *
 * Which one wins when a key is given twice follows the Go reader:
 * - yaml.v2 (go-yaml v2 decode.go `mapping`/`merge`): pairs apply in order, a merge applies its
 *   sources last to first, so the later assignment wins and, among merge sources, the earlier one
 *   (yamlToJson.ts decodes the same way);
 * - yaml.v3 (go-yaml v3 decode.go `mappingStruct`/`merge`): keys written in the map win, then the
 *   earlier merge source (yamlV3Unmarshal.ts).
 */
import { deref, YAML_TAG_PREFIX, type RawNode, type RawScalar } from './readYamlDocument.js';

export interface MapPair {
  key: RawScalar;
  value: RawNode;
}

const isMergeKey = (key: RawNode) =>
  key.kind === 'scalar' && key.value === '<<' && ((key.tag === undefined && key.plain) || key.tag === `${YAML_TAG_PREFIX}merge`);

/** The merge sources of a `<<` value, earliest first (an alias of a map, a map, or a list of them). */
function mergeSources(value: RawNode): RawNode[] {
  const node = deref(value);
  return node?.kind === 'seq' ? node.items : node ? [node] : [];
}

/** Scalar key → the pair that sets it, in the map `node` (an alias is followed); empty when it is no map. */
export function mapPairs(node: RawNode | null | undefined, dialect: 'v2' | 'v3', depth = 0): Map<string, MapPair> {
  const out = new Map<string, MapPair>();
  const map = deref(node);
  // Merge chains are bounded by the text (aliases name earlier nodes); the depth bound is for safety.
  if (map?.kind !== 'map' || depth > 64) return out;
  for (const { key, value } of map.pairs) {
    if (isMergeKey(key)) {
      const sources = mergeSources(value).map((source) => mapPairs(source, dialect, depth + 1));
      if (dialect === 'v2') for (const source of sources.reverse()) for (const [k, p] of source) out.set(k, p);
      continue;
    }
    if (key.kind === 'scalar') out.set(key.value, { key, value });
  }
  if (dialect === 'v3')
    for (const { key, value } of map.pairs)
      if (isMergeKey(key))
        for (const source of mergeSources(value)) for (const [k, p] of mapPairs(source, dialect, depth + 1)) if (!out.has(k)) out.set(k, p);
  return out;
}
