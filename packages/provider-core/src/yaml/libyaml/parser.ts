/**
 * go-yaml's parserc.go: the LL(1) state machine turning tokens into events (yaml_parser_parse and
 * the yaml_parser_parse_* function of each state), with every error text and mark. yaml.v3 adds
 * comments (attached to events, and moved by yaml_parser_unfold_comments and
 * yaml_parser_split_stem_comment) and a TAIL-COMMENT event; these are ported too, as the extra
 * token look-ups they make can change which error is found first.
 *
 * Each function returns the event, or null when Go returns false (the error is on the parser).
 */
import { setParserError, setParserErrorContext } from './errors.js';
import { fetchMoreTokens } from './scanner.js';
import {
  CollectionStyle,
  ErrorType,
  EventType,
  newEvent,
  ParserState,
  ScalarStyle,
  TokenType,
  type Mark,
  type TagDirective,
  type Token,
  type YamlEvent,
  type YamlParser,
} from './types.js';

/** peek_token */
function peekToken(parser: YamlParser): Token | null {
  if (parser.tokenAvailable || fetchMoreTokens(parser)) {
    const token = parser.tokens[parser.tokensHead]!;
    if (parser.dialect === 'v3') unfoldComments(parser, token);
    return token;
  }
  return null;
}

function appendComment(current: string | null, text: string): string {
  return current !== null && current.length > 0 ? `${current}\n${text}` : text;
}

/** yaml_parser_unfold_comments (v3): move the comments scanned before this token to the parser. */
function unfoldComments(parser: YamlParser, token: Token): void {
  while (parser.commentsHead < parser.comments.length && token.startMark.index >= parser.comments[parser.commentsHead]!.tokenMark.index) {
    const comment = parser.comments[parser.commentsHead]!;
    if (comment.head.length > 0) {
      if (token.type === TokenType.BLOCK_END) break; // no head comments on a block end
      parser.headComment = appendComment(parser.headComment, comment.head);
    }
    if (comment.foot.length > 0) parser.footComment = appendComment(parser.footComment, comment.foot);
    if (comment.line.length > 0) parser.lineComment = appendComment(parser.lineComment, comment.line);
    comment.head = '';
    comment.line = '';
    comment.foot = '';
    parser.commentsHead++;
  }
}

/** skip_token */
function skipToken(parser: YamlParser): void {
  parser.tokenAvailable = false;
  parser.tokensParsed++;
  parser.streamEndProduced = parser.tokens[parser.tokensHead]!.type === TokenType.STREAM_END;
  parser.tokensHead++;
}

const NO_EVENT = newEvent(EventType.NO, { index: 0, line: 0, column: 0 }, { index: 0, line: 0, column: 0 });

/**
 * yaml_parser_parse: the next event; an event of type NO when there is nothing more (after the
 * stream end, or once an error was recorded), null on a new error.
 */
export function parse(parser: YamlParser): YamlEvent | null {
  if (parser.streamEndProduced || parser.error !== ErrorType.NONE || parser.state === ParserState.END) return NO_EVENT;
  return stateMachine(parser);
}

function popState(parser: YamlParser): void {
  parser.state = parser.states.pop()!;
}

/** yaml_parser_state_machine */
function stateMachine(parser: YamlParser): YamlEvent | null {
  switch (parser.state) {
    case ParserState.STREAM_START:
      return parseStreamStart(parser);
    case ParserState.IMPLICIT_DOCUMENT_START:
      return parseDocumentStart(parser, true);
    case ParserState.DOCUMENT_START:
      return parseDocumentStart(parser, false);
    case ParserState.DOCUMENT_CONTENT:
      return parseDocumentContent(parser);
    case ParserState.DOCUMENT_END:
      return parseDocumentEnd(parser);
    case ParserState.BLOCK_NODE:
      return parseNode(parser, true, false);
    case ParserState.BLOCK_NODE_OR_INDENTLESS_SEQUENCE:
      return parseNode(parser, true, true);
    case ParserState.FLOW_NODE:
      return parseNode(parser, false, false);
    case ParserState.BLOCK_SEQUENCE_FIRST_ENTRY:
      return parseBlockSequenceEntry(parser, true);
    case ParserState.BLOCK_SEQUENCE_ENTRY:
      return parseBlockSequenceEntry(parser, false);
    case ParserState.INDENTLESS_SEQUENCE_ENTRY:
      return parseIndentlessSequenceEntry(parser);
    case ParserState.BLOCK_MAPPING_FIRST_KEY:
      return parseBlockMappingKey(parser, true);
    case ParserState.BLOCK_MAPPING_KEY:
      return parseBlockMappingKey(parser, false);
    case ParserState.BLOCK_MAPPING_VALUE:
      return parseBlockMappingValue(parser);
    case ParserState.FLOW_SEQUENCE_FIRST_ENTRY:
      return parseFlowSequenceEntry(parser, true);
    case ParserState.FLOW_SEQUENCE_ENTRY:
      return parseFlowSequenceEntry(parser, false);
    case ParserState.FLOW_SEQUENCE_ENTRY_MAPPING_KEY:
      return parseFlowSequenceEntryMappingKey(parser);
    case ParserState.FLOW_SEQUENCE_ENTRY_MAPPING_VALUE:
      return parseFlowSequenceEntryMappingValue(parser);
    case ParserState.FLOW_SEQUENCE_ENTRY_MAPPING_END:
      return parseFlowSequenceEntryMappingEnd(parser);
    case ParserState.FLOW_MAPPING_FIRST_KEY:
      return parseFlowMappingKey(parser, true);
    case ParserState.FLOW_MAPPING_KEY:
      return parseFlowMappingKey(parser, false);
    case ParserState.FLOW_MAPPING_VALUE:
      return parseFlowMappingValue(parser, false);
    case ParserState.FLOW_MAPPING_EMPTY_VALUE:
      return parseFlowMappingValue(parser, true);
    default:
      throw new Error('invalid parser state');
  }
}

/** yaml_parser_parse_stream_start */
function parseStreamStart(parser: YamlParser): YamlEvent | null {
  const token = peekToken(parser);
  if (token === null) return null;
  if (token.type !== TokenType.STREAM_START) {
    setParserError(parser, 'did not find expected <stream-start>', token.startMark);
    return null;
  }
  parser.state = ParserState.IMPLICIT_DOCUMENT_START;
  const event = newEvent(EventType.STREAM_START, token.startMark, token.endMark);
  skipToken(parser);
  return event;
}

/** v3: the head comment of an implicit document is what precedes its last blank line. */
function splitDocumentHeadComment(parser: YamlParser): string {
  const head = parser.headComment;
  if (head === null || head.length === 0) return '';
  for (let i = head.length - 1; i > 0; i--) {
    if (head.charCodeAt(i) !== 0x0a) continue;
    if (i === head.length - 1) {
      parser.headComment = head.slice(i + 1);
      return head.slice(0, i);
    }
    if (head.charCodeAt(i - 1) === 0x0a) {
      parser.headComment = head.slice(i + 1);
      return head.slice(0, i - 1);
    }
  }
  return '';
}

/** yaml_parser_parse_document_start: an implicit document, `---` with its directives, or the stream end. */
function parseDocumentStart(parser: YamlParser, implicit: boolean): YamlEvent | null {
  let token = peekToken(parser);
  if (token === null) return null;
  // Parse extra document end indicators.
  if (!implicit) {
    while (token.type === TokenType.DOCUMENT_END) {
      skipToken(parser);
      token = peekToken(parser);
      if (token === null) return null;
    }
  }
  if (
    implicit &&
    token.type !== TokenType.VERSION_DIRECTIVE &&
    token.type !== TokenType.TAG_DIRECTIVE &&
    token.type !== TokenType.DOCUMENT_START &&
    token.type !== TokenType.STREAM_END
  ) {
    if (!processDirectives(parser)) return null;
    parser.states.push(ParserState.DOCUMENT_END);
    parser.state = ParserState.BLOCK_NODE;
    const event = newEvent(EventType.DOCUMENT_START, token.startMark, token.endMark);
    if (parser.dialect === 'v3') event.headComment = splitDocumentHeadComment(parser);
    return event;
  }
  if (token.type !== TokenType.STREAM_END) {
    const startMark = token.startMark;
    if (!processDirectives(parser)) return null;
    token = peekToken(parser);
    if (token === null) return null;
    if (token.type !== TokenType.DOCUMENT_START) {
      setParserError(parser, 'did not find expected <document start>', token.startMark);
      return null;
    }
    parser.states.push(ParserState.DOCUMENT_END);
    parser.state = ParserState.DOCUMENT_CONTENT;
    const event = newEvent(EventType.DOCUMENT_START, startMark, token.endMark);
    skipToken(parser);
    return event;
  }
  parser.state = ParserState.END;
  const event = newEvent(EventType.STREAM_END, token.startMark, token.endMark);
  skipToken(parser);
  return event;
}

/** yaml_parser_parse_document_content */
function parseDocumentContent(parser: YamlParser): YamlEvent | null {
  const token = peekToken(parser);
  if (token === null) return null;
  if (
    token.type === TokenType.VERSION_DIRECTIVE ||
    token.type === TokenType.TAG_DIRECTIVE ||
    token.type === TokenType.DOCUMENT_START ||
    token.type === TokenType.DOCUMENT_END ||
    token.type === TokenType.STREAM_END
  ) {
    popState(parser);
    return processEmptyScalar(token.startMark);
  }
  return parseNode(parser, true, false);
}

/** yaml_parser_parse_document_end */
function parseDocumentEnd(parser: YamlParser): YamlEvent | null {
  const token = peekToken(parser);
  if (token === null) return null;
  const startMark = token.startMark;
  let endMark = token.startMark;
  let implicit = true;
  if (token.type === TokenType.DOCUMENT_END) {
    endMark = token.endMark;
    skipToken(parser);
    implicit = false;
  }
  parser.tagDirectives = [];
  parser.state = ParserState.DOCUMENT_START;
  const event = newEvent(EventType.DOCUMENT_END, startMark, endMark);
  event.implicit = implicit;
  if (parser.dialect === 'v3') {
    setEventComments(parser, event);
    if (event.headComment.length > 0 && event.footComment.length === 0) {
      event.footComment = event.headComment;
      event.headComment = '';
    }
  }
  return event;
}

/** yaml_parser_set_event_comments (v3) */
function setEventComments(parser: YamlParser, event: YamlEvent): void {
  event.headComment = parser.headComment ?? '';
  event.lineComment = parser.lineComment ?? '';
  event.footComment = parser.footComment ?? '';
  parser.headComment = null;
  parser.lineComment = null;
  parser.footComment = null;
  parser.tailComment = null;
  parser.stemComment = null;
}

interface NodeProperties {
  anchor: string | null;
  tagHandle: string;
  tagSuffix: string;
  tagToken: boolean;
  tagMark: Mark;
  startMark: Mark;
  endMark: Mark;
}

/** The anchor and tag before a node, in either order; returns the token after them, or null on error. */
function parseNodeProperties(parser: YamlParser, first: Token, props: NodeProperties): Token | null {
  let token: Token | null = first;
  const takeAnchor = (t: Token): void => {
    props.anchor = t.value;
    props.endMark = t.endMark;
  };
  const takeTag = (t: Token): void => {
    props.tagToken = true;
    props.tagHandle = t.value;
    props.tagSuffix = t.suffix;
    props.tagMark = t.startMark;
    props.endMark = t.endMark;
  };
  const [firstKind, secondKind, takeFirst, takeSecond] =
    token.type === TokenType.ANCHOR
      ? [TokenType.ANCHOR, TokenType.TAG, takeAnchor, takeTag]
      : [TokenType.TAG, TokenType.ANCHOR, takeTag, takeAnchor];
  if (token.type !== firstKind) return token;
  takeFirst(token);
  props.startMark = token.startMark;
  skipToken(parser);
  token = peekToken(parser);
  if (token === null) return null;
  if (token.type === secondKind) {
    takeSecond(token);
    skipToken(parser);
    token = peekToken(parser);
  }
  return token;
}

/**
 * yaml_parser_parse_node: an alias, or a node with optional anchor and tag: a scalar, the start
 * of a collection, or (with only properties) an empty scalar.
 */
function parseNode(parser: YamlParser, block: boolean, indentlessSequence: boolean): YamlEvent | null {
  let token = peekToken(parser);
  if (token === null) return null;
  if (token.type === TokenType.ALIAS) {
    popState(parser);
    const event = newEvent(EventType.ALIAS, token.startMark, token.endMark);
    event.anchor = token.value;
    if (parser.dialect === 'v3') setEventComments(parser, event);
    skipToken(parser);
    return event;
  }
  const props: NodeProperties = {
    anchor: null,
    tagHandle: '',
    tagSuffix: '',
    tagToken: false,
    tagMark: token.startMark,
    startMark: token.startMark,
    endMark: token.startMark,
  };
  token = parseNodeProperties(parser, token, props);
  if (token === null) return null;
  const tag = resolveTag(parser, props);
  if (tag === null) return null;
  const { anchor, startMark } = props;
  const implicit = tag.length === 0;

  const collectionStart = (type: EventType, style: number): YamlEvent => {
    const event = newEvent(type, startMark, token!.endMark);
    event.anchor = anchor;
    event.tag = tag;
    event.implicit = implicit;
    event.style = style;
    return event;
  };
  if (indentlessSequence && token.type === TokenType.BLOCK_ENTRY) {
    parser.state = ParserState.INDENTLESS_SEQUENCE_ENTRY;
    return collectionStart(EventType.SEQUENCE_START, CollectionStyle.BLOCK);
  }
  if (token.type === TokenType.SCALAR) {
    let plainImplicit = false;
    let quotedImplicit = false;
    if ((tag.length === 0 && token.style === ScalarStyle.PLAIN) || tag === '!') plainImplicit = true;
    else if (tag.length === 0) quotedImplicit = true;
    popState(parser);
    const event = newEvent(EventType.SCALAR, startMark, token.endMark);
    event.anchor = anchor;
    event.tag = tag;
    event.value = token.value;
    event.implicit = plainImplicit;
    event.quotedImplicit = quotedImplicit;
    event.style = token.style;
    if (parser.dialect === 'v3') setEventComments(parser, event);
    skipToken(parser);
    return event;
  }
  if (token.type === TokenType.FLOW_SEQUENCE_START) {
    parser.state = ParserState.FLOW_SEQUENCE_FIRST_ENTRY;
    const event = collectionStart(EventType.SEQUENCE_START, CollectionStyle.FLOW);
    if (parser.dialect === 'v3') setEventComments(parser, event);
    return event;
  }
  if (token.type === TokenType.FLOW_MAPPING_START) {
    parser.state = ParserState.FLOW_MAPPING_FIRST_KEY;
    const event = collectionStart(EventType.MAPPING_START, CollectionStyle.FLOW);
    if (parser.dialect === 'v3') setEventComments(parser, event);
    return event;
  }
  if (block && (token.type === TokenType.BLOCK_SEQUENCE_START || token.type === TokenType.BLOCK_MAPPING_START)) {
    const sequence = token.type === TokenType.BLOCK_SEQUENCE_START;
    parser.state = sequence ? ParserState.BLOCK_SEQUENCE_FIRST_ENTRY : ParserState.BLOCK_MAPPING_FIRST_KEY;
    const event = collectionStart(sequence ? EventType.SEQUENCE_START : EventType.MAPPING_START, CollectionStyle.BLOCK);
    if (parser.stemComment !== null) {
      event.headComment = parser.stemComment;
      parser.stemComment = null;
    }
    return event;
  }
  if ((anchor !== null && anchor.length > 0) || tag.length > 0) {
    popState(parser);
    const event = newEvent(EventType.SCALAR, startMark, props.endMark);
    event.anchor = anchor;
    event.tag = tag;
    event.implicit = implicit;
    event.style = ScalarStyle.PLAIN;
    return event;
  }
  setParserErrorContext(
    parser,
    block ? 'while parsing a block node' : 'while parsing a flow node',
    startMark,
    'did not find expected node content',
    token.startMark,
  );
  return null;
}

/** The full tag of a node from its handle and suffix; '' without a tag, null on an undefined handle. */
function resolveTag(parser: YamlParser, props: NodeProperties): string | null {
  if (!props.tagToken) return '';
  if (props.tagHandle.length === 0) return props.tagSuffix;
  const directive = parser.tagDirectives.find((d) => d.handle === props.tagHandle);
  const tag = directive === undefined ? '' : directive.prefix + props.tagSuffix;
  if (tag.length === 0) {
    setParserErrorContext(parser, 'while parsing a node', props.startMark, 'found undefined tag handle', props.tagMark);
    return null;
  }
  return tag;
}

/** Pops the state and mark of a finished collection and makes its end event. */
function collectionEnd(parser: YamlParser, type: EventType, token: Token): YamlEvent {
  popState(parser);
  parser.marks.pop();
  return newEvent(type, token.startMark, token.endMark);
}

/** The error of a collection that does not go on as it must. */
function collectionError(parser: YamlParser, context: string, problem: string, token: Token): null {
  const contextMark = parser.marks.pop()!;
  setParserErrorContext(parser, context, contextMark, problem, token.startMark);
  return null;
}

/** The first call of a collection's entry state: remember where the collection starts and skip its start token. */
function enterCollection(parser: YamlParser): boolean {
  const token = peekToken(parser);
  if (token === null) return false;
  parser.marks.push(token.startMark);
  skipToken(parser);
  return true;
}

/** yaml_parser_parse_block_sequence_entry */
function parseBlockSequenceEntry(parser: YamlParser, first: boolean): YamlEvent | null {
  if (first && !enterCollection(parser)) return null;
  let token = peekToken(parser);
  if (token === null) return null;
  if (token.type === TokenType.BLOCK_ENTRY) {
    const mark = token.endMark;
    const priorHeadLen = parser.headComment?.length ?? 0;
    skipToken(parser);
    if (parser.dialect === 'v3') splitStemComment(parser, priorHeadLen);
    token = peekToken(parser);
    if (token === null) return null;
    if (token.type !== TokenType.BLOCK_ENTRY && token.type !== TokenType.BLOCK_END) {
      parser.states.push(ParserState.BLOCK_SEQUENCE_ENTRY);
      return parseNode(parser, true, false);
    }
    parser.state = ParserState.BLOCK_SEQUENCE_ENTRY;
    return processEmptyScalar(mark);
  }
  if (token.type === TokenType.BLOCK_END) {
    const event = collectionEnd(parser, EventType.SEQUENCE_END, token);
    skipToken(parser);
    return event;
  }
  return collectionError(parser, 'while parsing a block collection', "did not find expected '-' indicator", token);
}

/** yaml_parser_parse_indentless_sequence_entry: a sequence at its mapping key's indentation. */
function parseIndentlessSequenceEntry(parser: YamlParser): YamlEvent | null {
  let token = peekToken(parser);
  if (token === null) return null;
  if (token.type === TokenType.BLOCK_ENTRY) {
    const mark = token.endMark;
    const priorHeadLen = parser.headComment?.length ?? 0;
    skipToken(parser);
    if (parser.dialect === 'v3') splitStemComment(parser, priorHeadLen);
    token = peekToken(parser);
    if (token === null) return null;
    if (
      token.type !== TokenType.BLOCK_ENTRY &&
      token.type !== TokenType.KEY &&
      token.type !== TokenType.VALUE &&
      token.type !== TokenType.BLOCK_END
    ) {
      parser.states.push(ParserState.INDENTLESS_SEQUENCE_ENTRY);
      return parseNode(parser, true, false);
    }
    parser.state = ParserState.INDENTLESS_SEQUENCE_ENTRY;
    return processEmptyScalar(mark);
  }
  popState(parser);
  return newEvent(EventType.SEQUENCE_END, token.startMark, token.startMark);
}

/** yaml_parser_split_stem_comment (v3): a head comment before a nested collection in a sequence entry. */
function splitStemComment(parser: YamlParser, stemLen: number): void {
  if (stemLen === 0) return;
  const token = peekToken(parser);
  if (token === null || (token.type !== TokenType.BLOCK_SEQUENCE_START && token.type !== TokenType.BLOCK_MAPPING_START)) return;
  const head = parser.headComment ?? '';
  parser.stemComment = head.slice(0, stemLen);
  parser.headComment = head.length === stemLen ? null : head.slice(stemLen + 1);
}

/** yaml_parser_parse_block_mapping_key */
function parseBlockMappingKey(parser: YamlParser, first: boolean): YamlEvent | null {
  if (first && !enterCollection(parser)) return null;
  let token = peekToken(parser);
  if (token === null) return null;
  // v3: a tail comment (never set by v3.0.1's scanner or parser, kept for fidelity).
  if (parser.tailComment !== null && parser.tailComment.length > 0) {
    const event = newEvent(EventType.TAIL_COMMENT, token.startMark, token.endMark);
    event.footComment = parser.tailComment;
    parser.tailComment = null;
    return event;
  }
  if (token.type === TokenType.KEY) {
    const mark = token.endMark;
    skipToken(parser);
    token = peekToken(parser);
    if (token === null) return null;
    if (token.type !== TokenType.KEY && token.type !== TokenType.VALUE && token.type !== TokenType.BLOCK_END) {
      parser.states.push(ParserState.BLOCK_MAPPING_VALUE);
      return parseNode(parser, true, true);
    }
    parser.state = ParserState.BLOCK_MAPPING_VALUE;
    return processEmptyScalar(mark);
  }
  if (token.type === TokenType.BLOCK_END) {
    const event = collectionEnd(parser, EventType.MAPPING_END, token);
    if (parser.dialect === 'v3') setEventComments(parser, event);
    skipToken(parser);
    return event;
  }
  return collectionError(parser, 'while parsing a block mapping', 'did not find expected key', token);
}

/** yaml_parser_parse_block_mapping_value */
function parseBlockMappingValue(parser: YamlParser): YamlEvent | null {
  let token = peekToken(parser);
  if (token === null) return null;
  if (token.type === TokenType.VALUE) {
    const mark = token.endMark;
    skipToken(parser);
    token = peekToken(parser);
    if (token === null) return null;
    if (token.type !== TokenType.KEY && token.type !== TokenType.VALUE && token.type !== TokenType.BLOCK_END) {
      parser.states.push(ParserState.BLOCK_MAPPING_KEY);
      return parseNode(parser, true, true);
    }
    parser.state = ParserState.BLOCK_MAPPING_KEY;
    return processEmptyScalar(mark);
  }
  parser.state = ParserState.BLOCK_MAPPING_KEY;
  return processEmptyScalar(token.startMark);
}

/** yaml_parser_parse_flow_sequence_entry */
function parseFlowSequenceEntry(parser: YamlParser, first: boolean): YamlEvent | null {
  if (first && !enterCollection(parser)) return null;
  let token = peekToken(parser);
  if (token === null) return null;
  if (token.type !== TokenType.FLOW_SEQUENCE_END) {
    if (!first) {
      if (token.type !== TokenType.FLOW_ENTRY) {
        return collectionError(parser, 'while parsing a flow sequence', "did not find expected ',' or ']'", token);
      }
      skipToken(parser);
      token = peekToken(parser);
      if (token === null) return null;
    }
    if (token.type === TokenType.KEY) {
      parser.state = ParserState.FLOW_SEQUENCE_ENTRY_MAPPING_KEY;
      const event = newEvent(EventType.MAPPING_START, token.startMark, token.endMark);
      event.implicit = true;
      event.style = CollectionStyle.FLOW;
      skipToken(parser);
      return event;
    }
    if (token.type !== TokenType.FLOW_SEQUENCE_END) {
      parser.states.push(ParserState.FLOW_SEQUENCE_ENTRY);
      return parseNode(parser, false, false);
    }
  }
  const event = collectionEnd(parser, EventType.SEQUENCE_END, token);
  if (parser.dialect === 'v3') setEventComments(parser, event);
  skipToken(parser);
  return event;
}

/** yaml_parser_parse_flow_sequence_entry_mapping_key: `[ ? key : value ]` or `[ key: value ]`. */
function parseFlowSequenceEntryMappingKey(parser: YamlParser): YamlEvent | null {
  const token = peekToken(parser);
  if (token === null) return null;
  if (token.type !== TokenType.VALUE && token.type !== TokenType.FLOW_ENTRY && token.type !== TokenType.FLOW_SEQUENCE_END) {
    parser.states.push(ParserState.FLOW_SEQUENCE_ENTRY_MAPPING_VALUE);
    return parseNode(parser, false, false);
  }
  const mark = token.endMark;
  skipToken(parser);
  parser.state = ParserState.FLOW_SEQUENCE_ENTRY_MAPPING_VALUE;
  return processEmptyScalar(mark);
}

/** yaml_parser_parse_flow_sequence_entry_mapping_value */
function parseFlowSequenceEntryMappingValue(parser: YamlParser): YamlEvent | null {
  const token = peekToken(parser);
  if (token === null) return null;
  if (token.type === TokenType.VALUE) {
    skipToken(parser);
    // Go shadows `token` here, so the empty scalar below is marked at the VALUE token.
    const next = peekToken(parser);
    if (next === null) return null;
    if (next.type !== TokenType.FLOW_ENTRY && next.type !== TokenType.FLOW_SEQUENCE_END) {
      parser.states.push(ParserState.FLOW_SEQUENCE_ENTRY_MAPPING_END);
      return parseNode(parser, false, false);
    }
  }
  parser.state = ParserState.FLOW_SEQUENCE_ENTRY_MAPPING_END;
  return processEmptyScalar(token.startMark);
}

/** yaml_parser_parse_flow_sequence_entry_mapping_end */
function parseFlowSequenceEntryMappingEnd(parser: YamlParser): YamlEvent | null {
  const token = peekToken(parser);
  if (token === null) return null;
  parser.state = ParserState.FLOW_SEQUENCE_ENTRY;
  return newEvent(EventType.MAPPING_END, token.startMark, token.startMark);
}

/** yaml_parser_parse_flow_mapping_key */
function parseFlowMappingKey(parser: YamlParser, first: boolean): YamlEvent | null {
  // Go does not check for a nil token on the first call here; fetching cannot fail at that point.
  if (first && !enterCollection(parser)) return null;
  let token = peekToken(parser);
  if (token === null) return null;
  if (token.type !== TokenType.FLOW_MAPPING_END) {
    if (!first) {
      if (token.type !== TokenType.FLOW_ENTRY) {
        return collectionError(parser, 'while parsing a flow mapping', "did not find expected ',' or '}'", token);
      }
      skipToken(parser);
      token = peekToken(parser);
      if (token === null) return null;
    }
    if (token.type === TokenType.KEY) {
      skipToken(parser);
      token = peekToken(parser);
      if (token === null) return null;
      if (token.type !== TokenType.VALUE && token.type !== TokenType.FLOW_ENTRY && token.type !== TokenType.FLOW_MAPPING_END) {
        parser.states.push(ParserState.FLOW_MAPPING_VALUE);
        return parseNode(parser, false, false);
      }
      parser.state = ParserState.FLOW_MAPPING_VALUE;
      return processEmptyScalar(token.startMark);
    }
    if (token.type !== TokenType.FLOW_MAPPING_END) {
      parser.states.push(ParserState.FLOW_MAPPING_EMPTY_VALUE);
      return parseNode(parser, false, false);
    }
  }
  const event = collectionEnd(parser, EventType.MAPPING_END, token);
  if (parser.dialect === 'v3') setEventComments(parser, event);
  skipToken(parser);
  return event;
}

/** yaml_parser_parse_flow_mapping_value */
function parseFlowMappingValue(parser: YamlParser, empty: boolean): YamlEvent | null {
  let token = peekToken(parser);
  if (token === null) return null;
  if (empty) {
    parser.state = ParserState.FLOW_MAPPING_KEY;
    return processEmptyScalar(token.startMark);
  }
  if (token.type === TokenType.VALUE) {
    skipToken(parser);
    token = peekToken(parser);
    if (token === null) return null;
    if (token.type !== TokenType.FLOW_ENTRY && token.type !== TokenType.FLOW_MAPPING_END) {
      parser.states.push(ParserState.FLOW_MAPPING_KEY);
      return parseNode(parser, false, false);
    }
  }
  parser.state = ParserState.FLOW_MAPPING_KEY;
  return processEmptyScalar(token.startMark);
}

/** yaml_parser_process_empty_scalar */
function processEmptyScalar(mark: Mark): YamlEvent {
  const event = newEvent(EventType.SCALAR, mark, mark);
  event.implicit = true;
  event.style = ScalarStyle.PLAIN;
  return event;
}

const DEFAULT_TAG_DIRECTIVES: readonly TagDirective[] = [
  { handle: '!', prefix: '!' },
  { handle: '!!', prefix: 'tag:yaml.org,2002:' },
];

/** yaml_parser_process_directives: `%YAML` and `%TAG` before a document, then the default handles. */
function processDirectives(parser: YamlParser): boolean {
  let versionSeen = false;
  let token = peekToken(parser);
  if (token === null) return false;
  while (token.type === TokenType.VERSION_DIRECTIVE || token.type === TokenType.TAG_DIRECTIVE) {
    if (token.type === TokenType.VERSION_DIRECTIVE) {
      if (versionSeen) return setParserError(parser, 'found duplicate %YAML directive', token.startMark);
      if (token.major !== 1 || token.minor !== 1) return setParserError(parser, 'found incompatible YAML document', token.startMark);
      versionSeen = true;
    } else if (!appendTagDirective(parser, { handle: token.value, prefix: token.prefix }, false, token.startMark)) {
      return false;
    }
    skipToken(parser);
    token = peekToken(parser);
    if (token === null) return false;
  }
  for (const directive of DEFAULT_TAG_DIRECTIVES) {
    if (!appendTagDirective(parser, directive, true, token.startMark)) return false;
  }
  return true;
}

/** yaml_parser_append_tag_directive */
function appendTagDirective(parser: YamlParser, value: TagDirective, allowDuplicates: boolean, mark: Mark): boolean {
  if (parser.tagDirectives.some((d) => d.handle === value.handle)) {
    return allowDuplicates || setParserError(parser, 'found duplicate %TAG directive', mark);
  }
  parser.tagDirectives.push({ handle: value.handle, prefix: value.prefix });
  return true;
}
