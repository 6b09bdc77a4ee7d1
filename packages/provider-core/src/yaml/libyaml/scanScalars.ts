/**
 * Scalars, from go-yaml's scannerc.go: yaml_parser_scan_block_scalar (with
 * yaml_parser_scan_block_scalar_breaks), yaml_parser_scan_flow_scalar and
 * yaml_parser_scan_plain_scalar, including the line folding and every error text. Identical in
 * yaml.v2 and yaml.v3 but for v3's scan of a comment after a block scalar's header.
 *
 * The bytes of a scalar are collected in reusable byte buffers and decoded once, when the token
 * is made (scanning is synchronous and never nests, so one set of buffers serves every call).
 */
import { ByteBuffer } from './byteBuffer.js';
import { asDigit, asHex, isBlank, isBlankz, isBreak, isBreakz, isDigit, isHex, isSpace, isTab, isZ } from './chars.js';
import { read, readLine, skip, skipLine } from './cursor.js';
import { setScannerError } from './errors.js';
import { cache } from './reader.js';
import { scanLineComment } from './scanComments.js';
import { copyMark, newToken, ScalarStyle, TokenType, type Mark, type Token, type YamlParser } from './types.js';

const value = new ByteBuffer(256);
const leadingBreak = new ByteBuffer(16);
const trailingBreaks = new ByteBuffer(16);
const whitespaces = new ByteBuffer(16);

function clearScratch(): void {
  value.clear();
  leadingBreak.clear();
  trailingBreaks.clear();
  whitespaces.clear();
}

function scalarToken(startMark: Mark, endMark: Mark, style: ScalarStyle): Token {
  const token = newToken(TokenType.SCALAR, startMark, endMark);
  token.value = value.toString();
  token.style = style;
  return token;
}

/** Reads the `+`/`-` chomping indicator at the current position: +1, -1, or 0 when absent. */
function readChomping(parser: YamlParser): number {
  const c = parser.buffer[parser.bufferPos];
  if (c !== 0x2b /* + */ && c !== 0x2d /* - */) return 0;
  skip(parser);
  return c === 0x2b ? 1 : -1;
}

/** The header of a block scalar (`|+2`, `>-` …) up to and including its line break: [chomping, increment], or null on error. */
function scanBlockScalarHeader(parser: YamlParser, startMark: Mark): [number, number] | null {
  let chomping = 0;
  let increment = 0;
  const zeroIndent = (): null => {
    setScannerError(parser, 'while scanning a block scalar', startMark, 'found an indentation indicator equal to 0');
    return null;
  };
  if (!cache(parser, 1)) return null;
  const c = parser.buffer[parser.bufferPos];
  if (c === 0x2b || c === 0x2d) {
    chomping = readChomping(parser);
    if (!cache(parser, 1)) return null;
    if (isDigit(parser.buffer, parser.bufferPos)) {
      if (parser.buffer[parser.bufferPos] === 0x30) return zeroIndent();
      increment = asDigit(parser.buffer, parser.bufferPos);
      skip(parser);
    }
  } else if (isDigit(parser.buffer, parser.bufferPos)) {
    if (parser.buffer[parser.bufferPos] === 0x30) return zeroIndent();
    increment = asDigit(parser.buffer, parser.bufferPos);
    skip(parser);
    if (!cache(parser, 1)) return null;
    chomping = readChomping(parser);
  }
  if (!cache(parser, 1)) return null;
  while (isBlank(parser.buffer, parser.bufferPos)) {
    skip(parser);
    if (!cache(parser, 1)) return null;
  }
  if (parser.buffer[parser.bufferPos] === 0x23 /* # */) {
    if (parser.dialect === 'v3' && !scanLineComment(parser, startMark)) return null;
    while (!isBreakz(parser.buffer, parser.bufferPos)) {
      skip(parser);
      if (!cache(parser, 1)) return null;
    }
  }
  if (!isBreakz(parser.buffer, parser.bufferPos)) {
    setScannerError(parser, 'while scanning a block scalar', startMark, 'did not find expected comment or line break');
    return null;
  }
  if (isBreak(parser.buffer, parser.bufferPos)) {
    if (!cache(parser, 2)) return null;
    skipLine(parser);
  }
  return [chomping, increment];
}

/** yaml_parser_scan_block_scalar: `|` (literal) or `>` (folded). */
export function scanBlockScalar(parser: YamlParser, literal: boolean): Token | null {
  const startMark = copyMark(parser.mark);
  skip(parser);
  const header = scanBlockScalarHeader(parser, startMark);
  if (header === null) return null;
  const [chomping, increment] = header;
  clearScratch();
  const state = { indent: 0, endMark: copyMark(parser.mark) };
  if (increment > 0) state.indent = parser.indent >= 0 ? parser.indent + increment : increment;

  if (!scanBlockScalarBreaks(parser, state, startMark)) return null;
  if (!cache(parser, 1)) return null;
  let leadingBlank = false;
  let trailingBlank = false;
  while (parser.mark.column === state.indent && !isZ(parser.buffer, parser.bufferPos)) {
    // A folded scalar joins lines with a space, unless a line starts with a blank.
    trailingBlank = isBlank(parser.buffer, parser.bufferPos);
    if (!literal && !leadingBlank && !trailingBlank && leadingBreak.first() === 0x0a) {
      if (trailingBreaks.length === 0) value.push(0x20);
    } else {
      value.pushBuffer(leadingBreak);
    }
    leadingBreak.clear();
    value.pushBuffer(trailingBreaks);
    trailingBreaks.clear();
    leadingBlank = isBlank(parser.buffer, parser.bufferPos);
    while (!isBreakz(parser.buffer, parser.bufferPos)) {
      read(parser, value);
      if (!cache(parser, 1)) return null;
    }
    if (!cache(parser, 2)) return null;
    readLine(parser, leadingBreak);
    if (!scanBlockScalarBreaks(parser, state, startMark)) return null;
  }
  if (chomping !== -1) value.pushBuffer(leadingBreak);
  if (chomping === 1) value.pushBuffer(trailingBreaks);
  return scalarToken(startMark, state.endMark, literal ? ScalarStyle.LITERAL : ScalarStyle.FOLDED);
}

/**
 * yaml_parser_scan_block_scalar_breaks: the indentation and empty lines before a content line,
 * determining the indentation from the first non-empty line when it is not given (indent 0).
 */
function scanBlockScalarBreaks(parser: YamlParser, state: { indent: number; endMark: Mark }, startMark: Mark): boolean {
  state.endMark = copyMark(parser.mark);
  let maxIndent = 0;
  for (;;) {
    if (!cache(parser, 1)) return false;
    while ((state.indent === 0 || parser.mark.column < state.indent) && isSpace(parser.buffer, parser.bufferPos)) {
      skip(parser);
      if (!cache(parser, 1)) return false;
    }
    if (parser.mark.column > maxIndent) maxIndent = parser.mark.column;
    if ((state.indent === 0 || parser.mark.column < state.indent) && isTab(parser.buffer, parser.bufferPos)) {
      return setScannerError(
        parser,
        'while scanning a block scalar',
        startMark,
        'found a tab character where an indentation space is expected',
      );
    }
    if (!isBreak(parser.buffer, parser.bufferPos)) break;
    if (!cache(parser, 2)) return false;
    readLine(parser, trailingBreaks);
    state.endMark = copyMark(parser.mark);
  }
  if (state.indent === 0) {
    state.indent = maxIndent;
    if (state.indent < parser.indent + 1) state.indent = parser.indent + 1;
    if (state.indent < 1) state.indent = 1;
  }
  return true;
}

/** True at a `---` or `...` document indicator at the start of a line. */
function atDocumentIndicator(parser: YamlParser): boolean {
  const buf = parser.buffer;
  const pos = parser.bufferPos;
  return (
    parser.mark.column === 0 &&
    ((buf[pos] === 0x2d && buf[pos + 1] === 0x2d && buf[pos + 2] === 0x2d) ||
      (buf[pos] === 0x2e && buf[pos + 1] === 0x2e && buf[pos + 2] === 0x2e)) &&
    isBlankz(buf, pos + 3)
  );
}

/** The simple escapes of a double-quoted scalar: escape character → the bytes it stands for. */
const SIMPLE_ESCAPES = new Map<number, number[]>([
  [0x30, [0x00]], // 0
  [0x61, [0x07]], // a
  [0x62, [0x08]], // b
  [0x74, [0x09]], // t
  [0x09, [0x09]], // a tab
  [0x6e, [0x0a]], // n
  [0x76, [0x0b]], // v
  [0x66, [0x0c]], // f
  [0x72, [0x0d]], // r
  [0x65, [0x1b]], // e
  [0x20, [0x20]], // space
  [0x22, [0x22]], // "
  [0x27, [0x27]], // '
  [0x5c, [0x5c]], // backslash
  [0x4e, [0xc2, 0x85]], // N: NEL
  [0x5f, [0xc2, 0xa0]], // _: NBSP
  [0x4c, [0xe2, 0x80, 0xa8]], // L: LS
  [0x50, [0xe2, 0x80, 0xa9]], // P: PS
]);

const CODE_LENGTHS = new Map<number, number>([
  [0x78, 2], // x
  [0x75, 4], // u
  [0x55, 8], // U
]);

/** Appends the UTF-8 encoding of a code point (Go's manual encoding in scan_flow_scalar). */
function pushCodePoint(s: ByteBuffer, v: number): void {
  if (v <= 0x7f) {
    s.push(v);
  } else if (v <= 0x7ff) {
    s.push(0xc0 + (v >> 6));
    s.push(0x80 + (v & 0x3f));
  } else if (v <= 0xffff) {
    s.push(0xe0 + (v >> 12));
    s.push(0x80 + ((v >> 6) & 0x3f));
    s.push(0x80 + (v & 0x3f));
  } else {
    s.push(0xf0 + (v >> 18));
    s.push(0x80 + ((v >> 12) & 0x3f));
    s.push(0x80 + ((v >> 6) & 0x3f));
    s.push(0x80 + (v & 0x3f));
  }
}

/** One backslash escape of a double-quoted scalar (not an escaped line break). */
function scanEscape(parser: YamlParser, startMark: Mark): boolean {
  const escape = parser.buffer[parser.bufferPos + 1]!;
  const simple = SIMPLE_ESCAPES.get(escape);
  const codeLength = CODE_LENGTHS.get(escape) ?? 0;
  if (simple !== undefined) {
    for (const octet of simple) value.push(octet);
  } else if (codeLength === 0) {
    return setScannerError(parser, 'while parsing a quoted scalar', startMark, 'found unknown escape character');
  }
  skip(parser);
  skip(parser);
  if (codeLength > 0) {
    let code = 0;
    if (!cache(parser, codeLength)) return false;
    for (let k = 0; k < codeLength; k++) {
      if (!isHex(parser.buffer, parser.bufferPos + k)) {
        return setScannerError(parser, 'while parsing a quoted scalar', startMark, 'did not find expected hexdecimal number');
      }
      code = code * 16 + asHex(parser.buffer, parser.bufferPos + k);
    }
    if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) {
      return setScannerError(parser, 'while parsing a quoted scalar', startMark, 'found invalid Unicode character escape code');
    }
    pushCodePoint(value, code);
    for (let k = 0; k < codeLength; k++) skip(parser);
  }
  return true;
}

/**
 * yaml_parser_scan_flow_scalar: `'…'` or `"…"`. A literal port of Go's loop: each round reads
 * the non-blank characters, then the blanks and breaks between them, folding line breaks.
 */
export function scanFlowScalar(parser: YamlParser, single: boolean): Token | null {
  const startMark = copyMark(parser.mark);
  skip(parser);
  clearScratch();
  const quote = single ? 0x27 : 0x22;
  for (;;) {
    if (!cache(parser, 4)) return null;
    if (atDocumentIndicator(parser)) {
      setScannerError(parser, 'while scanning a quoted scalar', startMark, 'found unexpected document indicator');
      return null;
    }
    if (isZ(parser.buffer, parser.bufferPos)) {
      setScannerError(parser, 'while scanning a quoted scalar', startMark, 'found unexpected end of stream');
      return null;
    }
    let leadingBlanks = false;
    while (!isBlankz(parser.buffer, parser.bufferPos)) {
      const c = parser.buffer[parser.bufferPos];
      if (single && c === 0x27 && parser.buffer[parser.bufferPos + 1] === 0x27) {
        value.push(0x27); // '' is an escaped quote
        skip(parser);
        skip(parser);
      } else if (c === quote) {
        break;
      } else if (!single && c === 0x5c && isBreak(parser.buffer, parser.bufferPos + 1)) {
        // An escaped line break.
        if (!cache(parser, 3)) return null;
        skip(parser);
        skipLine(parser);
        leadingBlanks = true;
        break;
      } else if (!single && c === 0x5c) {
        if (!scanEscape(parser, startMark)) return null;
      } else {
        read(parser, value);
      }
      if (!cache(parser, 2)) return null;
    }
    if (!cache(parser, 1)) return null;
    if (parser.buffer[parser.bufferPos] === quote) break;
    if (!scanFlowScalarBlanks(parser, leadingBlanks)) return null;
  }
  skip(parser);
  return scalarToken(startMark, copyMark(parser.mark), single ? ScalarStyle.SINGLE_QUOTED : ScalarStyle.DOUBLE_QUOTED);
}

/** The blanks and line breaks inside a quoted scalar, and their folding. */
function scanFlowScalarBlanks(parser: YamlParser, leadingBlanksIn: boolean): boolean {
  let leadingBlanks = leadingBlanksIn;
  while (isBlank(parser.buffer, parser.bufferPos) || isBreak(parser.buffer, parser.bufferPos)) {
    if (isBlank(parser.buffer, parser.bufferPos)) {
      if (!leadingBlanks) read(parser, whitespaces);
      else skip(parser);
    } else {
      if (!cache(parser, 2)) return false;
      if (!leadingBlanks) {
        whitespaces.clear();
        readLine(parser, leadingBreak);
        leadingBlanks = true;
      } else {
        readLine(parser, trailingBreaks);
      }
    }
    if (!cache(parser, 1)) return false;
  }
  if (leadingBlanks) {
    foldBreaks(leadingBreak.length > 0);
  } else {
    value.pushBuffer(whitespaces);
    whitespaces.clear();
  }
  return true;
}

/**
 * Folds the collected line breaks into the value: a single "\n" becomes a space, more keep all
 * but the first; LS/PS breaks are kept as they are. `checked` is whether leading_break may be
 * read at all (the quoted scalar checks its length; the plain scalar indexes it directly).
 */
function foldBreaks(checked: boolean): void {
  if (checked && leadingBreak.bytes[0] === 0x0a) {
    if (trailingBreaks.length === 0) value.push(0x20);
    else value.pushBuffer(trailingBreaks);
  } else {
    value.pushBuffer(leadingBreak);
    value.pushBuffer(trailingBreaks);
  }
  trailingBreaks.clear();
  leadingBreak.clear();
}

/**
 * A fast path of scan_plain_scalar's inner loop with the same effect: after a character was read,
 * the following ASCII characters that can neither end the scalar nor need folding (anything
 * printable but space, `:` and, in flow context, `,?[]{}`) are copied at once, as long as at
 * least two characters stay decoded (so the reader is asked for more exactly when Go asks).
 */
function readPlainRun(parser: YamlParser): void {
  const buf = parser.buffer;
  const flow = parser.flowLevel > 0;
  let pos = parser.bufferPos;
  let n = 0;
  const max = parser.unread - 2;
  while (n < max) {
    const c = buf[pos]!;
    if (c <= 0x20 || c >= 0x7f || c === 0x3a) break;
    if (flow && (c === 0x2c || c === 0x3f || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d)) break;
    pos++;
    n++;
  }
  if (n === 0) return;
  value.pushRange(buf, parser.bufferPos, pos);
  if (parser.dialect === 'v3') parser.newlines = 0;
  parser.bufferPos = pos;
  parser.mark.index += n;
  parser.mark.column += n;
  parser.unread -= n;
}

/** yaml_parser_scan_plain_scalar */
export function scanPlainScalar(parser: YamlParser): Token | null {
  clearScratch();
  let leadingBlanks = false;
  const indent = parser.indent + 1;
  const startMark = copyMark(parser.mark);
  // end_mark, kept as numbers: it moves with every character read.
  let endIndex = startMark.index;
  let endLine = startMark.line;
  let endColumn = startMark.column;
  for (;;) {
    if (!cache(parser, 4)) return null;
    if (atDocumentIndicator(parser)) break;
    if (parser.buffer[parser.bufferPos] === 0x23 /* # */) break;
    while (!isBlankz(parser.buffer, parser.bufferPos)) {
      const c = parser.buffer[parser.bufferPos]!;
      if (
        (c === 0x3a /* : */ && isBlankz(parser.buffer, parser.bufferPos + 1)) ||
        (parser.flowLevel > 0 && (c === 0x2c || c === 0x3f || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d))
      ) {
        break;
      }
      if (leadingBlanks || whitespaces.length > 0) {
        if (leadingBlanks) {
          foldBreaks(true);
          leadingBlanks = false;
        } else {
          value.pushBuffer(whitespaces);
          whitespaces.clear();
        }
      }
      read(parser, value);
      readPlainRun(parser);
      endIndex = parser.mark.index;
      endLine = parser.mark.line;
      endColumn = parser.mark.column;
      if (!cache(parser, 2)) return null;
    }
    if (!(isBlank(parser.buffer, parser.bufferPos) || isBreak(parser.buffer, parser.bufferPos))) break;
    if (!cache(parser, 1)) return null;
    while (isBlank(parser.buffer, parser.bufferPos) || isBreak(parser.buffer, parser.bufferPos)) {
      if (isBlank(parser.buffer, parser.bufferPos)) {
        // A tab in the indentation of a continuation line.
        if (leadingBlanks && parser.mark.column < indent && isTab(parser.buffer, parser.bufferPos)) {
          setScannerError(parser, 'while scanning a plain scalar', startMark, 'found a tab character that violates indentation');
          return null;
        }
        if (!leadingBlanks) read(parser, whitespaces);
        else skip(parser);
      } else {
        if (!cache(parser, 2)) return null;
        if (!leadingBlanks) {
          whitespaces.clear();
          readLine(parser, leadingBreak);
          leadingBlanks = true;
        } else {
          readLine(parser, trailingBreaks);
        }
      }
      if (!cache(parser, 1)) return null;
    }
    if (parser.flowLevel === 0 && parser.mark.column < indent) break;
  }
  const token = scalarToken(startMark, { index: endIndex, line: endLine, column: endColumn }, ScalarStyle.PLAIN);
  if (leadingBlanks) parser.simpleKeyAllowed = true;
  return token;
}
