/**
 * Reads the first YAML document of a text into a small, untyped node tree: scalars keep their
 * source text, their style and any explicit tag, so that the Go-compatible decoders
 * (`decodeCloudConfig` for yaml.v3, `yamlToJson` for yaml.v2) can apply Go's own typing rules.
 *
 * Parsing is a port of go-yaml's libyaml core (./libyaml/): the same reader, scanner, parser and
 * node composer as gopkg.in/yaml.v3 v3.0.1 (`dialect` 'v3') or go.yaml.in/yaml/v2 v2.4.2 ('v2'),
 * so that the same inputs are accepted and rejected, with Go's error texts and lines. As in Go's
 * Unmarshal, only the first document is composed. An alias is a node of its own whose `target` is
 * the very node of its anchor, as in Go's node tree: its decoders count alias expansion, refuse an
 * alias inside its own anchor, and compare alias keys by name.
 */
import { EXCESSIVE_ALIASING } from './aliasLimit.js';
import { ComposeError, Composer } from './libyaml/composer.js';
import { GoRuntimePanic } from './libyaml/errors.js';

export type RawNode = RawScalar | RawMap | RawSeq | RawAlias;
export type RawScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';
interface RawNodeBase {
  /** 1-based line and column of the node's first character (its anchor or tag, if any). */
  line: number;
  column: number;
  /** The anchor the node was defined with (`&name`). */
  anchor: string | undefined;
  /** Explicit tag in long form (`tag:yaml.org,2002:str`) or as written for local tags (`!foo`); the bare `!` counts as none. */
  tag: string | undefined;
}
export interface RawScalar extends RawNodeBase {
  kind: 'scalar';
  value: string;
  /**
   * Subject to implicit typing: a plain (unquoted, not block) scalar without a tag. yaml.v3 also
   * resolves a plain scalar tagged with the bare `!`; yaml.v2 keeps that one a string.
   */
  plain: boolean;
  style: RawScalarStyle;
}
export interface RawMap extends RawNodeBase {
  kind: 'map';
  pairs: { key: RawNode; value: RawNode }[];
  flow: boolean;
}
export interface RawSeq extends RawNodeBase {
  kind: 'seq';
  items: RawNode[];
  flow: boolean;
}
/** `*name`. */
export interface RawAlias extends RawNodeBase {
  kind: 'alias';
  name: string;
  target: RawNode;
}

/** The node an alias stands for (the node itself otherwise). */
export function deref(node: RawNode): Exclude<RawNode, RawAlias>;
export function deref(node: RawNode | null | undefined): Exclude<RawNode, RawAlias> | undefined;
export function deref(node: RawNode | null | undefined): Exclude<RawNode, RawAlias> | undefined {
  let n = node ?? undefined;
  // An alias always names an earlier, complete node, so chains are short; the bound is for safety.
  for (let hops = 0; n?.kind === 'alias' && hops < 1000; hops++) n = n.target;
  return n?.kind === 'alias' ? undefined : n;
}

interface YamlReadError {
  /** What Go prints after "yaml: ", e.g. `line 3: did not find expected key` or `control characters are not allowed`. */
  message: string;
  /** The line number in that message, 0 when it has none. */
  line: number;
  /**
   * Where the problem really is (1-based; the column counts characters), when the reader, scanner
   * or parser found it; Go's printed line is often off by one or points at the enclosing node.
   */
  position: { line: number; column: number } | undefined;
  /** Set when Go would not return an error but crash with a runtime panic (the message is the panic's). */
  goPanic?: true;
}

export type ReadResult = { ok: true; root: RawNode | null } | { ok: false; error: YamlReadError };

export const YAML_TAG_PREFIX = 'tag:yaml.org,2002:';

const encoder = new TextEncoder();

/** Parses the first document of `text` as Go's yaml.v3 or yaml.v2 Unmarshal does. */
export function readYamlDocument(text: string, dialect: 'v2' | 'v3'): ReadResult {
  const bytes = encoder.encode(text);
  try {
    return { ok: true, root: new Composer(bytes, dialect).parse() };
  } catch (e) {
    if (e instanceof ComposeError) {
      const position = e.position && 'offset' in e.position ? positionOfOffset(bytes, e.position.offset) : e.position;
      return { ok: false, error: { message: e.message, line: e.line, position } };
    }
    if (e instanceof GoRuntimePanic) return { ok: false, error: { message: e.message, line: 0, position: undefined, goPanic: true } };
    throw e;
  }
}

/** The line and column of a byte offset of the input (a reader error's position). */
function positionOfOffset(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const lines = new TextDecoder().decode(bytes.subarray(0, offset)).split('\n');
  return { line: lines.length, column: [...lines[lines.length - 1]!].length + 1 };
}

/** Walks a node tree with a budget, so that nested aliases (a "billion laughs") cannot hang us. */
export class ExpansionBudget {
  private left: number;
  constructor(
    limit = 1_000_000,
    private readonly message = EXCESSIVE_ALIASING,
  ) {
    this.left = limit;
  }
  spend(): void {
    if (--this.left < 0) throw new Error(this.message);
  }
}
