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
import { formatGoFloat32G } from './goStrconv.js';
import { GoFloat, GoInt, marshalGoJson, type GoObject, type GoValue } from './goJson.js';
import { ExpansionBudget, readYamlDocument, YAML_TAG_PREFIX, type RawMap, type RawNode, type RawScalar } from './readYamlDocument.js';
import { resolvePlainScalar, type Resolved } from './resolveScalar.js';

export type YamlToJsonResult = { ok: true; value: GoValue; json: string } | { ok: false; error: string };

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

function isMergeKey(node: RawNode): boolean {
  return node.kind === 'scalar' && node.plain && node.value === '<<';
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

class V2Decoder {
  constructor(private readonly budget = new ExpansionBudget()) {}

  decode(node: RawNode): GoValue {
    this.budget.spend();
    if (node.kind === 'scalar') return decodeScalar(node);
    if (node.kind === 'seq') return node.items.map((item) => this.decode(item));
    const out: GoObject = new Map();
    this.decodeMapInto(node, out);
    return out;
  }

  private decodeMapInto(node: RawMap, out: GoObject): void {
    for (const { key, value } of node.pairs) {
      if (isMergeKey(key)) {
        this.merge(value, out);
        continue;
      }
      if (key.kind !== 'scalar') throw new V2DecodeError('invalid map key');
      out.set(jsonKey(this.decode(key)), this.decode(value));
    }
  }

  /** yaml.v2's merge: a map, or a list of maps of which earlier ones take precedence. */
  private merge(value: RawNode, out: GoObject): void {
    const sources = value.kind === 'seq' ? [...value.items].reverse() : [value];
    for (const source of sources) {
      if (source.kind !== 'map') throw new V2DecodeError('map merge requires map or sequence of maps as the value');
      this.budget.spend();
      this.decodeMapInto(source, out);
    }
  }
}

/** Decodes the first YAML document of `text` the way yaml.v2 does into interface{}. */
export function decodeYamlV2(text: string): { ok: true; value: GoValue } | { ok: false; error: string } {
  const read = readYamlDocument(text, 'v2');
  if (!read.ok) return { ok: false, error: `yaml: ${read.error.message}` };
  return decodeYamlV2Node(read.root);
}

/** decodeYamlV2 for a document already read with readYamlDocument. */
export function decodeYamlV2Node(
  root: RawNode | null,
  budget?: ExpansionBudget,
): { ok: true; value: GoValue } | { ok: false; error: string } {
  if (root === null) return { ok: true, value: null };
  try {
    return { ok: true, value: new V2Decoder(budget).decode(root) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}

/** sigs.k8s.io/yaml.YAMLToJSON: the JSON text Go produces, or the reason it fails. */
export function yamlToJson(text: string): YamlToJsonResult {
  const decoded = decodeYamlV2(text);
  if (!decoded.ok) return decoded;
  try {
    return { ok: true, value: decoded.value, json: marshalGoJson(decoded.value) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}
