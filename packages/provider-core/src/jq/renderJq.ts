/**
 * jq 1.6's printer: `jvp_dtoa_fmt` for numbers (shortest round-trip digits; exponent form when the
 * decimal point is 4+ places left or more than 15 places right of the digits, e.g. 1e+17, 1e-05),
 * string escaping (raw non-ASCII, \u00XX in lower-case hex for other controls and DEL) and the
 * pretty form of `jq .` (2 spaces, `"key": value`, final newline).
 */
import type { JqValue } from './jqValue.js';

/** jvp_dtoa_fmt: doubles as jq 1.6 prints them (12345678901234567890 → 12345678901234567000). */
export function formatJqNumber(x: number): string {
  if (Number.isNaN(x)) return 'null';
  const d = Math.max(-Number.MAX_VALUE, Math.min(Number.MAX_VALUE, x));
  const sign = d < 0 || Object.is(d, -0) ? '-' : '';
  if (d === 0) return `${sign}0`;
  const [mantissa, exp] = Math.abs(d).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  let decpt = Number(exp) + 1;
  if (decpt <= -4 || decpt > digits.length + 15) {
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : '';
    decpt -= 1;
    const expSign = decpt < 0 ? '-' : '+';
    return `${sign}${digits[0]}${frac}e${expSign}${String(Math.abs(decpt)).padStart(2, '0')}`;
  }
  if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
  if (digits.length <= decpt) return sign + digits + '0'.repeat(decpt - digits.length);
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}

const SHORT_ESCAPES: Record<number, string> = { 0x08: '\\b', 0x09: '\\t', 0x0a: '\\n', 0x0c: '\\f', 0x0d: '\\r' };

/** Text formatJqString writes as it is: no `"`, `\\`, control characters or DEL. */
const JQ_VERBATIM = /^[^"\\\u0000-\u001f\u007f]*$/;

export function formatJqString(s: string): string {
  if (JQ_VERBATIM.test(s)) return `"${s}"`;
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c === 0x22 || c === 0x5c) out += `\\${ch}`;
    else if (c < 0x20 || c === 0x7f) out += SHORT_ESCAPES[c] ?? `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

function dump(v: JqValue, pretty: boolean, indent: number): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return formatJqNumber(v);
  if (typeof v === 'string') return formatJqString(v);
  const pad = (n: number) => (pretty ? `\n${'  '.repeat(n)}` : '');
  const sep = `,${pad(indent + 1)}`;
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[${pad(indent + 1)}${v.map((x) => dump(x, pretty, indent + 1)).join(sep)}${pad(indent)}]`;
  }
  if (v.size === 0) return '{}';
  const colon = pretty ? ': ' : ':';
  const entries = [...v].map(([k, x]) => `${formatJqString(k)}${colon}${dump(x, pretty, indent + 1)}`);
  return `{${pad(indent + 1)}${entries.join(sep)}${pad(indent)}}`;
}

/** What `jq` writes to stdout for one output value: pretty-printed, with a final newline. */
export function renderMergedConfig(v: JqValue): string {
  return `${dump(v, true, 0)}\n`;
}

/** jv_dump_string_trunc with jq's 15-byte buffer: compact, cut to 11 bytes and "..." past 14. */
export function dumpTruncated(v: JqValue): string {
  const bytes = new TextEncoder().encode(dump(v, false, 0));
  if (bytes.length <= 14) return new TextDecoder().decode(bytes);
  return `${new TextDecoder().decode(bytes.slice(0, 11))}...`;
}
