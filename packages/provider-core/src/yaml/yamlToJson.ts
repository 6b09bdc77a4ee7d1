/**
 * sigs.k8s.io/yaml's `YAMLToJSON`, which provider-rke2 applies to the user `config` and to its own
 * provider config: yaml.v2 (YAML 1.1) decoding into `interface{}`, map keys turned into strings,
 * then `json.Marshal`.
 *
 * - YAML 1.1 scalars: `0644` → 420, `yes`/`on` → true, `1_000` → 1000 (oracle case 41).
 * - Timestamps stay strings (yaml.v2 keeps their text for `interface{}`; case 41 `date`).
 * - Merge keys `<<` are applied in document order, so later keys win (case 52); a repeated key
 *   keeps its last value and only the first document is read (case 50).
 * - Any failure (invalid YAML, a null or list key, NaN) makes the whole conversion fail, which the
 *   provider then treats as empty output.
 */
import { decodeGoBase64 } from './goBase64.js';
import { EXCESSIVE_ALIASING, isExcessiveAliasing } from './aliasLimit.js';
import { formatGoFloat32G } from './goStrconv.js';
import { GoFloat, GoInt, goKeyIdentity, marshalGoJson, type GoObject, type GoValue } from './goJson.js';
import {
  deref,
  ExpansionBudget,
  readYamlDocument,
  YAML_TAG_PREFIX,
  type RawMap,
  type RawNode,
  type RawScalar,
} from './readYamlDocument.js';
import { resolvePlainScalar, type Resolved } from './resolveScalar.js';

export type YamlToJsonResult = { ok: true; value: GoValue; json: string; ambiguous: AmbiguousKey[] } | { ok: false; error: string };
type V2Result = { ok: true; value: GoValue; ambiguous: AmbiguousKey[] } | { ok: false; error: string };

class V2DecodeError extends Error {}

const RESOLVABLE_TAGS = new Set(['str', 'bool', 'null', 'float', 'int', 'timestamp']);

function shortTag(tag: string): string {
  return tag.startsWith(YAML_TAG_PREFIX) ? `!!${tag.slice(YAML_TAG_PREFIX.length)}` : tag;
}

/** yaml.v2 `resolve(tag, value)` followed by decoding into interface{}. */
function decodeScalar(node: RawScalar): GoValue {
  let wanted: string | undefined;
  if (node.tag !== undefined) {
    const short = node.tag.startsWith(YAML_TAG_PREFIX) ? node.tag.slice(YAML_TAG_PREFIX.length) : undefined;
    if (short === 'binary') {
      const decoded = decodeGoBase64(node.value);
      if (decoded === undefined) throw new V2DecodeError('!!binary value contains invalid base64 data');
      return decoded;
    }
    if (short === undefined || !RESOLVABLE_TAGS.has(short)) return node.value; // unknown tags keep the text
    if (short === 'str') return node.value;
    wanted = short;
  } else if (!node.plain) {
    return node.value;
  }
  const resolved: Resolved = resolvePlainScalar(node.value, 'v2');
  if (wanted !== undefined && wanted !== resolved.tag) {
    if (wanted === 'float' && resolved.tag === 'int') return new GoFloat(Number(resolved.value));
    throw new V2DecodeError(`cannot decode !!${resolved.tag} \`${node.value}\` as a ${shortTag(node.tag!)}`);
  }
  return goValueOf(resolved, node.value); // str, timestamp, and "<<" used as a value stay text
}

/** The Go value a resolved plain scalar decodes to into `interface{}`; anything but null, bool and numbers stays its text. */
export function goValueOf(resolved: Resolved, text: string): GoValue {
  switch (resolved.tag) {
    case 'null':
      return null;
    case 'bool':
      return resolved.value;
    case 'int':
      return new GoInt(resolved.value);
    case 'float':
      return new GoFloat(resolved.value);
    default:
      return text;
  }
}

/** yaml.v2's isMerge: a `<<` key that is plain (or `!`-tagged) or tagged !!merge. */
function isMergeKey(node: RawNode): boolean {
  return (
    node.kind === 'scalar' &&
    node.value === '<<' &&
    ((node.tag === undefined && node.style === 'plain') || node.tag === `${YAML_TAG_PREFIX}merge`)
  );
}

/** sigs.k8s.io/yaml's conversion of a yaml.v2 map key into a JSON object key. */
function jsonKey(key: GoValue): string {
  if (typeof key === 'string') return key;
  if (typeof key === 'boolean') return key ? 'true' : 'false';
  if (key instanceof GoInt) {
    if (key.value > (1n << 63n) - 1n) throw new V2DecodeError(`unsupported map key of type: uint64, key: ${key.value}`);
    return key.value.toString();
  }
  if (key instanceof GoFloat) {
    const s = formatGoFloat32G(key.value);
    return s === '+Inf' ? '.inf' : s === '-Inf' ? '-.inf' : s === 'NaN' ? '.nan' : s;
  }
  if (key === null) throw new V2DecodeError('unsupported map key of type: <nil>');
  throw new V2DecodeError('invalid map key');
}

/**
 * Two different Go keys that become the same JSON key (`1:` and `"1":`): sigs.k8s.io/yaml walks the
 * Go map in random order, so the real provider keeps either value from one run to the next.
 */
export interface AmbiguousKey {
  key: string;
  /** 1-based lines of the keys in the text decoded. */
  lines: number[];
}

class V2Decoder {
  readonly ambiguous: AmbiguousKey[] = [];
  private readonly unconvertible = new Map<GoObject, string>();
  private decodeCount = 0;
  private aliasCount = 0;
  private aliasDepth = 0;
  private readonly activeAliases = new Set<RawNode>();

  constructor(private readonly budget = new ExpansionBudget()) {}

  decode(node: RawNode): GoValue {
    this.budget.spend();
    this.countDecode();
    if (node.kind === 'alias') return this.alias(node);
    if (node.kind === 'scalar') return decodeScalar(node);
    if (node.kind === 'seq') return node.items.map((item) => this.decode(item));
    const out: GoObject = new Map();
    const keys = new Map<string, Map<unknown, { value: GoValue; line: number }>>();
    this.decodeMapInto(node, out, keys);
    this.noteAmbiguous(keys);
    return out;
  }

  /** yaml.v2's limit on alias expansion (decoder.unmarshal). */
  private countDecode(): void {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (isExcessiveAliasing(this.decodeCount, this.aliasCount)) {
      throw new V2DecodeError(EXCESSIVE_ALIASING);
    }
  }

  private alias(node: Extract<RawNode, { kind: 'alias' }>): GoValue {
    return this.throughAlias(node, () => this.decode(node.target));
  }

  /** d.alias's bookkeeping around decoding what an alias names: no alias inside its own anchor, and alias depth counted. */
  private throughAlias<T>(node: Extract<RawNode, { kind: 'alias' }>, decode: () => T): T {
    if (this.activeAliases.has(node)) throw new V2DecodeError(`anchor '${node.name}' value contains itself`);
    this.activeAliases.add(node);
    this.aliasDepth++;
    try {
      return decode();
    } finally {
      this.aliasDepth--;
      this.activeAliases.delete(node);
    }
  }

  private decodeMapInto(node: RawMap, out: GoObject, keys: Map<string, Map<unknown, { value: GoValue; line: number }>>): void {
    for (const { key, value } of node.pairs) {
      if (isMergeKey(key)) {
        this.merge(value, out, keys);
        continue;
      }
      const goKey = this.decode(key);
      if (goKey instanceof Map || Array.isArray(goKey)) throw new V2DecodeError('invalid map key');
      const name = this.jsonKeyOf(goKey, out);
      const decoded = this.decode(value);
      if (name === undefined) continue;
      out.set(name, decoded);
      const sameJson = keys.get(name) ?? new Map<unknown, { value: GoValue; line: number }>();
      sameJson.set(goKeyIdentity(goKey), { value: decoded, line: key.line });
      keys.set(name, sameJson);
    }
  }

  /** yaml.v2's merge: a map, an alias of one, or a list of them of which earlier ones take precedence. */
  private merge(value: RawNode, out: GoObject, keys: Map<string, Map<unknown, { value: GoValue; line: number }>>): void {
    const sources = value.kind === 'seq' ? [...value.items].reverse() : [value];
    if (value.kind !== 'seq' && value.kind !== 'map' && value.kind !== 'alias') throw new V2DecodeError(WANT_MAP);
    for (const source of sources) {
      const target = deref(source);
      if (target.kind !== 'map') throw new V2DecodeError(WANT_MAP);
      this.budget.spend();
      const fill = () => {
        this.countDecode();
        this.decodeMapInto(target, out, keys);
      };
      if (source.kind === 'alias') this.throughAlias(source, fill);
      else fill();
    }
  }

  /**
   * yaml.v2 keeps a null or huge-integer key; sigs.k8s.io/yaml refuses it only when it converts the
   * final value, so the map is marked and only fails if it is still there (not replaced by a later
   * value of the same key).
   */
  private jsonKeyOf(goKey: GoValue, out: GoObject): string | undefined {
    try {
      return jsonKey(goKey);
    } catch (e) {
      this.unconvertible.set(out, (e as Error).message);
      return undefined;
    }
  }

  /** The reason the decoded value cannot become JSON: a marked map that survived in it. */
  unconvertibleIn(value: GoValue): string | undefined {
    if (this.unconvertible.size === 0) return undefined;
    const stack: GoValue[] = [value];
    while (stack.length > 0) {
      const v = stack.pop()!;
      if (v instanceof Map) {
        const reason = this.unconvertible.get(v);
        if (reason !== undefined) return reason;
        for (const child of v.values()) stack.push(child);
      } else if (Array.isArray(v)) stack.push(...v);
    }
    return undefined;
  }

  private noteAmbiguous(keys: Map<string, Map<unknown, { value: GoValue; line: number }>>): void {
    for (const [key, goKeys] of keys) {
      if (goKeys.size < 2) continue;
      // A value JSON cannot hold (NaN) makes that run of the real provider fail: a different outcome too.
      const values = new Set([...goKeys.values()].map((v, i) => jsonOrUnique(v.value, i)));
      if (values.size > 1) this.ambiguous.push({ key, lines: [...goKeys.values()].map((v) => v.line) });
    }
  }
}

function jsonOrUnique(value: GoValue, index: number): string {
  try {
    return marshalGoJson(value);
  } catch {
    return `\u0000unmarshalable ${index}`;
  }
}

const WANT_MAP = 'map merge requires map or sequence of maps as the value';
/** Decodes the first YAML document of `text` the way yaml.v2 does into interface{}. */
export function decodeYamlV2(text: string): V2Result {
  const read = readYamlDocument(text, 'v2');
  if (!read.ok) return { ok: false, error: `yaml: ${read.error.message}` };
  return decodeYamlV2Node(read.root);
}

/** decodeYamlV2 for a document already read with readYamlDocument. */
export function decodeYamlV2Node(root: RawNode | null, budget?: ExpansionBudget): V2Result {
  if (root === null) return { ok: true, value: null, ambiguous: [] };
  try {
    const decoder = new V2Decoder(budget);
    const value = decoder.decode(root);
    const unconvertible = decoder.unconvertibleIn(value);
    if (unconvertible !== undefined) return { ok: false, error: unconvertible };
    return { ok: true, value, ambiguous: decoder.ambiguous };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

/** sigs.k8s.io/yaml.YAMLToJSON: the JSON text Go produces, or the reason it fails. */
export function yamlToJson(text: string): YamlToJsonResult {
  const decoded = decodeYamlV2(text);
  if (!decoded.ok) return decoded;
  try {
    return { ok: true, value: decoded.value, json: marshalGoJson(decoded.value), ambiguous: decoded.ambiguous };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}
