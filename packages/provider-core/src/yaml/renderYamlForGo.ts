/**
 * Writes a value as YAML text that Go's YAML readers give back unchanged: yaml.v2 (YAML 1.1, which
 * reads the user `config`, oracle case 41) and yaml.v3 (which reads the cloud-config, case 46).
 *
 * The `yaml` library lays the text out; the decision to quote a string is ours: a string is
 * double-quoted whenever either Go reader would take its plain form for something else (`yes`,
 * `0644`, `1_000`, `~`, `2001-12-14`, …), using the same resolver the port reads with. Whole
 * floats keep a fraction (`1000.0`) so that they stay floats. Multi-line strings become literal
 * blocks (`|`). Lines are never folded.
 */
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';
import { GoFloat, GoInt, type GoValue } from './goJson.js';
import { resolvePlainScalar } from './resolveScalar.js';

/** True when a plain scalar with this text would read back as a string in both Go readers. */
export function readsAsStringInGo(text: string): boolean {
  return resolvePlainScalar(text, 'v2').tag === 'str' && resolvePlainScalar(text, 'v3').tag === 'str';
}

const BOM = '\ufeff';

function stringNode(value: string): Scalar {
  const scalar = new Scalar(value);
  if (!readsAsStringInGo(value) || value.includes(BOM)) scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}

function toNode(value: GoValue): Node {
  if (typeof value === 'string') return stringNode(value);
  if (value === null || typeof value === 'boolean') return new Scalar(value);
  if (value instanceof GoInt) return new Scalar(value.value);
  if (value instanceof GoFloat) {
    const scalar = new Scalar(value.value);
    if (Number.isInteger(value.value) && Math.abs(value.value) < 1e21) scalar.minFractionDigits = 1;
    return scalar;
  }
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    seq.items = value.map(toNode);
    return seq;
  }
  const map = new YAMLMap();
  map.items = [...value].map(([k, v]) => new Pair(stringNode(k), toNode(v)));
  return map;
}

export function renderYamlForGo(value: GoValue): string {
  const doc = new Document();
  doc.contents = toNode(value);
  // The yaml library writes U+FEFF raw even in double quotes, where a reader at the start of a
  // document takes it for a byte order mark and drops it. Only double-quoted strings hold it
  // (stringNode), so escaping every occurrence is safe.
  return doc.toString({ lineWidth: 0, minContentWidth: 0, blockQuote: 'literal' }).replaceAll(BOM, '\\uFEFF');
}
