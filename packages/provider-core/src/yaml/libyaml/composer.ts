/**
 * The node composer at the top of go-yaml's decode.go (`type parser`: newParser, expect, peek,
 * fail, anchor, parse, document, alias, scalar, sequence, mapping), building readYamlDocument's
 * RawNode tree from the event stream of the first document, as Go's Unmarshal does. The two
 * dialects differ in how `fail` picks the line it prints and in v3's check of the parser's error
 * state after every peek. A failure is thrown as a ComposeError carrying the text Go puts after
 * "yaml: ".
 *
 * Not in Go: a document nested deeper than LIMITS.yamlDepth collections (counting the levels an
 * alias repeats, as the decoders expand them) stops with YamlTooDeep, before this recursive
 * composer or the recursive code after it runs out of stack (../yamlTooDeep.ts).
 */
import type { RawAlias, RawMap, RawNode, RawScalar, RawScalarStyle, RawSeq } from '../readYamlDocument.js';
import { LIMITS } from '../../limits.js';
import { YamlTooDeep } from '../yamlTooDeep.js';
import { GoRuntimePanic } from './errors.js';
import { parse } from './parser.js';
import { CollectionStyle, ErrorType, EVENT_NAMES, EventType, ScalarStyle, YamlParser, type Dialect, type YamlEvent } from './types.js';

export class ComposeError extends Error {
  constructor(
    message: string,
    /** The line Go prints ("line N: "), 0 when it prints none. */
    readonly line: number,
    /** Where the problem is (1-based), when the reader, scanner or parser found it. */
    readonly position?: { line: number; column: number } | { offset: number },
  ) {
    super(message);
  }
}

function scalarStyleName(style: number): RawScalarStyle {
  if (style & ScalarStyle.DOUBLE_QUOTED) return 'double';
  if (style & ScalarStyle.SINGLE_QUOTED) return 'single';
  if (style & ScalarStyle.LITERAL) return 'literal';
  if (style & ScalarStyle.FOLDED) return 'folded';
  return 'plain';
}

export class Composer {
  private readonly parser: YamlParser;
  private event: YamlEvent | null = null;
  private readonly anchors = new Map<string, RawNode>();
  private doneInit = false;
  /** Collections open around the next node, counting those an alias repeats. */
  private open = 0;
  /** The most collections open at once since the innermost open one started. */
  private reach = 0;
  /** The collection levels of each anchored collection, itself included (what an alias of it adds). */
  private readonly heights = new Map<RawNode, number>();

  /** newParser: an empty input is read as "\n". */
  constructor(
    input: Uint8Array,
    private readonly dialect: Dialect,
  ) {
    this.parser = new YamlParser(input.length === 0 ? new Uint8Array([0x0a]) : input, dialect);
  }

  /** p.init */
  private init(): void {
    if (this.doneInit) return;
    this.expect(EventType.STREAM_START);
    this.doneInit = true;
  }

  /** p.expect: consume an event of the given type. */
  private expect(type: EventType): void {
    if (this.event === null) {
      const event = parse(this.parser);
      if (event === null) this.fail();
      this.event = event;
    }
    if (this.event.type === EventType.STREAM_END) {
      throw new ComposeError('attempted to go past the end of stream; corrupted value?', 0);
    }
    if (this.event.type !== type) {
      this.parser.problem = `expected ${EVENT_NAMES[type]} event but got ${EVENT_NAMES[this.event.type]}`;
      this.fail();
    }
    this.event = null;
  }

  /** p.peek: the next event, parsed if needed. */
  private peek(): YamlEvent {
    if (this.event !== null) return this.event;
    const event = parse(this.parser);
    // v3 also fails when parsing succeeded but left an error behind (go-yaml issue #666).
    if (event === null || (this.dialect === 'v3' && this.parser.error !== ErrorType.NONE)) this.fail();
    this.event = event;
    return event;
  }

  /** p.fail: v3 prefers the context mark's line, v2 the problem mark's; scanner lines are 0-based. */
  private fail(): never {
    const p = this.parser;
    const [first, second] = this.dialect === 'v3' ? [p.contextMark, p.problemMark] : [p.problemMark, p.contextMark];
    let line = 0;
    if (first.line !== 0) {
      line = first.line;
      if (p.error === ErrorType.SCANNER) line++;
    } else if (second.line !== 0) {
      line = second.line;
      if (this.dialect === 'v3' && p.error === ErrorType.SCANNER) line++;
    }
    const where = line !== 0 ? `line ${line}: ` : '';
    const message = p.problem.length > 0 ? p.problem : 'unknown problem parsing YAML content';
    const position =
      p.error === ErrorType.READER ? { offset: p.problemOffset } : { line: p.problemMark.line + 1, column: p.problemMark.column + 1 };
    throw new ComposeError(where + message, line, position);
  }

  /** Opens a collection; past LIMITS.yamlDepth the document is not read. */
  private enter(event: YamlEvent): number {
    this.reach = Math.max(this.reach, this.open + 1);
    if (this.open + 1 > LIMITS.yamlDepth) throw new YamlTooDeep(event.startMark.line + 1, event.startMark.column + 1);
    const outerReach = this.reach;
    this.open++;
    this.reach = this.open;
    return outerReach;
  }

  /** Closes a collection opened by enter, noting its height when it is anchored. */
  private leave(node: RawNode, outerReach: number): void {
    if (node.anchor !== undefined) this.heights.set(node, this.reach - this.open + 1);
    this.open--;
    this.reach = Math.max(outerReach, this.reach);
  }

  /** p.anchor */
  private anchor(node: RawNode, anchor: string | null): void {
    if (anchor !== null) {
      node.anchor = anchor;
      this.anchors.set(anchor, node);
    }
  }

  /** p.parse: the next node; null at the end of the stream (an input with no document). */
  parse(): RawNode | null {
    this.init();
    const event = this.peek();
    switch (event.type) {
      case EventType.SCALAR:
        return this.scalar(event);
      case EventType.ALIAS:
        return this.alias(event);
      case EventType.MAPPING_START:
        return this.mapping(event);
      case EventType.SEQUENCE_START:
        return this.sequence(event);
      case EventType.DOCUMENT_START:
        return this.document();
      case EventType.STREAM_END:
        return null;
      case EventType.TAIL_COMMENT:
        throw new GoRuntimePanic('internal error: unexpected tail comment event (please report)');
      default:
        throw new GoRuntimePanic(`internal error: attempted to parse unknown event (please report): ${EVENT_NAMES[event.type]}`);
    }
  }

  /** parseChild: a node inside a collection or document (never the end of the stream there). */
  private child(): RawNode {
    const node = this.parse();
    if (node === null) throw new GoRuntimePanic('runtime error: invalid memory address or nil pointer dereference');
    return node;
  }

  /** p.document: the document's content node; the document end event is consumed too. */
  private document(): RawNode {
    this.expect(EventType.DOCUMENT_START);
    const content = this.child();
    if (this.dialect === 'v3') this.peek();
    this.expect(EventType.DOCUMENT_END);
    return content;
  }

  /** p.alias: a node of its own that names the anchored node. */
  private alias(event: YamlEvent): RawAlias {
    const name = event.anchor ?? '';
    const target = this.anchors.get(name);
    if (target === undefined) throw new ComposeError(`unknown anchor '${name}' referenced`, 0);
    // An alias of a collection adds its levels here (one still open, inside itself, adds none: the decoders refuse it).
    const repeated = this.open + (this.heights.get(target) ?? 0);
    if (repeated > LIMITS.yamlDepth) throw new YamlTooDeep(event.startMark.line + 1, event.startMark.column + 1);
    this.reach = Math.max(this.reach, repeated);
    const node: RawAlias = {
      kind: 'alias',
      name,
      target,
      tag: undefined,
      line: event.startMark.line + 1,
      column: event.startMark.column + 1,
      anchor: undefined,
    };
    this.expect(EventType.ALIAS);
    return node;
  }

  /** The tag of a node as readYamlDocument keeps it: none for no tag and for the non-specific `!`. */
  private static tagOf(event: YamlEvent): string | undefined {
    return event.tag === '' || event.tag === '!' ? undefined : event.tag;
  }

  /** p.scalar */
  private scalar(event: YamlEvent): RawScalar {
    const style = scalarStyleName(event.style);
    // v3 resolves a plain scalar tagged `!` like an untagged one; v2 keeps it a string.
    const plain = style === 'plain' && (event.tag === '' || (this.dialect === 'v3' && event.tag === '!'));
    const node: RawScalar = {
      kind: 'scalar',
      value: event.value,
      plain,
      tag: Composer.tagOf(event),
      style,
      line: event.startMark.line + 1,
      column: event.startMark.column + 1,
      anchor: undefined,
    };
    this.anchor(node, event.anchor);
    this.expect(EventType.SCALAR);
    return node;
  }

  /** p.sequence */
  private sequence(event: YamlEvent): RawSeq {
    const node: RawSeq = {
      kind: 'seq',
      items: [],
      tag: Composer.tagOf(event),
      flow: event.style === CollectionStyle.FLOW,
      line: event.startMark.line + 1,
      column: event.startMark.column + 1,
      anchor: undefined,
    };
    this.anchor(node, event.anchor);
    this.expect(EventType.SEQUENCE_START);
    const outerReach = this.enter(event);
    while (this.peek().type !== EventType.SEQUENCE_END) node.items.push(this.child());
    this.expect(EventType.SEQUENCE_END);
    this.leave(node, outerReach);
    return node;
  }

  /** p.mapping (v3 also consumes the TAIL-COMMENT event after a value). */
  private mapping(event: YamlEvent): RawMap {
    const node: RawMap = {
      kind: 'map',
      pairs: [],
      tag: Composer.tagOf(event),
      flow: event.style === CollectionStyle.FLOW,
      line: event.startMark.line + 1,
      column: event.startMark.column + 1,
      anchor: undefined,
    };
    this.anchor(node, event.anchor);
    this.expect(EventType.MAPPING_START);
    const outerReach = this.enter(event);
    while (this.peek().type !== EventType.MAPPING_END) {
      const key = this.child();
      const value = this.child();
      node.pairs.push({ key, value });
      if (this.dialect === 'v3' && this.peek().type === EventType.TAIL_COMMENT) this.expect(EventType.TAIL_COMMENT);
    }
    this.expect(EventType.MAPPING_END);
    this.leave(node, outerReach);
    return node;
  }
}
