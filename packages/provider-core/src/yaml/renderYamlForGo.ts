/**
 * Writes a value as YAML text that Go's YAML readers give back unchanged: yaml.v2 (YAML 1.1, which
 * reads the user `config`, oracle case 41) and yaml.v3 (which reads the cloud-config, case 46).
 *
 * The `yaml` library lays the text out; the decision how to write a string is ours:
 *
 * - **Typing.** A string is double-quoted whenever either Go reader would take its plain form for
 *   something else (`yes`, `0644`, `1_000`, `~`, `2001-12-14`, …), using the same resolver the port
 *   reads with. Whole floats keep a fraction (`1000.0`) so that they stay floats.
 * - **Characters.** The text we write holds only what libyaml's reader (yaml.v2 and yaml.v3,
 *   `yaml_parser_update_buffer`) accepts raw *and* reads as itself: LF, space to `~`, U+00A0 to
 *   U+D7FF except U+2028/U+2029, U+E000 to U+FFFD except U+FEFF, U+10000 to U+10FFFF, and TAB only
 *   where the `yaml` library's plain or literal form keeps it (see `literalKeepsText`). A string
 *   holding anything else is written double-quoted (by `doubleQuotedYaml`, our own writer, not the
 *   library's, which leaves DEL, C1 controls, U+2028/U+2029, U+FEFF and U+FFFE/U+FFFF raw) with
 *   escapes: `\0 \a \b \t \n \v \f \r \e \" \\`, `\N` (U+0085), `\L` (U+2028), `\P` (U+2029), `\xXX`
 *   for the other C0/C1 controls and DEL, `\uXXXX` for U+FEFF, U+FFFE, U+FFFF. Without that, libyaml
 *   refuses the file ("control characters are not allowed": C0 controls, DEL, C1 controls other than
 *   NEL, U+FFFE, U+FFFF; oracle-fuzz examples `raw-esc-in-token`, `designer/s777-263-n1`), reads
 *   CR, NEL, U+2028, U+2029 as line breaks (`raw-nel-in-config-value`, `raw-u2029-in-config-value`:
 *   "could not find expected ':'"), or drops a U+FEFF at the start of a line as a byte order mark.
 * - **Line breaks.** Multi-line strings become literal blocks (`|`, `|-`, `|+`, with an indentation
 *   indicator when they start with a space) when libyaml reads the block back as the same text;
 *   otherwise (the last line only blanks, only blanks at all, a TAB before libyaml has fixed the
 *   block's indentation, a map key) they are double-quoted on one line with `\n`. Lines are never
 *   folded.
 * - **Map keys** follow the same rules as values (never a block); a key longer than 1024 characters
 *   is written as an explicit `? key` (libyaml's limit for simple keys, oracle-fuzz `long-key-1025`).
 *
 * What can be carried, escaped, and what must be refused — checked against the real provider-rke2
 * v4.8.2 (`test/yamlSafety.realProvider.test.ts`, `/work/shared/provider-rke2-real`):
 *
 * - **Every Unicode scalar value can be carried.** With the escapes above, NUL, BEL, ESC, every
 *   other C0 and C1 control, DEL, NEL, U+2028, U+2029, U+FEFF, U+FFFE and U+FFFF in the cluster token,
 *   the control-plane host, the proxy `env` values and in RKE2 config keys and values (inside the
 *   `config` block, read by yaml.v2 through sigs.k8s.io/yaml) reach `99_userdata.yaml`,
 *   `90_userdata.yaml`, `/etc/default/rke2-*` and the merged `config.yaml` exactly as designed.
 *   The panics the issue saw with `\0` and `\a` (oracle-fuzz `escaped-nul-in-config`,
 *   `escaped-bell-in-config`, provider.go:177) came from escaping at the wrong level: the escape was
 *   in the cloud-config, so the `config` *string* held a raw NUL/BEL, and yaml.v2 refuses the RKE2
 *   config text ("control characters are not allowed"), sigs.k8s.io/yaml's conversion fails, the
 *   provider gets no `cluster-cidr` and panics. Here the config text is itself written by this
 *   function, so the escape sits inside the config text and yaml.v2 decodes it.
 * - **Refused: lone UTF-16 surrogates** (U+D800 to U+DFFF not in a pair). They have no UTF-8 form:
 *   the file is UTF-8, so they can only become U+FFFD (what TextEncoder writes), and yaml.v3 refuses
 *   the escape `\uD800` ("found invalid Unicode character escape code"). `unwritableInYaml` names
 *   them for the lint rules; renderYamlForGo writes U+FFFD in their place, so the preview shows what
 *   the device would get.
 * - **Refused in the cluster token and the control-plane host: some multi-line values**, whatever the
 *   escaping (`lostByProviderReencoding`). Not a character problem and not ours: provider-rke2
 *   writes `token`, `server` and `tls-san: [host]` again with yaml.v3 and reads that back with yaml.v2
 *   (sigs.k8s.io/yaml) into 99_userdata.yaml. yaml.v3 writes a string holding LF as a literal block
 *   with an indentation indicator (`|4-`) when it starts with a space or a line break, and drops a
 *   leading empty line; yaml.v2 then misreads the `- |4-` item of `tls-san`, drops the token's first
 *   line break, or refuses a block whose first line starts with a TAB. Measured on the real plugin
 *   for every string of up to 4 characters over {a, space, TAB, LF, U+2028, #} (the test re-checks
 *   those up to 3 on every run): a token is changed or lost exactly when yaml.v3 writes it as a block
 *   and it starts with TAB, LF, U+2028 or U+2029; a host exactly when it starts with one of those or
 *   a space. Every other token and host came back exact.
 *
 * Not a YAML matter, so not decided here: a value that is one line on the device (a proxy URL, a
 * host, a label) may still hold LF, CR, NEL…; YAML carries it exactly, and it then adds a line to
 * /etc/default/rke2-* or a command. The lint rules refuse those (src/lint/unsafeText.ts).
 *
 * The port's readers (built on the `yaml` library) do not take NEL/U+2028/U+2029 for line breaks,
 * nor refuse a TAB where libyaml expects block indentation; only the real-provider test sees those.
 */
import { GoFloat, GoInt, type GoValue } from './goJson.js';
import { resolvePlainScalar } from './resolveScalar.js';
import { emitYamlV3, ymap, ystr } from './yamlV3Emitter.js';

/** True when a plain scalar with this text would read back as a string in both Go readers. */
function readsAsStringInGo(text: string): boolean {
  return resolvePlainScalar(text, 'v2').tag === 'str' && resolvePlainScalar(text, 'v3').tag === 'str';
}

/**
 * Why `text` cannot be written into a YAML file for the device, in plain words, or null when it can
 * (every Unicode scalar value can, escaped where needed). Only lone UTF-16 surrogates are refused:
 * a JavaScript string can hold them, UTF-8 (the file) and Go strings cannot.
 */
export function unwritableInYaml(text: string): string | null {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) continue;
    const next = text.charCodeAt(i + 1);
    if (unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      i++;
      continue;
    }
    const code = unit.toString(16).toUpperCase();
    return `it holds a broken character (a lone UTF-16 surrogate, U+${code}, at position ${i + 1}) that cannot be written as UTF-8: the device would get U+FFFD instead`;
  }
  return null;
}

/** The cluster fields provider-rke2 re-encodes (yaml.v3, then yaml.v2) into 99_userdata.yaml. */
export type ProviderReencodedField = 'cluster_token' | 'control_plane_host';

/**
 * Why provider-rke2 itself would not pass this `cluster_token` or `control_plane_host` on unchanged
 * (see the file header), in plain words, or null. `text` is the value as written into the
 * cloud-config (for the host: after the designer brackets a bare IPv6 address). Only values holding
 * a line break can be affected: yaml.v3 writes them as a literal block, and one that starts with a
 * TAB or a line break (for the host, which is also a `tls-san` list item: or a space) is read back
 * changed or not at all.
 */
export function lostByProviderReencoding(text: string, field: ProviderReencodedField): string | null {
  const startsBadly = field === 'cluster_token' ? /^[\t\n\u2028\u2029]/ : /^[\t\n \u2028\u2029]/;
  if (!text.includes('\n') || !startsBadly.test(text)) return null;
  // yaml.v3 chooses the literal block only when the text fits one (the port's encoder decides as it does).
  if (!emitYamlV3(ymap([['v', ystr(text)]])).startsWith('v: |')) return null;
  const start = field === 'cluster_token' ? 'a tab or a line break' : 'a space, a tab or a line break';
  const what = field === 'cluster_token' ? 'cluster token' : 'control-plane host';
  return `the ${what} has several lines and starts with ${start}: provider-rke2 rewrites it as YAML for config.d/99_userdata.yaml and reads it back changed or not at all (then the node gets no token and no server)`;
}

/** `text` with every lone surrogate replaced by U+FFFD, as UTF-8 encoding does. */
function wellFormed(text: string): string {
  if (unwritableInYaml(text) === null) return text;
  let out = '';
  for (const ch of text) out += ch.length === 1 && ch >= '\ud800' && ch <= '\udfff' ? '\ufffd' : ch; // a lone half iterates alone
  return out;
}

/** Code points written as themselves inside double quotes (TAB is written `\t`). */
function isRawInQuotes(c: number): boolean {
  return (
    (c >= 0x20 && c <= 0x7e) ||
    (c >= 0xa0 && c <= 0xd7ff && c !== 0x2028 && c !== 0x2029) ||
    (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff) ||
    (c >= 0x10000 && c <= 0x10ffff)
  );
}

/** A string holding a character that may not appear raw in any style but double quotes. */
const NEEDS_ESCAPES = /[^\t\n\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\u{10000}-\u{10ffff}]/u;

const NAMED_ESCAPES = new Map<number, string>([
  [0x00, '\\0'],
  [0x07, '\\a'],
  [0x08, '\\b'],
  [0x09, '\\t'],
  [0x0a, '\\n'],
  [0x0b, '\\v'],
  [0x0c, '\\f'],
  [0x0d, '\\r'],
  [0x1b, '\\e'],
  [0x22, '\\"'],
  [0x5c, '\\\\'],
  [0x85, '\\N'],
  [0x2028, '\\L'],
  [0x2029, '\\P'],
]);

const hex = (c: number, digits: number) => c.toString(16).toUpperCase().padStart(digits, '0');

/**
 * A double-quoted YAML scalar on one line that yaml.v2 and yaml.v3 read back as `text`: only
 * printable characters raw, everything else escaped (lone surrogates become U+FFFD).
 */
export function doubleQuotedYaml(text: string): string {
  let out = '"';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    const named = NAMED_ESCAPES.get(c);
    if (named !== undefined) out += named;
    else if (isRawInQuotes(c)) out += ch;
    else if (c <= 0xff) out += `\\x${hex(c, 2)}`;
    else if (c >= 0xd800 && c <= 0xdfff) out += '\ufffd';
    else out += `\\u${hex(c, 4)}`;
  }
  return `${out}"`;
}

/**
 * True when the `yaml` library's literal block for this multi-line text reads back as the same text
 * in libyaml. Not when: the text is only blanks and line breaks, or its last line is only blanks
 * (the library would quote it, or libyaml would take the blanks for indentation); or a TAB comes
 * before the first other character while libyaml still detects the block's indentation ("found a
 * tab character where an indentation space is expected"; with a leading space the library writes
 * an indentation indicator and the TAB is content).
 */
export function literalKeepsText(text: string): boolean {
  return text.includes('\n') && !NEEDS_ESCAPES.test(text) && /[^\t\n ]/.test(text) && !/\n[\t ]+$/.test(text) && !/^\n*\t/.test(text);
}

type StringStyle = 'double' | 'literal' | 'library';

function styleFor(text: string, isKey: boolean): StringStyle {
  if (NEEDS_ESCAPES.test(text) || !readsAsStringInGo(text)) return 'double';
  if (!text.includes('\n')) return 'library'; // plain, single or double quotes: printable, one line
  return !isKey && literalKeepsText(text) ? 'literal' : 'double';
}

/*
 * The layout below is the `yaml` library's (v2.9, dist/stringify/*.js) with the options this module
 * always used, `lineWidth: 0, minContentWidth: 0, blockQuote: 'literal'`, the core schema and no
 * comments, written out for the only shapes a GoValue has. It replaced building a `yaml` Document per
 * call (most of the cost of expanding a site); renderYamlForGo.test.ts keeps that Document-based
 * writer as the reference and checks the text is byte for byte the same (property over hostile text).
 * `indent` is the library's `ctx.indent` for the node being written; a block collection's items are
 * joined with a line break and the collection's own indent.
 */
const INDENT_STEP = '  ';

/** stringifyString.js containsDocumentMarker: a line starting with %, --- or ... */
const DOCUMENT_MARKER = /^(%|---|\.\.\.)/m;
/** plainString's test of what may not be plain (indicators, `: `, ` #`, trailing blanks or colon). */
const NOT_PLAIN = /^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/;
/** The core schema's tests for plain text that reads as null, bool, int or float (YAML 1.2). */
const CORE_NON_STRING =
  /^(?:~|[Nn]ull|NULL)?$|^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$|^0o[0-7]+$|^[-+]?[0-9]+$|^0x[0-9a-fA-F]+$|^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$|^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$|^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/**
 * The library's quotedString for one printable line (styleFor 'library'): single quotes when the text
 * holds `"` but no `'`, else its double quotes, which for such text are JSON's (JSON escapes only
 * `"`, `\`, TAB and characters this text cannot hold, and the library keeps `\"`, `\\`, `\t`).
 */
function quotedLine(text: string): string {
  return text.includes('"') && !text.includes("'") ? `'${text}'` : JSON.stringify(text);
}

/** stringifyString.js blockString, literal style (the only one with blockQuote 'literal'). */
function literalBlock(text: string, indent: string): string {
  let endStart = text.length;
  while (endStart > 0 && (text[endStart - 1] === '\n' || text[endStart - 1] === '\t' || text[endStart - 1] === ' ')) endStart--;
  let end = text.substring(endStart);
  const endNlPos = end.indexOf('\n');
  const chomp = endNlPos === -1 ? '-' : text === end || endNlPos !== end.length - 1 ? '+' : '';
  let value = text;
  if (end) {
    value = value.slice(0, -end.length);
    if (end.endsWith('\n')) end = end.slice(0, -1);
    end = end.replace(/(^|(?<!\n))\n+(?!\n|$)/g, `$&${indent}`);
  }
  let startWithSpace = false;
  let startEnd = 0;
  let startNlPos = -1;
  for (; startEnd < value.length; ++startEnd) {
    const ch = value[startEnd];
    if (ch === ' ') startWithSpace = true;
    else if (ch === '\n') startNlPos = startEnd;
    else break;
  }
  let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
  if (start) {
    value = value.substring(start.length);
    start = start.replace(/\n+/g, `$&${indent}`);
  }
  const header = (startWithSpace ? (indent ? '2' : '1') : '') + chomp;
  return `|${header}\n${indent}${start}${value.replace(/\n+/g, `$&${indent}`)}${end}`;
}

/** stringifyString.js plainString for one printable line, a map key when `isKey`. */
function plainLine(text: string, isKey: boolean, indent: string): string {
  if (NOT_PLAIN.test(text)) return quotedLine(text);
  if (DOCUMENT_MARKER.test(text)) {
    if (indent === '') return literalBlock(text, INDENT_STEP); // a document that is only this string
    if (isKey && indent === INDENT_STEP) return quotedLine(text);
  }
  return CORE_NON_STRING.test(text) ? quotedLine(text) : text;
}

function writeString(value: string, isKey: boolean, indent: string): string {
  const text = wellFormed(value);
  const style = styleFor(text, isKey);
  if (style === 'double') return doubleQuotedYaml(text);
  if (style === 'literal') return literalBlock(text, indent || (DOCUMENT_MARKER.test(text) ? INDENT_STEP : ''));
  return plainLine(text, isKey, indent);
}

/**
 * Written strings by where they are written (a key or a value, the indent): expanding a site writes
 * the same keys, manifests and shared settings for every node, and deciding a string's style reads
 * it several times. A memo of a pure function, so nothing of one site can change another's text;
 * emptied whenever it holds more than MEMO_CHARACTERS characters.
 */
const MEMO_CHARACTERS = 8_000_000;
const memo = new Map<string, Map<string, string>>();
let memoCharacters = 0;

function stringText(value: string, isKey: boolean, indent: string): string {
  const slot = isKey ? `?${indent}` : indent;
  let written = memo.get(slot);
  if (written === undefined) memo.set(slot, (written = new Map()));
  let text = written.get(value);
  if (text === undefined) {
    text = writeString(value, isKey, indent);
    memoCharacters += value.length + text.length;
    if (memoCharacters > MEMO_CHARACTERS) {
      memo.clear();
      memoCharacters = value.length + text.length;
      memo.set(slot, (written = new Map()));
    }
    written.set(value, text);
  }
  return text;
}

/** stringifyNumber.js, with one fraction digit kept on whole floats (so that they stay floats). */
function floatText(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? '.nan' : value < 0 ? '-.inf' : '.inf';
  const text = Object.is(value, -0) ? '-0' : JSON.stringify(value);
  return Number.isInteger(value) && Math.abs(value) < 1e21 && !text.includes('e') ? `${text}.0` : text;
}

const isNonEmptyCollection = (value: GoValue): boolean =>
  Array.isArray(value) ? value.length > 0 : value instanceof Map && value.size > 0;

/** stringifyPair.js for a string key: `key: value`, or `? key` over `:` for a key over 1024 characters. */
function pairText(key: string, value: GoValue, indent: string): string {
  const inner = indent + INDENT_STEP;
  const keyText = stringText(key, true, inner);
  const explicit = keyText.length > 1024;
  const head = explicit ? `? ${keyText}\n${indent}:` : `${keyText}:`;
  const valueText = nodeText(value, inner);
  if (!explicit && isNonEmptyCollection(value)) return `${head}\n${inner}${valueText}`;
  return valueText === '' || valueText[0] === '\n' ? head + valueText : `${head} ${valueText}`;
}

function nodeText(value: GoValue, indent: string): string {
  if (typeof value === 'string') return stringText(value, false, indent);
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof GoInt) return String(value.value);
  if (value instanceof GoFloat) return floatText(value.value);
  const separator = `\n${indent}`;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const itemIndent = indent + INDENT_STEP;
    return value.map((item) => `- ${nodeText(item, itemIndent)}`).join(separator);
  }
  if (value.size === 0) return '{}';
  let text = '';
  for (const [key, item] of value) text += (text === '' ? '' : separator) + pairText(key, item, indent);
  return text;
}

export function renderYamlForGo(value: GoValue): string {
  return `${nodeText(value, '')}\n`;
}
