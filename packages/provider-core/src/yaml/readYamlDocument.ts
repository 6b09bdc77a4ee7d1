/**
 * Reads the first YAML document of a text into a small, untyped node tree: scalars keep their
 * source text, their style (plain or not) and any explicit tag, so that the Go-compatible decoders
 * (`decodeCloudConfig` for yaml.v3, `yamlToJson` for yaml.v2) can apply Go's own typing rules.
 *
 * Parsing is done by the `yaml` library with its failsafe schema (every scalar is text). Like Go's
 * decoders, only the first document is read; aliases point at the anchored node.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';

export type RawNode = RawScalar | RawMap | RawSeq | RawAlias;
export interface RawScalar {
  kind: 'scalar';
  value: string;
  /** Written unquoted and not as a block scalar. */
  plain: boolean;
  /** Explicit tag in long form (`tag:yaml.org,2002:str`), as written for local tags (`!foo`), or `!`. */
  tag: string | undefined;
  line: number;
}
/** `*name`: the anchored node itself is `target` (Go's decoders treat an alias as a node of its own). */
export interface RawAlias {
  kind: 'alias';
  name: string;
  target: RawNode;
  line: number;
}
export interface RawMap {
  kind: 'map';
  /** Explicit tag, as for scalars. */
  tag?: string | undefined;
  pairs: { key: RawNode; value: RawNode }[];
  line: number;
}
interface RawSeq {
  kind: 'seq';
  /** Explicit tag, as for scalars. */
  tag?: string | undefined;
  items: RawNode[];
  line: number;
}

interface YamlSyntaxError {
  message: string;
  line: number;
  column: number;
}

export type ReadResult = { ok: true; root: RawNode | null } | { ok: false; error: YamlSyntaxError };

export const YAML_TAG_PREFIX = 'tag:yaml.org,2002:';

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

class NodeConverter {
  private readonly converted = new Map<Node, RawNode>();

  constructor(
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  private lineOf(node: Node | null | undefined): number {
    const offset = node?.range?.[0];
    return offset === undefined ? 0 : this.lines.linePos(offset).line;
  }

  convert(node: Node | null | undefined, line: number): RawNode {
    if (node === null || node === undefined) {
      return { kind: 'scalar', value: '', plain: true, tag: undefined, line };
    }
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      if (!target) throw new Error(`unknown anchor '${node.source}' referenced`);
      return { kind: 'alias', name: node.source, target: this.convert(target as Node, this.lineOf(node)), line: this.lineOf(node) };
    }
    const done = this.converted.get(node);
    if (done) return done;
    const nodeLine = this.lineOf(node) || line;
    if (isScalar(node)) {
      const tag = node.tag;
      const value = node.value === null || node.value === undefined ? '' : String(node.value);
      const plain = node.type === 'PLAIN';
      const raw: RawScalar = { kind: 'scalar', value, plain, tag, line: nodeLine };
      this.converted.set(node, raw);
      return raw;
    }
    if (isMap(node)) {
      const raw: RawMap = { kind: 'map', tag: node.tag, pairs: [], line: nodeLine };
      this.converted.set(node, raw);
      for (const pair of node.items) {
        const key = this.convert(pair.key as Node | null, nodeLine);
        raw.pairs.push({ key, value: this.convert(pair.value as Node | null, key.line) });
      }
      return raw;
    }
    if (isSeq(node)) {
      const raw: RawSeq = { kind: 'seq', tag: node.tag, items: [], line: nodeLine };
      this.converted.set(node, raw);
      for (const item of node.items) raw.items.push(this.convert(item as Node | null, nodeLine));
      return raw;
    }
    throw new Error('unsupported YAML node');
  }
}

/** Parses the first document of `text`; a syntax error comes back with its line and column. */
export function readYamlDocument(text: string): ReadResult {
  const lines = new LineCounter();
  const docs = parseAllDocuments(text, {
    schema: 'failsafe',
    uniqueKeys: false,
    lineCounter: lines,
    strict: false,
    prettyErrors: false,
  });
  if (!Array.isArray(docs) || docs.length === 0) return { ok: true, root: null };
  const doc = docs[0]!;
  const error = doc.errors[0];
  if (error) {
    const pos = lines.linePos(error.pos[0]);
    return { ok: false, error: { message: firstLine(error.message), line: pos.line, column: pos.col } };
  }
  if (doc.contents === null) return { ok: true, root: null };
  try {
    return { ok: true, root: new NodeConverter(doc, lines).convert(doc.contents as Node, 1) };
  } catch (e) {
    return { ok: false, error: { message: (e as Error).message, line: 1, column: 1 } };
  }
}

/** The node an alias stands for (the node itself otherwise). */
export function deref(node: RawNode): Exclude<RawNode, RawAlias>;
export function deref(node: RawNode | undefined): Exclude<RawNode, RawAlias> | undefined;
export function deref(node: RawNode | undefined): Exclude<RawNode, RawAlias> | undefined {
  let n = node;
  for (let hops = 0; n?.kind === 'alias' && hops < 1000; hops++) n = n.target;
  return n?.kind === 'alias' ? undefined : n;
}

/** Walks a node tree with a budget, so that nested aliases (a "billion laughs") cannot hang us. */
export class ExpansionBudget {
  private left: number;
  constructor(
    limit = 1_000_000,
    private readonly message = 'document contains excessive aliasing',
  ) {
    this.left = limit;
  }
  spend(): void {
    if (--this.left < 0) throw new Error(this.message);
  }
}
