/**
 * Where things are in a cloud-config text, for messages that point at a line: the line of each
 * top-level key, of each `cluster:` key (also one a merge key `<<: *base` brings in: the line where
 * it is written), and the line just before the `config` text's first line.
 */
import { mapPairs } from '../yaml/mapPairs.js';
import { deref, readYamlDocument, type RawNode } from '../yaml/readYamlDocument.js';

export interface CloudConfigOutline {
  /** Top-level scalar values by key (e.g. hostname). */
  topLevel: Map<string, RawNode>;
  clusterKeyLines: Map<string, number>;
  /** Add to a line inside `cluster.config` to get the line in the file. */
  configLineOffset: number;
  /** Add to a column inside a block `cluster.config` to get the column in the file (its indentation). */
  configColumnOffset: number;
}

/** Key → its key and value nodes, keys brought in by merge keys (`<<: *base`) included, as yaml.v3 reads them. */
function pairsOf(node: RawNode | null | undefined): Map<string, { key: RawNode; value: RawNode }> {
  return new Map([...mapPairs(node, 'v3')].map(([k, p]) => [k, { key: p.key, value: deref(p.value) }]));
}

export function cloudConfigOutline(text: string): CloudConfigOutline {
  const read = readYamlDocument(text, 'v3');
  const root = read.ok ? read.root : null;
  const top = pairsOf(root);
  const cluster = pairsOf(top.get('cluster')?.value);
  const config = cluster.get('config');
  const lines = text.split('\n');
  // A block scalar (`config: |`) starts on the line after its key; a flow scalar on the key's line.
  const keyLine = config?.key.line ?? 0;
  const isBlock = config !== undefined && /:\s*[|>]/.test(lines[keyLine - 1] ?? '');
  const firstContent = isBlock ? lines.slice(keyLine).find((l) => l.trim() !== '') : undefined;
  return {
    configColumnOffset: firstContent === undefined ? 0 : firstContent.length - firstContent.trimStart().length,
    topLevel: new Map([...top].map(([k, p]) => [k, p.value])),
    clusterKeyLines: new Map([...cluster].map(([k, p]) => [k, p.key.line])),
    configLineOffset: isBlock ? keyLine : Math.max(keyLine - 1, 0),
  };
}
