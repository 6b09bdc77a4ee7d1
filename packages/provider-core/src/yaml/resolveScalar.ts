/**
 * Implicit typing of plain YAML scalars, as Go's two YAML libraries do it.
 *
 * - `yaml.v2` (go.yaml.in/yaml/v2, used by sigs.k8s.io/yaml for the user `config`) follows YAML 1.1:
 *   `yes`/`on`/`y` are booleans, `0644` is octal.
 * - `yaml.v3` (used by the Kairos SDK and by every encoder in the chain) only knows true/false,
 *   but when *writing* a string it still quotes YAML 1.1 booleans and base-60 floats.
 *
 * Numbers are resolved identically by both: timestamps first (plain scalars only), then
 * ParseInt/ParseUint with base prefixes after removing `_`, then yaml-style floats.
 */
import { parseDotFloat, parseGoInt, parseGoUint, parseYamlStyleFloat } from './goStrconv.js';

export type Resolved =
  | { tag: 'null' }
  | { tag: 'bool'; value: boolean }
  | { tag: 'int'; value: bigint }
  | { tag: 'float'; value: number }
  | { tag: 'timestamp' }
  | { tag: 'merge' }
  | { tag: 'str' };

export type YamlDialect = 'v2' | 'v3';

const COMMON_WORD_LIST: [string, Resolved][] = Object.entries({
  true: { tag: 'bool', value: true },
  True: { tag: 'bool', value: true },
  TRUE: { tag: 'bool', value: true },
  false: { tag: 'bool', value: false },
  False: { tag: 'bool', value: false },
  FALSE: { tag: 'bool', value: false },
  '': { tag: 'null' },
  '~': { tag: 'null' },
  null: { tag: 'null' },
  Null: { tag: 'null' },
  NULL: { tag: 'null' },
  '.nan': { tag: 'float', value: NaN },
  '.NaN': { tag: 'float', value: NaN },
  '.NAN': { tag: 'float', value: NaN },
  '.inf': { tag: 'float', value: Infinity },
  '.Inf': { tag: 'float', value: Infinity },
  '.INF': { tag: 'float', value: Infinity },
  '+.inf': { tag: 'float', value: Infinity },
  '+.Inf': { tag: 'float', value: Infinity },
  '+.INF': { tag: 'float', value: Infinity },
  '-.inf': { tag: 'float', value: -Infinity },
  '-.Inf': { tag: 'float', value: -Infinity },
  '-.INF': { tag: 'float', value: -Infinity },
  '<<': { tag: 'merge' },
} satisfies Record<string, Resolved>);
const COMMON_WORDS = new Map<string, Resolved>(COMMON_WORD_LIST);

const YAML11_TRUE = ['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON'];
const YAML11_FALSE = ['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF'];

const V2_WORDS = new Map<string, Resolved>([
  ...COMMON_WORD_LIST,
  ...YAML11_TRUE.map((w): [string, Resolved] => [w, { tag: 'bool', value: true }]),
  ...YAML11_FALSE.map((w): [string, Resolved] => [w, { tag: 'bool', value: false }]),
]);

/** yaml.v3's isOldBool: words it will not write unquoted, for the sake of YAML 1.1 readers. */
export function isOldBool(s: string): boolean {
  return oldBoolValue(s) !== undefined;
}

/** The value of a YAML 1.1 boolean word (yes/on/y → true, no/off/n → false), else undefined. */
export function oldBoolValue(s: string): boolean | undefined {
  if (YAML11_TRUE.includes(s)) return true;
  return YAML11_FALSE.includes(s) ? false : undefined;
}

const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** yaml.v3's isBase60Float (`1:20` would be 80 to a YAML 1.1 reader). */
export function isBase60Float(s: string): boolean {
  return s.includes(':') && BASE60_FLOAT.test(s);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const TIMESTAMP = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:([Tt ])(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * yaml's parseTimestamp: time.Parse with "2006-1-2T15:4:5.999999999Z07:00", the same with 't',
 * "2006-1-2 15:4:5.999999999" and "2006-1-2". time.Parse checks ranges, so 2024-02-30 is no date.
 */
function isYamlTimestamp(s: string): boolean {
  const m = TIMESTAMP.exec(s);
  if (!m) return false;
  const [, y, mo, d, separator, h, mi, sec, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  if (separator === undefined) return true;
  // The space-separated layout has no zone; the T layouts require one.
  if ((separator === ' ') !== (zone === undefined)) return false;
  if (Number(h) > 23 || Number(mi) > 59 || Number(sec) > 59) return false;
  if (zone && zone !== 'Z' && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(4)) > 59)) return false;
  return true;
}

function resolveNumber(s: string): Resolved | null {
  const plain = s.replaceAll('_', '');
  const int = parseGoInt(plain) ?? parseGoUint(plain);
  if (int !== null) return { tag: 'int', value: int };
  const float = parseYamlStyleFloat(plain);
  if (float !== null) return { tag: 'float', value: float };
  return null;
}

/** What a plain (unquoted, untagged) scalar means to yaml.v2 or yaml.v3. */
export function resolvePlainScalar(s: string, dialect: YamlDialect): Resolved {
  const word = (dialect === 'v2' ? V2_WORDS : COMMON_WORDS).get(s);
  if (word) return word;
  const first = s[0];
  if (first === '.') {
    const float = parseDotFloat(s);
    return float === null ? { tag: 'str' } : { tag: 'float', value: float };
  }
  if (first !== undefined && (first === '+' || first === '-' || (first >= '0' && first <= '9'))) {
    if (isYamlTimestamp(s)) return { tag: 'timestamp' };
    return resolveNumber(s) ?? { tag: 'str' };
  }
  return { tag: 'str' };
}
