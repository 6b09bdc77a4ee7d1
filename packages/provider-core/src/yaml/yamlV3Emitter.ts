/**
 * A YAML writer that produces the exact bytes of gopkg.in/yaml.v3's default `Encoder`
 * (v3.0.1): block style, 4-space indentation, no line folding. Only what Go values made of
 * structs, maps, slices, strings and integers need is here. One file (about 450 lines) on purpose:
 * it follows yaml.v3's emitter function by function, so it is checked side by side with it.
 *
 * The rules, taken from yaml.v3's encode.go and emitterc.go:
 * 1. Style requested for a string (`stringv`): a string containing "\n" asks for a literal block
 *    (`|`); a string that would read back as something else (null, bool, number, timestamp,
 *    `<<`), a YAML 1.1 boolean word (`yes`, `on`, …) or a base-60 float asks for double quotes;
 *    anything else asks for plain. Integers ask for plain.
 * 2. The emitter then analyses the text (`analyze_scalar`) and downgrades the request:
 *    plain → single-quoted when plain is not allowed (indicators at the start, `: ` or ` #`
 *    inside, leading/trailing spaces, line breaks, tabs, non-printable characters);
 *    single-quoted → double-quoted when single quotes cannot hold it (tabs, characters outside
 *    the printable set such as an emoji or U+FEFF, space next to a line break);
 *    literal → double-quoted when a block cannot hold it (trailing space, space before a break,
 *    non-printable characters) or in a simple-key context.
 * 3. Indentation (`increase_indent`, changed in yaml.v3): a node inside a sequence item is
 *    indented 2 past the "- "; every other nested node goes to the next multiple of 4.
 *    Sequences are indented under their key (never "indentless").
 * 4. Double-quoted escapes are yaml.v3's (`\t`, `\n`, `\e`, `\N`, `\_`, `\L`, `\P`, `\xXX`,
 *    `\uXXXX`, `\UXXXXXXXX` with upper-case hex); block scalars carry a chomping indicator
 *    (`-` with no final break, none with one, `+` with more) and an indentation indicator
 *    when they start with a space or a break.
 */
import { isBase60Float, isOldBool, resolvePlainScalar } from './resolveScalar.js';

export type YamlNode =
  | { kind: 'map'; entries: [string, YamlNode][] }
  | { kind: 'seq'; items: YamlNode[] }
  | { kind: 'str'; value: string }
  | { kind: 'int'; value: number | bigint };

export const ymap = (entries: [string, YamlNode][]): YamlNode => ({ kind: 'map', entries });
export const yseq = (items: YamlNode[]): YamlNode => ({ kind: 'seq', items });
export const ystr = (value: string): YamlNode => ({ kind: 'str', value });
export const yint = (value: number | bigint): YamlNode => ({ kind: 'int', value });

type Style = 'plain' | 'single' | 'double' | 'literal';

const BEST_INDENT = 4;

const isBreak = (c: number) => c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
const isSpace = (c: number | undefined) => c === 0x20;
const isBlankOrEnd = (c: number | undefined) => c === undefined || c === 0x20 || c === 0x09 || isBreak(c);

/** yaml.v3's is_printable, on code points instead of UTF-8 bytes. */
function isPrintable(c: number): boolean {
  return c === 0x0a || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff);
}

interface ScalarAnalysis {
  multiline: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

/** The code points of `s` (a lone surrogate stands for itself, as with Array.from). */
function codePointsOf(s: string): number[] {
  const cps: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const next = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
    if (next >= 0xdc00 && next <= 0xdfff) {
      cps.push(((c - 0xd800) << 10) + (next - 0xdc00) + 0x10000);
      i++;
    } else cps.push(c);
  }
  return cps;
}

/** Characters that may not start a plain scalar (yaml_emitter_analyze_scalar's first-character test). */
const FLOW_INDICATORS = new Set(Array.from('#,[]{}&*!|>\'"%@`', (ch) => ch.charCodeAt(0)));
const [DASH, DOT, COLON, HASH, QUESTION] = Array.from('-.:#?', (ch) => ch.charCodeAt(0));
const isDocumentIndicator = (cps: number[]) =>
  cps.length >= 3 && (cps[0] === DASH || cps[0] === DOT) && cps[1] === cps[0] && cps[2] === cps[0];

function utf8Length(codePoints: number[]): number {
  return codePoints.reduce((n, c) => n + (c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4), 0);
}

/** yaml_emitter_analyze_scalar (block context only: we never emit flow collections with content). */
function analyzeScalar(cps: number[]): ScalarAnalysis {
  if (cps.length === 0) {
    return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  }
  let blockIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let tabCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  let precededByWhitespace = true;

  if (isDocumentIndicator(cps)) blockIndicators = true;

  for (let i = 0; i < cps.length; i++) {
    const c = cps[i]!;
    // Past the first, a printable ASCII character other than space, ':' and '#' only resets the "previous" flags.
    if (i > 0 && c > 0x20 && c < 0x7f && c !== COLON && c !== HASH) {
      previousSpace = previousBreak = precededByWhitespace = false;
      continue;
    }
    const followedByWhitespace = isBlankOrEnd(i + 1 < cps.length ? cps[i + 1] : undefined);
    if (i === 0) {
      if (FLOW_INDICATORS.has(c)) blockIndicators = true;
      else if ((c === QUESTION || c === COLON || c === DASH) && followedByWhitespace) blockIndicators = true;
    } else if (c === COLON && followedByWhitespace) blockIndicators = true;
    else if (c === HASH && precededByWhitespace) blockIndicators = true;

    if (c === 0x09) tabCharacters = true;
    else if (!isPrintable(c)) specialCharacters = true;

    if (isSpace(c)) {
      if (i === 0) leadingSpace = true;
      if (i === cps.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === cps.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankOrEnd(c);
  }

  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  let blockAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false;
  if (trailingSpace) blockAllowed = false;
  if (breakSpace) blockPlainAllowed = singleQuotedAllowed = false;
  if (spaceBreak || tabCharacters || specialCharacters) blockPlainAllowed = singleQuotedAllowed = false;
  if (spaceBreak || specialCharacters) blockAllowed = false;
  if (lineBreaks) blockPlainAllowed = false;
  if (blockIndicators) blockPlainAllowed = false;
  return { multiline: lineBreaks, blockPlainAllowed, singleQuotedAllowed, blockAllowed };
}

/** yaml.v3 encoder's `stringv`: the style it asks the emitter for. */
function requestedStringStyle(s: string): Style {
  if (s.includes('\n')) return 'literal';
  const canUsePlain = resolvePlainScalar(s, 'v3').tag === 'str' && !(isBase60Float(s) || isOldBool(s));
  return canUsePlain ? 'plain' : 'double';
}

/** What the emitter works out about a text before writing it (a pure function of the text). */
interface ScalarFacts {
  cps: number[];
  analysis: ScalarAnalysis;
  /** The style yaml.v3's encoder asks for when the text is a string. */
  requested: Style;
}

/**
 * Facts of recently written short texts: every node's cluster.kairos.yaml repeats the same keys,
 * commands and paths. Bounded: emptied when full.
 */
const recentFacts = new Map<string, ScalarFacts>();
const RECENT_FACTS_ENTRIES = 512;
const RECENT_FACTS_LENGTH = 512;

function scalarFacts(value: string): ScalarFacts {
  const known = recentFacts.get(value);
  if (known) return known;
  const cps = codePointsOf(value);
  const facts = { cps, analysis: analyzeScalar(cps), requested: requestedStringStyle(value) };
  if (value.length <= RECENT_FACTS_LENGTH) {
    if (recentFacts.size >= RECENT_FACTS_ENTRIES) recentFacts.clear();
    recentFacts.set(value, facts);
  }
  return facts;
}

/** yaml_emitter_select_scalar_style, block context. */
function selectStyle(requested: Style, a: ScalarAnalysis, length: number, simpleKey: boolean): Style {
  let style = requested;
  if (simpleKey && a.multiline) style = 'double';
  if (style === 'plain' && (!a.blockPlainAllowed || (length === 0 && simpleKey))) style = 'single';
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
  return style;
}

function escapeFor(c: number): string {
  const short: Record<number, string> = {
    0x00: '0',
    0x07: 'a',
    0x08: 'b',
    0x09: 't',
    0x0a: 'n',
    0x0b: 'v',
    0x0c: 'f',
    0x0d: 'r',
    0x1b: 'e',
    0x22: '"',
    0x5c: '\\',
    0x85: 'N',
    0xa0: '_',
    0x2028: 'L',
    0x2029: 'P',
  };
  const named = short[c];
  if (named !== undefined) return `\\${named}`;
  const hex = c.toString(16).toUpperCase();
  if (c <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  if (c <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}

class Emitter {
  private out: string[] = [];
  private column = 0;
  private indent = -1;
  private readonly indents: number[] = [];
  private whitespace = true;
  private indention = true;

  text(): string {
    return this.out.join('');
  }

  private put(s: string): void {
    this.out.push(s);
    this.column += 1;
  }

  /** Writes `count` characters of one line at once (column counts characters, as put does). */
  private putRun(s: string, count: number): void {
    this.out.push(s);
    this.column += count;
  }

  private putBreak(): void {
    this.out.push('\n');
    this.column = 0;
    this.indention = true;
  }

  private writeBreak(c: number): void {
    if (c === 0x0a) this.putBreak();
    else {
      this.out.push(String.fromCodePoint(c));
      this.column = 0;
      this.indention = true;
    }
  }

  /** yaml_emitter_increase_indent with yaml.v3's "more regular" rule. */
  private increaseIndent(flow: boolean, inSequenceItem: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (inSequenceItem) this.indent += 2;
    else this.indent = BEST_INDENT * Math.floor((this.indent + BEST_INDENT) / BEST_INDENT);
  }

  private popIndent(): void {
    this.indent = this.indents.pop()!;
  }

  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    if (this.column < indent) this.putRun(' '.repeat(indent - this.column), indent - this.column);
    this.whitespace = true;
  }

  private writeIndicator(indicator: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.putRun(indicator, indicator.length); // indicators are ASCII
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  emitDocument(root: YamlNode): string {
    this.emitNode(root, false, false);
    this.writeIndent(); // document end
    return this.text();
  }

  private emitNode(node: YamlNode, inSequenceItem: boolean, simpleKey: boolean): void {
    if (node.kind === 'map') this.emitMapping(node.entries, inSequenceItem);
    else if (node.kind === 'seq') this.emitSequence(node.items, inSequenceItem);
    else if (node.kind === 'int') {
      const text = node.value.toString();
      this.emitScalar(text, 'plain', inSequenceItem, simpleKey, scalarFacts(text));
    } else {
      const facts = scalarFacts(node.value);
      this.emitScalar(node.value, facts.requested, inSequenceItem, simpleKey, facts);
    }
  }

  private emitEmptyFlow(open: string, close: string): void {
    this.writeIndicator(open, true, true, false);
    this.writeIndicator(close, false, false, false);
  }

  private emitSequence(items: YamlNode[], inSequenceItem: boolean): void {
    if (items.length === 0) return this.emitEmptyFlow('[', ']');
    this.increaseIndent(false, inSequenceItem);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.emitNode(item, true, false);
    }
    this.popIndent();
  }

  private emitMapping(entries: [string, YamlNode][], inSequenceItem: boolean): void {
    if (entries.length === 0) return this.emitEmptyFlow('{', '}');
    this.increaseIndent(false, inSequenceItem);
    for (const [key, value] of entries) {
      this.writeIndent();
      const facts = scalarFacts(key);
      const { cps } = facts;
      const simple = !facts.analysis.multiline && (cps.length <= 1024 || utf8Length(cps) <= 1024);
      if (simple) {
        this.emitScalar(key, facts.requested, false, true, facts);
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.emitScalar(key, facts.requested, false, false, facts);
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.emitNode(value, false, false);
    }
    this.popIndent();
  }

  private emitScalar(value: string, requested: Style, inSequenceItem: boolean, simpleKey: boolean, { cps, analysis }: ScalarFacts): void {
    const style = selectStyle(requested, analysis, cps.length, simpleKey);
    this.increaseIndent(true, inSequenceItem);
    if (style === 'plain') this.writePlain(value, cps);
    else if (style === 'single') this.writeSingleQuoted(value, cps, analysis.multiline);
    else if (style === 'double') this.writeDoubleQuoted(cps);
    else this.writeLiteral(value, cps);
    this.popIndent();
  }

  /** A plain scalar never holds a line break: written in one piece. */
  private writePlain(value: string, cps: number[]): void {
    if (cps.length > 0 && !this.whitespace) this.put(' ');
    this.putRun(value, cps.length);
    if (cps.length > 0) this.whitespace = false;
    this.indention = false;
  }

  private writeSingleQuoted(value: string, cps: number[], multiline: boolean): void {
    this.writeIndicator("'", true, false, false);
    if (!multiline) {
      // One line: each ' doubled, everything else as is (the loop below, in one piece).
      const quoted = value.replaceAll("'", "''");
      this.putRun(quoted, cps.length + (quoted.length - value.length));
      this.writeIndicator("'", false, false, false);
      this.whitespace = false;
      this.indention = false;
      return;
    }
    let breaks = false;
    for (const c of cps) {
      if (isSpace(c)) {
        this.put(' ');
      } else if (isBreak(c)) {
        if (!breaks && c === 0x0a) this.putBreak();
        this.writeBreak(c);
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === 0x27) this.put("'");
        this.put(String.fromCodePoint(c));
        this.indention = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuoted(cps: number[]): void {
    this.writeIndicator('"', true, false, false);
    for (const c of cps) {
      const escape = !isPrintable(c) || c === 0xfeff || isBreak(c) || c === 0x22 || c === 0x5c;
      this.out.push(escape ? escapeFor(c) : String.fromCodePoint(c));
      this.column += 1;
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(value: string, cps: number[]): void {
    this.writeIndicator('|', true, false, false);
    const first = cps[0];
    if (first !== undefined && (isSpace(first) || isBreak(first))) {
      this.writeIndicator(String(BEST_INDENT), false, false, false);
    }
    const last = cps[cps.length - 1];
    const beforeLast = cps[cps.length - 2];
    let chomp = '';
    if (last === undefined || !isBreak(last)) chomp = '-';
    else if (cps.length === 1 || (beforeLast !== undefined && isBreak(beforeLast))) chomp = '+';
    if (chomp) this.writeIndicator(chomp, false, false, false);
    this.whitespace = true;
    let breaks = true;
    // i walks the code points, at the UTF-16 units of `value` (a line break is one unit).
    for (let i = 0, at = 0; i < cps.length;) {
      const c = cps[i]!;
      if (isBreak(c)) {
        this.writeBreak(c);
        breaks = true;
        i++;
        at++;
      } else {
        if (breaks) this.writeIndent();
        // The rest of the line in one piece.
        let end = i;
        let endAt = at;
        for (; end < cps.length && !isBreak(cps[end]!); end++) endAt += cps[end]! > 0xffff ? 2 : 1;
        this.putRun(value.slice(at, endAt), end - i);
        this.indention = false;
        breaks = false;
        i = end;
        at = endAt;
      }
    }
  }
}

/** The bytes yaml.v3's `NewEncoder(w).Encode(v)` writes for the value `root`. */
export function emitYamlV3(root: YamlNode): string {
  return new Emitter().emitDocument(root);
}
