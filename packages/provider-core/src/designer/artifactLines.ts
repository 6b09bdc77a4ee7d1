/**
 * Where a value sits in a node's generated files, found by reading the file, not by searching its
 * text: YAML (and the JSON of the merged config.yaml, which YAML reads) through the same Go-faithful
 * reader the provider port uses (yaml/readYamlDocument.ts, which keeps every node's 1-based line),
 * the `cluster.config` block of the user-data by reading its text and shifting its lines, and
 * sysctl.d files by their `key = value` lines (systemd `sysctl.d(5)`).
 */
import { deref, readYamlDocument, type RawNode } from '../yaml/readYamlDocument.js';
import type { NodeArtifact } from './nodeArtifacts.js';

/** One line of a node's file: the artifact id (as the preview's Files tab names it), its path, the 1-based line and its text. */
export interface ArtifactLine {
  file: string;
  path: string;
  line: number;
  text: string;
}

/** A YAML tree's root, or undefined when the text does not parse (then nothing is located in it). */
export function readYamlTree(text: string, dialect: 'v2' | 'v3'): RawNode | undefined {
  const read = readYamlDocument(text, dialect);
  return read.ok ? deref(read.root) : undefined;
}

/** The key and value of `key` in a mapping node. */
export function entryOf(node: RawNode | undefined, key: string): { key: RawNode; value: RawNode } | undefined {
  const map = deref(node);
  if (map?.kind !== 'map') return undefined;
  const pair = map.pairs.find((p) => p.key.kind === 'scalar' && p.key.value === key);
  return pair && { key: pair.key, value: deref(pair.value) };
}

/** The value at a path of mapping keys. */
export function valueAt(node: RawNode | undefined, keys: readonly string[]): RawNode | undefined {
  return keys.reduce<RawNode | undefined>((at, key) => entryOf(at, key)?.value, node);
}

export function itemsOf(node: RawNode | undefined): RawNode[] {
  const seq = deref(node);
  return seq?.kind === 'seq' ? seq.items.map((item) => deref(item)) : [];
}

export function scalarText(node: RawNode | undefined): string | undefined {
  const scalar = deref(node);
  return scalar?.kind === 'scalar' ? scalar.value : undefined;
}

/** Each artifact's text split into lines once, however many of its lines are asked for (a file can have 20,000 of them). */
const splitLines = new WeakMap<NodeArtifact, { text: string; lines: readonly string[] }>();

function linesOf(artifact: NodeArtifact): readonly string[] {
  const known = splitLines.get(artifact);
  // The same string (compared by reference first), so a text replaced since is split again.
  if (known?.text === artifact.text) return known.lines;
  const lines = artifact.text.split('\n');
  splitLines.set(artifact, { text: artifact.text, lines });
  return lines;
}

/** A line of an artifact, with its text. */
export function artifactLine(artifact: NodeArtifact, line: number): ArtifactLine {
  return { file: artifact.id, path: artifact.path, line, text: linesOf(artifact)[line - 1] ?? '' };
}

/**
 * A YAML text embedded as a block scalar (`config: |`): its tree and the shift from its lines to
 * the file's. A literal block's content starts on the line after its indicator, so content line n
 * is file line `indicator + n`. A config written as a quoted scalar (one line in the file) has no
 * such mapping: its lines all point at the key's line.
 */
export function embeddedYaml(
  entry: { key: RawNode; value: RawNode } | undefined,
): { root: RawNode | undefined; fileLine: (n: number) => number } | undefined {
  const scalar = entry && deref(entry.value);
  if (scalar?.kind !== 'scalar') return undefined;
  const root = readYamlTree(scalar.value, 'v2');
  const keyLine = entry!.key.line;
  return { root, fileLine: scalar.style === 'literal' ? (n) => scalar.line + n : () => keyLine };
}

/** The line of each key of a sysctl.d file; comments (`#`, `;`) and blank lines are skipped, a later line wins. */
export function sysctlConfLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) return;
    const eq = line.indexOf('=');
    // A leading "-" means "ignore a failure to set it" (sysctl.d(5)); the key is what follows.
    const key = (eq === -1 ? line : line.slice(0, eq)).trim().replace(/^-/, '');
    if (key) lines.set(key, i + 1);
  });
  return lines;
}
