/**
 * How the Kairos SDK (clusterplugin.onBoot) reads a cloud-config: `yaml.Unmarshal` (yaml.v3) of the
 * whole document into `Config{Cluster *Cluster}`.
 *
 * - A string field takes the scalar's literal text: unquoted `0755` stays "0755" (oracle case 46);
 *   a null (`~`, empty) gives "".
 * - `import_local_images` accepts true/false and, into a bool only, the YAML 1.1 words yes/no/on/off.
 * - Type mismatches are collected like yaml.v3 does ("line 7: cannot unmarshal !!map into string",
 *   case 43) and make the plugin answer with an error instead of running the provider.
 * - Repeated known fields and repeated map keys are yaml.v3 errors too.
 * - No `cluster` key, or `cluster:` null, means no cluster section (case 33); `cluster: {}` is a
 *   present, empty section (case 44).
 */
import { YAML_TAG_PREFIX, readYamlDocument, type RawMap, type RawNode } from '../yaml/readYamlDocument.js';
import { oldBoolValue, resolvePlainScalar } from '../yaml/resolveScalar.js';
import type { Cluster } from './clusterSchema.js';

export type DecodedCloudConfig =
  { kind: 'cluster'; cluster: Cluster } | { kind: 'no-cluster' } | { kind: 'error'; message: string; line: number };

const CONFIG_TYPE = 'clusterplugin.Config';
const CLUSTER_TYPE = 'clusterplugin.Cluster';

type FieldKind = 'string' | 'role' | 'bool' | 'stringMap' | 'stringList';
const CLUSTER_FIELDS = new Map<string, FieldKind>(
  Object.entries({
    cluster_token: 'string',
    control_plane_host: 'string',
    role: 'role',
    config: 'string',
    env: 'stringMap',
    ca_certs: 'stringList',
    providerConfig: 'stringMap',
    import_local_images: 'bool',
    local_images_path: 'string',
    cluster_config_path: 'string',
  } satisfies Record<keyof Cluster, FieldKind>),
);
const GO_TYPE: Record<FieldKind, string> = {
  string: 'string',
  role: 'clusterplugin.Role',
  bool: 'bool',
  stringMap: 'map[string]string',
  stringList: '[]string',
};

/** The tag yaml.v3's parser gives a node: explicit, or resolved for plain scalars. */
function nodeTag(node: RawNode): string {
  if (node.kind === 'map') return '!!map';
  if (node.kind === 'seq') return '!!seq';
  if (node.tag !== undefined) {
    return node.tag.startsWith(YAML_TAG_PREFIX) ? `!!${node.tag.slice(YAML_TAG_PREFIX.length)}` : node.tag;
  }
  return node.plain ? `!!${resolvePlainScalar(node.value, 'v3').tag}` : '!!str';
}

function isNull(node: RawNode): boolean {
  return node.kind === 'scalar' && nodeTag(node) === '!!null';
}

/** yaml.v3's shortening of a value in an error: at most 10 bytes, else 7 and "...". */
function quoteValue(value: string): string {
  const bytes = new TextEncoder().encode(value);
  if (bytes.length <= 10) return ` \`${value}\``;
  return ` \`${new TextDecoder().decode(bytes.slice(0, 7))}...\``;
}

class V3Decoder {
  readonly errors: string[] = [];

  private typeError(node: RawNode, goType: string): void {
    const tag = nodeTag(node);
    const shown = node.kind === 'scalar' ? quoteValue(node.value) : '';
    this.errors.push(`line ${node.line}: cannot unmarshal ${tag}${shown} into ${goType}`);
  }

  private string(node: RawNode, goType: string): string | undefined {
    if (node.kind !== 'scalar') {
      this.typeError(node, goType);
      return undefined;
    }
    return isNull(node) ? '' : node.value;
  }

  private bool(node: RawNode): boolean | undefined {
    if (node.kind !== 'scalar') return void this.typeError(node, 'bool');
    if (isNull(node)) return false;
    const word = node.plain ? resolvePlainScalar(node.value, 'v3') : { tag: 'str' as const };
    if (word.tag === 'bool') return word.value;
    const old = word.tag === 'str' ? oldBoolValue(node.value) : undefined;
    return old ?? void this.typeError(node, 'bool');
  }

  private stringMap(node: RawNode): Record<string, string> | undefined {
    if (isNull(node)) return undefined;
    if (node.kind !== 'map') return void this.typeError(node, GO_TYPE.stringMap);
    if (!this.uniqueKeys(node)) return undefined;
    const out: Record<string, string> = {};
    for (const { key, value } of this.withMerges(node)) {
      const k = this.string(key, 'string');
      const v = this.string(value, 'string');
      // defineProperty: a key such as "__proto__" is data, not the object's prototype.
      if (k !== undefined && v !== undefined)
        Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }

  private stringList(node: RawNode): string[] | undefined {
    if (isNull(node)) return undefined;
    if (node.kind !== 'seq') return void this.typeError(node, GO_TYPE.stringList);
    return node.items.map((item) => this.string(item, 'string') ?? '');
  }

  /** yaml.v3 refuses a map with the same key twice ("mapping key "x" already defined at line N"). */
  private uniqueKeys(node: RawMap): boolean {
    const before = this.errors.length;
    node.pairs.forEach(({ key }, i) => {
      for (const later of node.pairs.slice(i + 1)) {
        if (key.kind === 'scalar' && later.key.kind === 'scalar' && key.value === later.key.value) {
          this.errors.push(`line ${later.key.line}: mapping key ${JSON.stringify(later.key.value)} already defined at line ${key.line}`);
        }
      }
    });
    return this.errors.length === before;
  }

  /** Merge keys (`<<`): keys written in the mapping win over merged ones, earlier sources over later. */
  private withMerges(node: RawMap): { key: RawNode; value: RawNode }[] {
    const isMerge = (k: RawNode) => k.kind === 'scalar' && k.plain && k.value === '<<';
    const explicit = node.pairs.filter((p) => !isMerge(p.key));
    const seen = new Set(explicit.flatMap((p) => (p.key.kind === 'scalar' ? [p.key.value] : [])));
    const merged: { key: RawNode; value: RawNode }[] = [];
    for (const { value } of node.pairs.filter((p) => isMerge(p.key))) {
      const sources = value.kind === 'seq' ? value.items : [value];
      for (const source of sources) {
        if (source.kind !== 'map') {
          this.errors.push(`line ${source.line}: map merge requires map or sequence of maps as the value`);
          continue;
        }
        for (const pair of this.withMerges(source)) {
          if (pair.key.kind === 'scalar' && seen.has(pair.key.value)) continue;
          if (pair.key.kind === 'scalar') seen.add(pair.key.value);
          merged.push(pair);
        }
      }
    }
    return [...merged, ...explicit];
  }

  /** Decodes a mapping into a struct with the given fields, reporting repeats of known fields. */
  private struct(
    node: RawMap,
    goType: string,
    fields: Map<string, FieldKind>,
    assign: (name: string, kind: FieldKind, value: RawNode) => void,
  ): void {
    const done = new Set<string>();
    for (const { key, value } of this.withMerges(node)) {
      const name = this.string(key, 'string');
      if (name === undefined) continue;
      const kind = fields.get(name);
      if (kind === undefined) continue; // unknown keys are ignored
      if (done.has(name)) {
        this.errors.push(`line ${key.line}: field ${name} already set in type ${goType}`);
        continue;
      }
      done.add(name);
      assign(name, kind, value);
    }
  }

  cluster(node: RawNode): Cluster | null {
    if (isNull(node)) return null;
    if (node.kind !== 'map') {
      this.typeError(node, CLUSTER_TYPE);
      return null;
    }
    const cluster: Record<string, unknown> = {};
    this.struct(node, CLUSTER_TYPE, CLUSTER_FIELDS, (name, kind, value) => {
      const decoded =
        kind === 'bool'
          ? this.bool(value)
          : kind === 'stringMap'
            ? this.stringMap(value)
            : kind === 'stringList'
              ? this.stringList(value)
              : this.string(value, GO_TYPE[kind]);
      if (decoded !== undefined) cluster[name] = decoded;
    });
    return cluster as Cluster;
  }

  config(root: RawNode): Cluster | null {
    if (isNull(root)) return null;
    if (root.kind !== 'map') {
      this.typeError(root, CONFIG_TYPE);
      return null;
    }
    let cluster: Cluster | null = null;
    this.struct(root, CONFIG_TYPE, new Map([['cluster', 'string']]), (_name, _kind, value) => {
      cluster = this.cluster(value);
    });
    return cluster;
  }
}

function firstErrorLine(errors: string[]): number {
  return Number(/^line (\d+)/.exec(errors[0] ?? '')?.[1] ?? 1);
}

/** Reads a cloud-config as the Kairos SDK does; errors carry the SDK's wording. */
export function decodeCloudConfig(text: string): DecodedCloudConfig {
  const read = readYamlDocument(text, 'v3');
  if (!read.ok) return { kind: 'error', message: `yaml: ${read.error.message}`, line: read.error.line };
  if (read.root === null) return { kind: 'no-cluster' };
  const decoder = new V3Decoder();
  const cluster = decoder.config(read.root);
  if (decoder.errors.length) {
    return {
      kind: 'error',
      message: `yaml: unmarshal errors:\n  ${decoder.errors.join('\n  ')}`,
      line: firstErrorLine(decoder.errors),
    };
  }
  return cluster === null ? { kind: 'no-cluster' } : { kind: 'cluster', cluster };
}
