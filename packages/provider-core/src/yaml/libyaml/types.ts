/**
 * The data of go-yaml's libyaml port (yamlh.go, yamlprivateh.go): marks, tokens, events, comments,
 * simple keys and the parser state `yaml_parser_t`, for both dialects this reader supports:
 * gopkg.in/yaml.v3 v3.0.1 ('v3') and go.yaml.in/yaml/v2 v2.4.2 ('v2'). The two share these
 * structures; v2 simply never fills the comment fields.
 */

export type Dialect = 'v2' | 'v3';

/** yaml_mark_t: a position in characters (not bytes), 0-based line and column. */
export interface Mark {
  index: number;
  line: number;
  column: number;
}

export function copyMark(mark: Mark): Mark {
  return { index: mark.index, line: mark.line, column: mark.column };
}

export const ZERO_MARK: Mark = Object.freeze({ index: 0, line: 0, column: 0 });

/** yaml_error_type_t (only the kinds the reader, scanner and parser set). */
export const ErrorType = { NONE: 0, READER: 2, SCANNER: 3, PARSER: 4 } as const;
export type ErrorType = (typeof ErrorType)[keyof typeof ErrorType];

/** yaml_token_type_t */
export const TokenType = {
  NO: 0,
  STREAM_START: 1,
  STREAM_END: 2,
  VERSION_DIRECTIVE: 3,
  TAG_DIRECTIVE: 4,
  DOCUMENT_START: 5,
  DOCUMENT_END: 6,
  BLOCK_SEQUENCE_START: 7,
  BLOCK_MAPPING_START: 8,
  BLOCK_END: 9,
  FLOW_SEQUENCE_START: 10,
  FLOW_SEQUENCE_END: 11,
  FLOW_MAPPING_START: 12,
  FLOW_MAPPING_END: 13,
  BLOCK_ENTRY: 14,
  FLOW_ENTRY: 15,
  KEY: 16,
  VALUE: 17,
  ALIAS: 18,
  ANCHOR: 19,
  TAG: 20,
  SCALAR: 21,
} as const;
export type TokenType = (typeof TokenType)[keyof typeof TokenType];

/** yaml_event_type_t */
export const EventType = {
  NO: 0,
  STREAM_START: 1,
  STREAM_END: 2,
  DOCUMENT_START: 3,
  DOCUMENT_END: 4,
  ALIAS: 5,
  SCALAR: 6,
  SEQUENCE_START: 7,
  SEQUENCE_END: 8,
  MAPPING_START: 9,
  MAPPING_END: 10,
  TAIL_COMMENT: 11,
} as const;
export type EventType = (typeof EventType)[keyof typeof EventType];

/** eventStrings: the names Go's yaml_event_type_t.String() prints. */
export const EVENT_NAMES: readonly string[] = [
  'none',
  'stream start',
  'stream end',
  'document start',
  'document end',
  'alias',
  'scalar',
  'sequence start',
  'sequence end',
  'mapping start',
  'mapping end',
  'tail comment',
];

/** yaml_scalar_style_t (a bit set, as in Go). */
export const ScalarStyle = { ANY: 0, PLAIN: 1, SINGLE_QUOTED: 2, DOUBLE_QUOTED: 4, LITERAL: 8, FOLDED: 16 } as const;
export type ScalarStyle = (typeof ScalarStyle)[keyof typeof ScalarStyle];

/** yaml_sequence_style_t / yaml_mapping_style_t */
export const CollectionStyle = { ANY: 0, BLOCK: 1, FLOW: 2 } as const;
export type CollectionStyle = (typeof CollectionStyle)[keyof typeof CollectionStyle];

/**
 * yaml_token_t. Byte strings of Go (`value`, `suffix`, `prefix`) are kept as JavaScript strings,
 * decoded once when the token is made: the reader guarantees valid UTF-8 for all of them but the
 * octets of a `%`-escaped tag URI, which Go would keep as raw bytes.
 */
export interface Token {
  type: TokenType;
  startMark: Mark;
  endMark: Mark;
  /** Anchor/alias name, scalar value, tag handle, %TAG handle. */
  value: string;
  /** Tag suffix. */
  suffix: string;
  /** %TAG prefix. */
  prefix: string;
  style: ScalarStyle;
  major: number;
  minor: number;
}

export function newToken(type: TokenType, startMark: Mark, endMark: Mark): Token {
  return { type, startMark, endMark, value: '', suffix: '', prefix: '', style: ScalarStyle.ANY, major: 0, minor: 0 };
}

/** yaml_event_t (the fields the node composer reads, plus v3's comments). */
export interface YamlEvent {
  type: EventType;
  startMark: Mark;
  endMark: Mark;
  /** null when the node has no anchor (Go's nil slice). */
  anchor: string | null;
  tag: string;
  value: string;
  implicit: boolean;
  quotedImplicit: boolean;
  style: number;
  headComment: string;
  lineComment: string;
  footComment: string;
}

export function newEvent(type: EventType, startMark: Mark, endMark: Mark): YamlEvent {
  return {
    type,
    startMark,
    endMark,
    anchor: null,
    tag: '',
    value: '',
    implicit: false,
    quotedImplicit: false,
    style: 0,
    headComment: '',
    lineComment: '',
    footComment: '',
  };
}

/** yaml_comment_t (v3 only). */
export interface YamlComment {
  scanMark: Mark;
  tokenMark: Mark;
  startMark: Mark;
  endMark: Mark;
  head: string;
  line: string;
  foot: string;
}

/** yaml_simple_key_t */
export interface SimpleKey {
  possible: boolean;
  required: boolean;
  tokenNumber: number;
  mark: Mark;
}

/** yaml_tag_directive_t */
export interface TagDirective {
  handle: string;
  prefix: string;
}

/** yaml_parser_state_t */
export const ParserState = {
  STREAM_START: 0,
  IMPLICIT_DOCUMENT_START: 1,
  DOCUMENT_START: 2,
  DOCUMENT_CONTENT: 3,
  DOCUMENT_END: 4,
  BLOCK_NODE: 5,
  BLOCK_NODE_OR_INDENTLESS_SEQUENCE: 6,
  FLOW_NODE: 7,
  BLOCK_SEQUENCE_FIRST_ENTRY: 8,
  BLOCK_SEQUENCE_ENTRY: 9,
  INDENTLESS_SEQUENCE_ENTRY: 10,
  BLOCK_MAPPING_FIRST_KEY: 11,
  BLOCK_MAPPING_KEY: 12,
  BLOCK_MAPPING_VALUE: 13,
  FLOW_SEQUENCE_FIRST_ENTRY: 14,
  FLOW_SEQUENCE_ENTRY: 15,
  FLOW_SEQUENCE_ENTRY_MAPPING_KEY: 16,
  FLOW_SEQUENCE_ENTRY_MAPPING_VALUE: 17,
  FLOW_SEQUENCE_ENTRY_MAPPING_END: 18,
  FLOW_MAPPING_FIRST_KEY: 19,
  FLOW_MAPPING_KEY: 20,
  FLOW_MAPPING_VALUE: 21,
  FLOW_MAPPING_EMPTY_VALUE: 22,
  END: 23,
} as const;
export type ParserState = (typeof ParserState)[keyof typeof ParserState];

/** yamlprivateh.go: input_raw_buffer_size and input_buffer_size. */
export const INPUT_RAW_BUFFER_SIZE = 512;
export const INPUT_BUFFER_SIZE = INPUT_RAW_BUFFER_SIZE * 3;

/**
 * yaml_parser_t, as yaml_parser_initialize and yaml_parser_set_input_string leave it. Go's slices
 * with a length and a capacity become a fixed Uint8Array plus a length (`rawBufferLen`,
 * `bufferLen`), so that the bytes left over from earlier chunks sit where Go has them.
 */
export class YamlParser {
  error: ErrorType = ErrorType.NONE;
  problem = '';
  problemOffset = 0;
  problemValue = 0;
  problemMark: Mark = ZERO_MARK;
  context = '';
  contextMark: Mark = ZERO_MARK;

  input: Uint8Array;
  inputPos = 0;
  eof = false;

  readonly buffer = new Uint8Array(INPUT_BUFFER_SIZE);
  bufferLen = 0;
  bufferPos = 0;
  unread = 0;
  newlines = 0;

  readonly rawBuffer = new Uint8Array(INPUT_RAW_BUFFER_SIZE);
  rawBufferLen = 0;
  rawBufferPos = 0;
  /** yaml_ANY_ENCODING until yaml_parser_determine_encoding ran; only UTF-8 can follow (see reader.ts). */
  encodingKnown = false;
  offset = 0;
  /** The current position; mutated in place by skip/read, so copy it (copyMark) to keep it. */
  readonly mark: Mark = { index: 0, line: 0, column: 0 };

  headComment: string | null = null;
  lineComment: string | null = null;
  footComment: string | null = null;
  tailComment: string | null = null;
  stemComment: string | null = null;
  comments: YamlComment[] = [];
  commentsHead = 0;

  streamStartProduced = false;
  streamEndProduced = false;
  flowLevel = 0;

  tokens: Token[] = [];
  tokensHead = 0;
  tokensParsed = 0;
  tokenAvailable = false;

  indent = 0;
  indents: number[] = [];

  simpleKeyAllowed = false;
  simpleKeys: SimpleKey[] = [];
  simpleKeysByTok = new Map<number, number>();

  state: ParserState = ParserState.STREAM_START;
  states: ParserState[] = [];
  marks: Mark[] = [];
  tagDirectives: TagDirective[] = [];

  constructor(
    input: Uint8Array,
    readonly dialect: Dialect,
  ) {
    this.input = input;
  }
}
