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
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node, type ScalarTag, type Tags } from 'yaml';
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

function stringNode(value: string, isKey = false): Scalar {
  const text = wellFormed(value);
  const scalar = new Scalar(text);
  const style = styleFor(text, isKey);
  if (style === 'double') scalar.type = Scalar.QUOTE_DOUBLE;
  else if (style === 'literal') scalar.type = Scalar.BLOCK_LITERAL;
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
  map.items = [...value].map(([k, v]) => new Pair(stringNode(k, true), toNode(v)));
  return map;
}

/** The core schema with our double-quoted writer for strings (the library's leaves DEL, NEL, U+2028… raw). */
function withOurDoubleQuotes(tags: Tags): Tags {
  return tags.map((tag) => {
    if (typeof tag !== 'object' || tag.tag !== 'tag:yaml.org,2002:str' || !('identify' in tag)) return tag;
    const library = tag as ScalarTag;
    const ours: ScalarTag = {
      ...library,
      stringify: (item, ctx, onComment, onChompKeep) =>
        item.type === Scalar.QUOTE_DOUBLE ? doubleQuotedYaml(String(item.value)) : library.stringify!(item, ctx, onComment, onChompKeep),
    };
    return ours;
  });
}

export function renderYamlForGo(value: GoValue): string {
  const doc = new Document(undefined, { customTags: withOurDoubleQuotes });
  doc.contents = toNode(value);
  return doc.toString({ lineWidth: 0, minContentWidth: 0, blockQuote: 'literal' });
}
