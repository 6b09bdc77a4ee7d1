/**
 * yaml.v3's comment scanning (scannerc.go yaml_parser_scan_line_comment and
 * yaml_parser_scan_comments; yaml.v2 has neither and skips comments in scan_to_next_token).
 * Comments never become tokens, but they still matter to what Go reports: they look ahead up to
 * 512 characters (so the reader decodes further, and may fail earlier), and the marks they record
 * move the marks of BLOCK-END tokens (see unrollIndent in scanner.ts).
 */
import { ByteBuffer } from './byteBuffer.js';
import { isBlank, isBreak, isBreakz } from './chars.js';
import { read, skip, skipLine } from './cursor.js';
import { updateBuffer } from './reader.js';
import { copyMark, TokenType, ZERO_MARK, type Mark, type YamlParser } from './types.js';

/** Reads the comment starting `peek` characters ahead into `text`, skipping what comes before it (the loop both Go functions share). */
function readCommentText(parser: YamlParser, peek: number, text: ByteBuffer, onFirst?: () => void): boolean {
  const seen = parser.mark.index + peek;
  for (;;) {
    if (parser.unread < 1 && !updateBuffer(parser, 1)) return false;
    if (isBreakz(parser.buffer, parser.bufferPos)) {
      if (parser.mark.index >= seen) break;
      if (parser.unread < 2 && !updateBuffer(parser, 2)) return false;
      skipLine(parser);
    } else if (parser.mark.index >= seen) {
      if (text.length === 0 && onFirst) onFirst();
      read(parser, text);
    } else {
      skip(parser);
    }
  }
  return true;
}

/** yaml_parser_scan_line_comment: a comment after a token on the same line. */
export function scanLineComment(parser: YamlParser, tokenMark: Mark): boolean {
  if (parser.newlines > 0) return true;
  let startMark: Mark = ZERO_MARK;
  let text: ByteBuffer | null = null;
  for (let peek = 0; peek < 512; peek++) {
    if (parser.unread < peek + 1 && !updateBuffer(parser, peek + 1)) break;
    if (isBlank(parser.buffer, parser.bufferPos + peek)) continue;
    if (parser.buffer[parser.bufferPos + peek] === 0x23 /* # */) {
      text = new ByteBuffer(32);
      if (!readCommentText(parser, peek, text, () => (startMark = copyMark(parser.mark)))) return false;
    }
    break;
  }
  if (text !== null && text.length > 0) {
    parser.comments.push({
      scanMark: ZERO_MARK,
      tokenMark,
      startMark,
      endMark: ZERO_MARK,
      head: '',
      line: text.toString(),
      foot: '',
    });
  }
  return true;
}

/**
 * yaml_parser_scan_comments: the comment lines before the next token, split into foot comments
 * (of what precedes) and a head comment (of what follows). A literal port; Go's loop keeps its
 * shape (note `peek = 0` followed by the loop's `peek++`).
 */
export function scanComments(parser: YamlParser, scanMarkIn: Mark): boolean {
  let scanMark = scanMarkIn;
  const tokens = parser.tokens;
  let token = tokens[tokens.length - 1]!;
  if (token.type === TokenType.FLOW_ENTRY && tokens.length > 1) token = tokens[tokens.length - 2]!;
  let tokenMark = token.startMark;
  let startMark: Mark = ZERO_MARK;
  let nextIndent = parser.indent < 0 ? 0 : parser.indent;
  let recentEmpty = false;
  let firstEmpty = parser.newlines <= 1;
  let line = parser.mark.line;
  let column = parser.mark.column;
  let text = new ByteBuffer(32);
  let footLine = -1;
  if (scanMark.line > 0) {
    footLine = parser.mark.line - parser.newlines + 1;
    if (parser.newlines === 0 && parser.mark.column > 1) footLine++;
  }
  const pushFoot = (peek: number): void => {
    const end: Mark = { index: parser.mark.index + peek, line, column };
    parser.comments.push({ scanMark, tokenMark, startMark, endMark: end, head: '', line: '', foot: text.toString() });
    scanMark = { index: parser.mark.index + peek, line, column };
    tokenMark = scanMark;
    text = new ByteBuffer(32);
  };

  let peek = 0;
  for (; peek < 512; peek++) {
    if (parser.unread < peek + 1 && !updateBuffer(parser, peek + 1)) break;
    column++;
    const at = parser.bufferPos + peek;
    if (isBlank(parser.buffer, at)) continue;
    const c = parser.buffer[at];
    const closeFlow = parser.flowLevel > 0 && (c === 0x5d /* ] */ || c === 0x7d); /* } */
    if (closeFlow || isBreakz(parser.buffer, at)) {
      if (closeFlow || !recentEmpty) {
        if (
          closeFlow ||
          (firstEmpty && ((startMark.line === footLine && token.type !== TokenType.VALUE) || startMark.column - 1 < nextIndent))
        ) {
          if (text.length > 0) {
            if (startMark.column - 1 < nextIndent) tokenMark = startMark;
            pushFoot(peek);
          }
        } else if (text.length > 0 && parser.buffer[at] !== 0) {
          text.push(0x0a);
        }
      }
      if (!isBreak(parser.buffer, at)) break;
      firstEmpty = false;
      recentEmpty = true;
      column = 0;
      line++;
      continue;
    }
    if (text.length > 0 && (closeFlow || (column - 1 < nextIndent && column !== startMark.column))) pushFoot(peek);
    if (parser.buffer[at] !== 0x23 /* # */) break;
    if (text.length === 0) startMark = { index: parser.mark.index + peek, line, column };
    else text.push(0x0a);
    recentEmpty = false;
    if (!readCommentText(parser, peek, text)) return false;
    peek = 0;
    column = 0;
    line = parser.mark.line;
    nextIndent = parser.indent < 0 ? 0 : parser.indent;
  }
  if (text.length > 0) {
    parser.comments.push({
      scanMark,
      tokenMark: startMark,
      startMark,
      endMark: { index: parser.mark.index + peek - 1, line, column },
      head: text.toString(),
      line: '',
      foot: '',
    });
  }
  return true;
}
