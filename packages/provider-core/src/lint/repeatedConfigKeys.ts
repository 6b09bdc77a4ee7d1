/**
 * A key written twice at the top of a cluster's `config`. provider-rke2 v4.8.2 reads `config` with
 * sigs.k8s.io/yaml YAMLToJSON (src/provider/userConfigJson.ts), whose yaml.v2 decodes into a Go map
 * and keeps the last value without a word (go-yaml v2 decode.go `mapping` has no duplicate check;
 * only yaml.v3 refuses with "mapping key "x" already defined at line N"); the port does the same
 * (yaml/yamlToJson.ts, oracle case 50). So the later value wins on the device, silently.
 * Keys two YAML spellings make one (`1:` and `"1":`) are ambiguous-key's. Code: duplicate-config-key.
 */
import { deref, readYamlDocument, YAML_TAG_PREFIX, type RawNode } from '../yaml/readYamlDocument.js';
import { resolvePlainScalar } from '../yaml/resolveScalar.js';
import type { Finding, FindingPath } from './finding.js';

/** The string a key is to yaml.v2, or null for a key that is not one (a number, a bool, a collection, a merge key). */
function stringKey(node: RawNode): string | null {
  const key = deref(node);
  if (key.kind !== 'scalar') return null;
  if (key.tag !== undefined && key.tag !== `${YAML_TAG_PREFIX}str`) return null;
  if (key.plain && resolvePlainScalar(key.value, 'v2').tag !== 'str') return null;
  return key.value;
}

/** Each later occurrence of a top-level key of `config`, with the line (in `config`) of the one before. */
function repeatedKeys(config: string): { key: string; line: number; earlier: number }[] {
  const read = readYamlDocument(config, 'v2');
  const root = read.ok ? deref(read.root) : undefined;
  if (root?.kind !== 'map') return [];
  const seen = new Map<string, number>();
  const repeated: { key: string; line: number; earlier: number }[] = [];
  for (const { key } of root.pairs) {
    const name = stringKey(key);
    if (name === null) continue;
    const earlier = seen.get(name);
    if (earlier !== undefined) repeated.push({ key: name, line: key.line, earlier });
    seen.set(name, key.line);
  }
  return repeated;
}

/** Warnings at each overriding key of a cloud-config's `config`, whose first line is file line `lineOffset` + 1. */
export function repeatedConfigKeyFindings(config: string, path: FindingPath, lineOffset: number): Finding[] {
  return repeatedKeys(config).map(({ key, line, earlier }) => ({
    severity: 'warning',
    code: 'duplicate-config-key',
    message: `"${key}" is set again here, after line ${earlier + lineOffset}: the provider reads config with yaml.v2 (sigs.k8s.io/yaml), which keeps the last value without a word, so this one wins and the earlier one is ignored`,
    path: [...path, key],
    line: line + lineOffset,
    fix: { description: `keep one "${key}" line` },
  }));
}
