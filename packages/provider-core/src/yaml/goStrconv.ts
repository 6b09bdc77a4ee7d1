/**
 * The parts of Go's `strconv` that decide how YAML scalars turn into numbers, and how Go and
 * encoding/json print them. yaml.v2 and yaml.v3 both lean on `strconv.ParseInt(s, 0, 64)`,
 * `strconv.ParseUint(s, 0, 64)` and `strconv.ParseFloat(s, 64)`, so their quirks are our quirks:
 * `0644` is octal, `0x1F` hex, `0b101` binary, `0o17` octal, and an out-of-range float is *not* a
 * number at all (it stays a string).
 */

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);
const UINT64_MAX = (1n << 64n) - 1n;

function digitValue(c: string): number {
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  const lower = code | 0x20;
  if (lower >= 97 && lower <= 122) return lower - 97 + 10;
  return 99;
}

/** strconv.ParseUint(s, 0, 64) without underscores (callers strip them, as yaml does). */
export function parseGoUint(s: string): bigint | null {
  if (s === '') return null;
  let base = 10n;
  let digits = s;
  if (s[0] === '0') {
    const prefix = s.length >= 3 ? s[1]!.toLowerCase() : '';
    if (prefix === 'b') [base, digits] = [2n, s.slice(2)];
    else if (prefix === 'o') [base, digits] = [8n, s.slice(2)];
    else if (prefix === 'x') [base, digits] = [16n, s.slice(2)];
    else [base, digits] = [8n, s.slice(1)];
  }
  let n = 0n;
  for (const c of digits) {
    const d = BigInt(digitValue(c));
    if (d >= base) return null;
    n = n * base + d;
    if (n > UINT64_MAX) return null;
  }
  return n;
}

/** strconv.ParseInt(s, 0, 64): an optional sign, then ParseUint's syntax, within int64. */
export function parseGoInt(s: string): bigint | null {
  if (s === '') return null;
  let negative = false;
  let rest = s;
  if (s[0] === '+' || s[0] === '-') {
    negative = s[0] === '-';
    rest = s.slice(1);
  }
  const magnitude = parseGoUint(rest);
  if (magnitude === null) return null;
  const value = negative ? -magnitude : magnitude;
  return value > INT64_MAX || value < INT64_MIN ? null : value;
}

/** yaml's `yamlStyleFloat`: the only float spellings the resolvers hand to ParseFloat. */
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** What ParseFloat accepts for a scalar starting with '.' (no hex, no underscores without a prefix). */
const DOT_FLOAT = /^\.[0-9]+([eE][-+]?[0-9]+)?$/;

/** ParseFloat on a yamlStyleFloat-shaped string; ±Inf (overflow) is an error in Go. */
export function parseYamlStyleFloat(s: string): number | null {
  if (!YAML_STYLE_FLOAT.test(s)) return null;
  const v = Number(s);
  return Number.isFinite(v) ? v : null;
}

export function parseDotFloat(s: string): number | null {
  if (!DOT_FLOAT.test(s)) return null;
  const v = Number(s);
  return Number.isFinite(v) ? v : null;
}

/**
 * encoding/json's float64 format: strconv 'f' between 1e-6 and 1e21, 'e' outside with `e-07`
 * cleaned to `e-7`. JavaScript's Number→string uses the same shortest digits and the same
 * thresholds, so only negative zero differs.
 */
export function formatGoJsonFloat(v: number): string {
  if (Object.is(v, -0)) return '-0';
  return String(v);
}

/**
 * strconv.FormatFloat(f, 'g', -1, 32), which sigs.k8s.io/yaml uses to turn a float map key into
 * a JSON object key (`1.5: x` → "1.5"). Shortest digits that survive a round trip through float32.
 */
export function formatGoFloat32G(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  const f = Math.fround(v);
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  let precision = 1;
  for (; precision < 9; precision++) {
    if (Math.fround(Number(f.toPrecision(precision))) === f) break;
  }
  const [mantissa, expText] = f.toExponential(precision - 1).split('e') as [string, string];
  const exp = Number(expText);
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = f < 0 ? '-' : '';
  // %g with shortest precision uses the exponent form when exp < -4 || exp >= 6 (Go's eprec 6).
  if (exp < -4 || exp >= 6) {
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const e = Math.abs(exp).toString().padStart(2, '0');
    return `${sign}${digits[0]}${frac}e${exp < 0 ? '-' : '+'}${e}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return sign + digits + '0'.repeat(exp + 1 - digits.length);
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}
