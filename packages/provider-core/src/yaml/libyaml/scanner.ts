/**
 * The token queue of go-yaml's scannerc.go: yaml_parser_fetch_more_tokens and
 * yaml_parser_fetch_next_token, simple keys, flow levels, indentation (BLOCK-*-START and
 * BLOCK-END tokens), and the yaml_parser_fetch_* function of each token kind. The scalars,
 * anchors, tags and directives themselves are scanned in scanScalars.ts and scanTokens.ts.
 *
 * Where yaml.v2 and yaml.v3 differ, `parser.dialect` picks: v3 keeps two more tokens of look-ahead
 * in fetch_more_tokens, scans comments (scanComments.ts) and places BLOCK-END tokens at the
 * comment that closed the block.
 */
import { isBlankz, isBom, isBreak, isZ } from './chars.js';
import { skip, skipLine } from './cursor.js';
import { setScannerError } from './errors.js';
import { cache, updateBuffer } from './reader.js';
import { scanComments, scanLineComment } from './scanComments.js';
import { scanBlockScalar, scanFlowScalar, scanPlainScalar } from './scanScalars.js';
import { scanAnchor, scanDirective, scanTag } from './scanTokens.js';
import { copyMark, newToken, TokenType, type Mark, type SimpleKey, type Token, type YamlParser } from './types.js';

/** Tokens already handed to the parser that are kept at the front of the queue (Go's slice keeps them too, see insertToken). */
const KEPT_CONSUMED_TOKENS = 2;

/**
 * yaml_insert_token: append, or insert `pos` places after the queue head. Go compacts the slice
 * only when it is full; consumed tokens are dropped here once there are many of them, always
 * keeping the last two, which are all the scanner ever looks back at.
 */
function insertToken(parser: YamlParser, pos: number, token: Token): void {
  if (parser.tokensHead > 256) {
    parser.tokens.splice(0, parser.tokensHead - KEPT_CONSUMED_TOKENS);
    parser.tokensHead = KEPT_CONSUMED_TOKENS;
  }
  if (pos < 0) parser.tokens.push(token);
  else parser.tokens.splice(parser.tokensHead + pos, 0, token);
}

/** yaml_parser_fetch_more_tokens: fill the queue until its head cannot become a simple key any more. */
export function fetchMoreTokens(parser: YamlParser): boolean {
  const lookAhead = parser.dialect === 'v3' ? 2 : 0;
  for (;;) {
    // v3: tokens_head < len(tokens)-2; v2: tokens_head != len(tokens).
    if (parser.tokensHead < parser.tokens.length - lookAhead) {
      const headKey = parser.simpleKeysByTok.get(parser.tokensParsed);
      if (headKey === undefined) break;
      const valid = simpleKeyIsValid(parser, parser.simpleKeys[headKey]!);
      if (valid === null) return false;
      if (!valid) break;
    }
    if (!fetchNextToken(parser)) return false;
  }
  parser.tokenAvailable = true;
  return true;
}

/** yaml_parser_fetch_next_token */
function fetchNextToken(parser: YamlParser): boolean {
  if (parser.unread < 1 && !updateBuffer(parser, 1)) return false;
  if (!parser.streamStartProduced) return fetchStreamStart(parser);
  const scanMark = copyMark(parser.mark);
  if (!scanToNextToken(parser)) return false;
  if (!unrollIndent(parser, parser.mark.column, scanMark)) return false;
  if (parser.unread < 4 && !updateBuffer(parser, 4)) return false;

  const buf = parser.buffer;
  const pos = parser.bufferPos;
  if (isZ(buf, pos)) return fetchStreamEnd(parser);
  if (parser.mark.column === 0 && buf[pos] === 0x25 /* % */) return fetchDirective(parser);
  if (parser.mark.column === 0 && isBlankz(buf, pos + 3)) {
    if (buf[pos] === 0x2d && buf[pos + 1] === 0x2d && buf[pos + 2] === 0x2d) {
      return fetchDocumentIndicator(parser, TokenType.DOCUMENT_START);
    }
    if (buf[pos] === 0x2e && buf[pos + 1] === 0x2e && buf[pos + 2] === 0x2e) {
      return fetchDocumentIndicator(parser, TokenType.DOCUMENT_END);
    }
  }
  if (parser.dialect === 'v2') return fetchTokenAt(parser);

  // v3: a deferred function scans a comment that follows the token on its line.
  let commentMark = copyMark(parser.mark);
  const c = buf[pos];
  if (parser.tokens.length > 0 && ((parser.flowLevel === 0 && c === 0x3a) /* : */ || (parser.flowLevel > 0 && c === 0x2c))) {
    /* , */ commentMark = parser.tokens[parser.tokens.length - 1]!.startMark;
  }
  if (!fetchTokenAt(parser)) return false;
  if (parser.tokens.length > 0 && parser.tokens[parser.tokens.length - 1]!.type === TokenType.BLOCK_ENTRY) return true;
  return scanLineComment(parser, commentMark);
}

/** The rest of yaml_parser_fetch_next_token: the token that starts with the current character. */
function fetchTokenAt(parser: YamlParser): boolean {
  const buf = parser.buffer;
  const pos = parser.bufferPos;
  const c = buf[pos]!;
  switch (c) {
    case 0x5b /* [ */:
      return fetchFlowCollectionStart(parser, TokenType.FLOW_SEQUENCE_START);
    case 0x7b /* { */:
      return fetchFlowCollectionStart(parser, TokenType.FLOW_MAPPING_START);
    case 0x5d /* ] */:
      return fetchFlowCollectionEnd(parser, TokenType.FLOW_SEQUENCE_END);
    case 0x7d /* } */:
      return fetchFlowCollectionEnd(parser, TokenType.FLOW_MAPPING_END);
    case 0x2c /* , */:
      return fetchFlowEntry(parser);
  }
  if (c === 0x2d /* - */ && isBlankz(buf, pos + 1)) return fetchBlockEntry(parser);
  if (c === 0x3f /* ? */ && (parser.flowLevel > 0 || isBlankz(buf, pos + 1))) return fetchKey(parser);
  if (c === 0x3a /* : */ && (parser.flowLevel > 0 || isBlankz(buf, pos + 1))) return fetchValue(parser);
  switch (c) {
    case 0x2a /* * */:
      return fetchAnchor(parser, TokenType.ALIAS);
    case 0x26 /* & */:
      return fetchAnchor(parser, TokenType.ANCHOR);
    case 0x21 /* ! */:
      return fetchTag(parser);
    case 0x7c /* | */:
      if (parser.flowLevel === 0) return fetchBlockScalar(parser, true);
      break;
    case 0x3e /* > */:
      if (parser.flowLevel === 0) return fetchBlockScalar(parser, false);
      break;
    case 0x27 /* ' */:
      return fetchFlowScalar(parser, true);
    case 0x22 /* " */:
      return fetchFlowScalar(parser, false);
  }
  if (
    !(isBlankz(buf, pos) || INDICATORS.has(c)) ||
    (c === 0x2d /* - */ && !(buf[pos + 1] === 0x20 || buf[pos + 1] === 0x09)) ||
    (parser.flowLevel === 0 && (c === 0x3f || c === 0x3a) && !isBlankz(buf, pos + 1))
  ) {
    return fetchPlainScalar(parser);
  }
  return setScannerError(parser, 'while scanning for the next token', copyMark(parser.mark), 'found character that cannot start any token');
}

/** The characters that cannot start a plain scalar (besides blanks and breaks): -?:,[]{}#&*!|>'"%@` */
const INDICATORS = new Set([...'-?:,[]{}#&*!|>\'"%@`'].map((ch) => ch.charCodeAt(0)));

/**
 * yaml_simple_key_is_valid: Go returns (valid, ok); here true/false is `valid` with ok, and null
 * is "not ok" (the required key was lost: "could not find expected ':'").
 */
function simpleKeyIsValid(parser: YamlParser, simpleKey: SimpleKey): boolean | null {
  if (!simpleKey.possible) return false;
  // A simple key is limited to a single line and 1024 characters.
  if (simpleKey.mark.line < parser.mark.line || simpleKey.mark.index + 1024 < parser.mark.index) {
    if (simpleKey.required) {
      setScannerError(parser, 'while scanning a simple key', simpleKey.mark, "could not find expected ':'");
      return null;
    }
    simpleKey.possible = false;
    return false;
  }
  return true;
}

/** yaml_parser_save_simple_key */
function saveSimpleKey(parser: YamlParser): boolean {
  const required = parser.flowLevel === 0 && parser.indent === parser.mark.column;
  if (parser.simpleKeyAllowed) {
    const simpleKey: SimpleKey = {
      possible: true,
      required,
      tokenNumber: parser.tokensParsed + (parser.tokens.length - parser.tokensHead),
      mark: copyMark(parser.mark),
    };
    if (!removeSimpleKey(parser)) return false;
    parser.simpleKeys[parser.simpleKeys.length - 1] = simpleKey;
    parser.simpleKeysByTok.set(simpleKey.tokenNumber, parser.simpleKeys.length - 1);
  }
  return true;
}

/** yaml_parser_remove_simple_key */
function removeSimpleKey(parser: YamlParser): boolean {
  const key = parser.simpleKeys[parser.simpleKeys.length - 1]!;
  if (key.possible) {
    if (key.required) return setScannerError(parser, 'while scanning a simple key', key.mark, "could not find expected ':'");
    key.possible = false;
    parser.simpleKeysByTok.delete(key.tokenNumber);
  }
  return true;
}

const MAX_FLOW_LEVEL = 10000;

/** yaml_parser_increase_flow_level */
function increaseFlowLevel(parser: YamlParser): boolean {
  parser.simpleKeys.push({
    possible: false,
    required: false,
    tokenNumber: parser.tokensParsed + (parser.tokens.length - parser.tokensHead),
    mark: copyMark(parser.mark),
  });
  parser.flowLevel++;
  if (parser.flowLevel > MAX_FLOW_LEVEL) {
    return setScannerError(
      parser,
      'while increasing flow level',
      parser.simpleKeys[parser.simpleKeys.length - 1]!.mark,
      `exceeded max depth of ${MAX_FLOW_LEVEL}`,
    );
  }
  return true;
}

/** yaml_parser_decrease_flow_level */
function decreaseFlowLevel(parser: YamlParser): boolean {
  if (parser.flowLevel > 0) {
    parser.flowLevel--;
    const last = parser.simpleKeys.pop()!;
    parser.simpleKeysByTok.delete(last.tokenNumber);
  }
  return true;
}

const MAX_INDENTS = 10000;

/** yaml_parser_roll_indent: open a block collection at `column` (inserting its start token at token `number`, or appending it). */
function rollIndent(parser: YamlParser, column: number, number: number, type: TokenType, mark: Mark): boolean {
  if (parser.flowLevel > 0) return true;
  if (parser.indent < column) {
    parser.indents.push(parser.indent);
    parser.indent = column;
    if (parser.indents.length > MAX_INDENTS) {
      return setScannerError(
        parser,
        'while increasing indent level',
        parser.simpleKeys[parser.simpleKeys.length - 1]!.mark,
        `exceeded max depth of ${MAX_INDENTS}`,
      );
    }
    insertToken(parser, number > -1 ? number - parser.tokensParsed : number, newToken(type, mark, mark));
  }
  return true;
}

/**
 * yaml_parser_unroll_indent: close the block collections deeper than `column` with BLOCK-END
 * tokens. v2 marks them at the current position; v3 one character before `scanMark`, or at the
 * start of a comment found at the closed level's indentation.
 */
function unrollIndent(parser: YamlParser, column: number, scanMark: Mark): boolean {
  if (parser.flowLevel > 0) return true;
  let blockMark = copyMark(scanMark);
  blockMark.index--;
  while (parser.indent > column) {
    let mark: Mark;
    if (parser.dialect === 'v3') {
      let stopIndex = blockMark.index;
      for (let i = parser.comments.length - 1; i >= 0; i--) {
        const comment = parser.comments[i]!;
        if (comment.endMark.index < stopIndex) break;
        if (comment.startMark.column === parser.indent + 1) blockMark = comment.startMark;
        stopIndex = comment.scanMark.index;
      }
      mark = blockMark;
    } else {
      mark = copyMark(parser.mark);
    }
    insertToken(parser, -1, newToken(TokenType.BLOCK_END, mark, mark));
    parser.indent = parser.indents.pop()!;
  }
  return true;
}

/** yaml_parser_fetch_stream_start */
function fetchStreamStart(parser: YamlParser): boolean {
  parser.indent = -1;
  parser.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: { index: 0, line: 0, column: 0 } });
  parser.simpleKeysByTok = new Map();
  parser.simpleKeyAllowed = true;
  parser.streamStartProduced = true;
  const mark = copyMark(parser.mark);
  insertToken(parser, -1, newToken(TokenType.STREAM_START, mark, mark));
  return true;
}

/** yaml_parser_fetch_stream_end */
function fetchStreamEnd(parser: YamlParser): boolean {
  // Force a new line.
  if (parser.mark.column !== 0) {
    parser.mark.column = 0;
    parser.mark.line++;
  }
  if (!unrollIndent(parser, -1, copyMark(parser.mark))) return false;
  if (!removeSimpleKey(parser)) return false;
  parser.simpleKeyAllowed = false;
  const mark = copyMark(parser.mark);
  insertToken(parser, -1, newToken(TokenType.STREAM_END, mark, mark));
  return true;
}

/** yaml_parser_fetch_directive */
function fetchDirective(parser: YamlParser): boolean {
  if (!unrollIndent(parser, -1, copyMark(parser.mark))) return false;
  if (!removeSimpleKey(parser)) return false;
  parser.simpleKeyAllowed = false;
  const token = scanDirective(parser);
  if (token === null) return false;
  insertToken(parser, -1, token);
  return true;
}

/** yaml_parser_fetch_document_indicator: `---` or `...` */
function fetchDocumentIndicator(parser: YamlParser, type: TokenType): boolean {
  if (!unrollIndent(parser, -1, copyMark(parser.mark))) return false;
  if (!removeSimpleKey(parser)) return false;
  parser.simpleKeyAllowed = false;
  const startMark = copyMark(parser.mark);
  skip(parser);
  skip(parser);
  skip(parser);
  insertToken(parser, -1, newToken(type, startMark, copyMark(parser.mark)));
  return true;
}

/** Skips the one-character indicator at the current position and queues its token. */
function fetchIndicator(parser: YamlParser, type: TokenType): true {
  const startMark = copyMark(parser.mark);
  skip(parser);
  insertToken(parser, -1, newToken(type, startMark, copyMark(parser.mark)));
  return true;
}

/** yaml_parser_fetch_flow_collection_start: `[` or `{` */
function fetchFlowCollectionStart(parser: YamlParser, type: TokenType): boolean {
  if (!saveSimpleKey(parser)) return false;
  if (!increaseFlowLevel(parser)) return false;
  parser.simpleKeyAllowed = true;
  return fetchIndicator(parser, type);
}

/** yaml_parser_fetch_flow_collection_end: `]` or `}` */
function fetchFlowCollectionEnd(parser: YamlParser, type: TokenType): boolean {
  if (!removeSimpleKey(parser)) return false;
  if (!decreaseFlowLevel(parser)) return false;
  parser.simpleKeyAllowed = false;
  return fetchIndicator(parser, type);
}

/** yaml_parser_fetch_flow_entry: `,` */
function fetchFlowEntry(parser: YamlParser): boolean {
  if (!removeSimpleKey(parser)) return false;
  parser.simpleKeyAllowed = true;
  return fetchIndicator(parser, TokenType.FLOW_ENTRY);
}

/** yaml_parser_fetch_block_entry: `- ` */
function fetchBlockEntry(parser: YamlParser): boolean {
  if (parser.flowLevel === 0) {
    if (!parser.simpleKeyAllowed) {
      return setScannerError(parser, '', copyMark(parser.mark), 'block sequence entries are not allowed in this context');
    }
    const mark = copyMark(parser.mark);
    if (!rollIndent(parser, parser.mark.column, -1, TokenType.BLOCK_SEQUENCE_START, mark)) return false;
  }
  if (!removeSimpleKey(parser)) return false;
  parser.simpleKeyAllowed = true;
  return fetchIndicator(parser, TokenType.BLOCK_ENTRY);
}

/** yaml_parser_fetch_key: `? ` */
function fetchKey(parser: YamlParser): boolean {
  if (parser.flowLevel === 0) {
    if (!parser.simpleKeyAllowed) {
      return setScannerError(parser, '', copyMark(parser.mark), 'mapping keys are not allowed in this context');
    }
    const mark = copyMark(parser.mark);
    if (!rollIndent(parser, parser.mark.column, -1, TokenType.BLOCK_MAPPING_START, mark)) return false;
  }
  if (!removeSimpleKey(parser)) return false;
  parser.simpleKeyAllowed = parser.flowLevel === 0;
  return fetchIndicator(parser, TokenType.KEY);
}

/** yaml_parser_fetch_value: `: `, which turns a saved simple key into a KEY token. */
function fetchValue(parser: YamlParser): boolean {
  const simpleKey = parser.simpleKeys[parser.simpleKeys.length - 1]!;
  const valid = simpleKeyIsValid(parser, simpleKey);
  if (valid === null) return false;
  if (valid) {
    insertToken(parser, simpleKey.tokenNumber - parser.tokensParsed, newToken(TokenType.KEY, simpleKey.mark, simpleKey.mark));
    if (!rollIndent(parser, simpleKey.mark.column, simpleKey.tokenNumber, TokenType.BLOCK_MAPPING_START, simpleKey.mark)) {
      return false;
    }
    simpleKey.possible = false;
    parser.simpleKeysByTok.delete(simpleKey.tokenNumber);
    parser.simpleKeyAllowed = false;
  } else {
    if (parser.flowLevel === 0) {
      if (!parser.simpleKeyAllowed) {
        return setScannerError(parser, '', copyMark(parser.mark), 'mapping values are not allowed in this context');
      }
      const mark = copyMark(parser.mark);
      if (!rollIndent(parser, parser.mark.column, -1, TokenType.BLOCK_MAPPING_START, mark)) return false;
    }
    parser.simpleKeyAllowed = parser.flowLevel === 0;
  }
  return fetchIndicator(parser, TokenType.VALUE);
}

/** yaml_parser_fetch_anchor: `&name` or `*name` */
function fetchAnchor(parser: YamlParser, type: TokenType): boolean {
  if (!saveSimpleKey(parser)) return false;
  parser.simpleKeyAllowed = false;
  const token = scanAnchor(parser, type);
  if (token === null) return false;
  insertToken(parser, -1, token);
  return true;
}

/** yaml_parser_fetch_tag */
function fetchTag(parser: YamlParser): boolean {
  if (!saveSimpleKey(parser)) return false;
  parser.simpleKeyAllowed = false;
  const token = scanTag(parser);
  if (token === null) return false;
  insertToken(parser, -1, token);
  return true;
}

/** yaml_parser_fetch_block_scalar: `|` or `>` */
function fetchBlockScalar(parser: YamlParser, literal: boolean): boolean {
  if (!removeSimpleKey(parser)) return false;
  parser.simpleKeyAllowed = true;
  const token = scanBlockScalar(parser, literal);
  if (token === null) return false;
  insertToken(parser, -1, token);
  return true;
}

/** yaml_parser_fetch_flow_scalar: `'…'` or `"…"` */
function fetchFlowScalar(parser: YamlParser, single: boolean): boolean {
  if (!saveSimpleKey(parser)) return false;
  parser.simpleKeyAllowed = false;
  const token = scanFlowScalar(parser, single);
  if (token === null) return false;
  insertToken(parser, -1, token);
  return true;
}

/** yaml_parser_fetch_plain_scalar */
function fetchPlainScalar(parser: YamlParser): boolean {
  if (!saveSimpleKey(parser)) return false;
  parser.simpleKeyAllowed = false;
  const token = scanPlainScalar(parser);
  if (token === null) return false;
  insertToken(parser, -1, token);
  return true;
}

/** yaml_parser_scan_to_next_token: skip blanks, comments and line breaks (and a BOM at a line start). */
function scanToNextToken(parser: YamlParser): boolean {
  const scanMark = copyMark(parser.mark);
  for (;;) {
    if (!cache(parser, 1)) return false;
    if (parser.mark.column === 0 && isBom(parser.buffer)) skip(parser);
    if (!cache(parser, 1)) return false;
    // Tabs are allowed in flow context, or where a simple key is not (after a key, `-` or `?`).
    while (
      parser.buffer[parser.bufferPos] === 0x20 ||
      ((parser.flowLevel > 0 || !parser.simpleKeyAllowed) && parser.buffer[parser.bufferPos] === 0x09)
    ) {
      skip(parser);
      if (!cache(parser, 1)) return false;
    }
    if (parser.dialect === 'v3') moveSequenceLineComment(parser);
    if (parser.buffer[parser.bufferPos] === 0x23 /* # */) {
      if (parser.dialect === 'v3') {
        if (!scanComments(parser, scanMark)) return false;
      } else {
        while (!isBreakzAt(parser)) {
          skip(parser);
          if (!cache(parser, 1)) return false;
        }
      }
    }
    if (!isBreak(parser.buffer, parser.bufferPos)) break;
    if (!cache(parser, 2)) return false;
    skipLine(parser);
    if (parser.flowLevel === 0) parser.simpleKeyAllowed = true;
  }
  return true;
}

function isBreakzAt(parser: YamlParser): boolean {
  return parser.buffer[parser.bufferPos] === 0 || isBreak(parser.buffer, parser.bufferPos);
}

/** v3's scan_to_next_token: a line comment after `- ` that is followed by content becomes a head comment. */
function moveSequenceLineComment(parser: YamlParser): void {
  const tokens = parser.tokens;
  if (parser.comments.length === 0 || tokens.length <= 1) return;
  const tokenA = tokens[tokens.length - 2]!;
  const tokenB = tokens[tokens.length - 1]!;
  const comment = parser.comments[parser.comments.length - 1]!;
  if (
    tokenA.type === TokenType.BLOCK_SEQUENCE_START &&
    tokenB.type === TokenType.BLOCK_ENTRY &&
    comment.line.length > 0 &&
    !isBreak(parser.buffer, parser.bufferPos)
  ) {
    comment.head = comment.line;
    comment.line = '';
    if (comment.startMark.line === parser.mark.line - 1) comment.tokenMark = copyMark(parser.mark);
  }
}
