/**
 * Values as Go holds them after yaml.v2 decoding (`interface{}`), and Go's `json.Marshal` of them.
 *
 * Integers are kept as bigint so that `12345678901234567890` stays digit for digit, as Go's uint64
 * does (oracle case 41-yaml11-scalars). Objects are Maps; json.Marshal sorts their keys by UTF-8
 * byte order, which is code-point order.
 */
import { formatGoJsonFloat } from './goStrconv.js';

export class GoInt {
  constructor(readonly value: bigint) {}
}
export class GoFloat {
  constructor(readonly value: number) {}
}
export type GoValue = null | boolean | string | GoInt | GoFloat | GoValue[] | GoObject;
export type GoObject = Map<string, GoValue>;

/** The identity of a key in a Go map[interface{}]interface{}: 1, "1" and true are different keys (NaN equals nothing). */
export function goKeyIdentity(key: GoValue): unknown {
  if (typeof key === 'string') return `s:${key}`;
  if (typeof key === 'boolean') return `b:${key}`;
  if (key instanceof GoInt) return key.value > (1n << 63n) - 1n ? `u:${key.value}` : `i:${key.value}`;
  if (key instanceof GoFloat) return Number.isNaN(key.value) ? key : `f:${key.value}`;
  return key;
}

export function isGoObject(v: GoValue): v is GoObject {
  return v instanceof Map;
}

const isSurrogate = (unit: number) => (unit & 0xf800) === 0xd800;

/**
 * Compares strings by code point, which is the byte order of their UTF-8 encoding (a lone
 * surrogate counts as its own value); the sign of the result orders them. Where the first
 * differing UTF-16 units are not surrogates they decide, as their code points would.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return isSurrogate(x) || isSurrogate(y) ? compareByCodePoint(a, b) : x - y;
  }
  return a.length - b.length;
}

function compareByCodePoint(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done === y.done ? 0 : x.done ? -1 : 1;
    const cx = x.value.codePointAt(0)!;
    const cy = y.value.codePointAt(0)!;
    if (cx !== cy) return cx - cy;
  }
}

const HEX = '0123456789abcdef';

/** Text that goJsonString writes as it is: printable ASCII but `"`, `\\`, `<`, `>`, `&`. */
const JSON_VERBATIM = /^[\x20-\x21\x23-\x25\x27-\x3b\x3d\x3f-\x5b\x5d-\x7e]*$/;

/**
 * encoding/json's string encoder with HTML escaping on (json.Marshal's default): `<`, `>`, `&`
 * become \u003c \u003e \u0026 (oracle case 51-token-escapes-newline), U+2028/U+2029 are escaped,
 * other non-ASCII is written raw (case 53). Control characters other than \n \r \t use \u00XX:
 * this is Go 1.19's encoder, the toolchain that produced the oracle (Go 1.22+ writes \b and \f).
 */
function goJsonString(s: string): string {
  if (JSON_VERBATIM.test(s)) return `"${s}"`;
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c < 0x20 || c === 0x3c || c === 0x3e || c === 0x26) out += `\\u00${HEX[c >> 4]}${HEX[c & 15]}`;
    else if (c === 0x2028 || c === 0x2029) out += `\\u202${HEX[c & 15]}`;
    else if (c >= 0xd800 && c <= 0xdfff) out += '\ufffd';
    else out += ch;
  }
  return `${out}"`;
}

class GoJsonError extends Error {}

/** json.Marshal: compact, keys sorted; NaN and ±Inf are "unsupported value" errors as in Go. */
export function marshalGoJson(value: GoValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return goJsonString(value);
  if (value instanceof GoInt) return value.value.toString();
  if (value instanceof GoFloat) {
    if (!Number.isFinite(value.value)) throw new GoJsonError(`json: unsupported value: ${formatGoFloatName(value.value)}`);
    return formatGoJsonFloat(value.value);
  }
  if (Array.isArray(value)) return `[${value.map(marshalGoJson).join(',')}]`;
  const keys = [...value.keys()].sort(compareCodePoints);
  return `{${keys.map((k) => `${goJsonString(k)}:${marshalGoJson(value.get(k)!)}`).join(',')}}`;
}

function formatGoFloatName(v: number): string {
  return Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf';
}

/** The Go type that `json.Unmarshal` into `interface{}` gives a value, as a panic message names it. */
export function goJsonTypeName(value: GoValue | undefined): string {
  if (value === null || value === undefined) return 'nil';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'string') return 'string';
  if (value instanceof GoInt || value instanceof GoFloat) return 'float64';
  if (Array.isArray(value)) return '[]interface {}';
  return 'map[string]interface {}';
}
