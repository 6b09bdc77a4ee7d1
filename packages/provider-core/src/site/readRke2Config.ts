/**
 * Reads an RKE2 config written as YAML (a site's extra config, or a cloud-config's `config:`) the
 * way the provider does (yaml.v2, YAML 1.1), keeping what the checks need: where each top-level
 * key is, and which keys lost their text to YAML 1.1 octal reading.
 */
import { GoInt, goJsonTypeName, type GoObject } from '../yaml/goJson.js';
import { LIMITS } from '../limits.js';
import { mapPairs } from '../yaml/mapPairs.js';
import { deref, ExpansionBudget, readYamlDocument, type RawNode } from '../yaml/readYamlDocument.js';
import { decodeYamlV2Node, type AmbiguousKey } from '../yaml/yamlToJson.js';

/** Keys whose value RKE2 reads as octal text, so an unquoted `0644` (read as 420) breaks them. */
const OCTAL_TEXT_KEYS = ['write-kubeconfig-mode'] as const;

export type Rke2ConfigRead =
  | {
      ok: true;
      config: GoObject;
      /** Line of each top-level key, counted from 1 in the text read (a key a merge key `<<` brings in: where it is written). */
      keyLines: Map<string, number>;
      /**
       * Octal-text keys written unquoted: the value YAML 1.1 gives (420) and the text (0644).
       * `config` holds the text, as the writer meant it; the device would get the number.
       */
      unquotedOctal: { key: string; read: bigint; text: string }[];
      /** The text is empty, or only comments: no settings. */
      empty: boolean;
      /** Different YAML keys that become one JSON key (`1:` and `"1":`): the device keeps either value at random. */
      ambiguousKeys: AmbiguousKey[];
    }
  | { ok: false; problem: 'syntax'; message: string; line: number; column: number }
  | { ok: false; problem: 'not-a-map'; message: string; line: number; column: number };

function topLevel(root: RawNode | null): Map<string, RawNode> {
  const out = new Map<string, RawNode>();
  const map = deref(root);
  if (map?.kind === 'map') for (const { key, value } of map.pairs) if (key.kind === 'scalar') out.set(key.value, deref(value));
  return out;
}

/**
 * Values a config may decode to (LIMITS.extraConfigValues): YAML aliases can make a few lines
 * expand to millions of values ("billion laughs"), which every node would then carry.
 */
const valueBudget = () =>
  new ExpansionBudget(
    LIMITS.extraConfigValues,
    `it expands to more than ${LIMITS.extraConfigValues.toLocaleString('en-US')} values (through YAML aliases?); the designer reads configs of at most that many`,
  );

/** A position at the end of the text (libyaml's mark after the last line break it adds) moved onto its last character. */
function withinText(text: string, at: { line: number; column: number }): { line: number; column: number } {
  const lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  if (at.line <= lines.length) return at;
  return { line: lines.length, column: [...lines[lines.length - 1]!].length + 1 };
}

export function readRke2Config(text: string): Rke2ConfigRead {
  const read = readYamlDocument(text, 'v2');
  if (!read.ok) {
    const { line, column } = withinText(text, read.error.position ?? { line: 1, column: 1 });
    // The position is given apart, so Go's own "line N: " (often one off) is left out of the words.
    return { ok: false, problem: 'syntax', message: read.error.message.replace(/^line \d+: /, ''), line, column };
  }
  const decoded = decodeYamlV2Node(read.root, valueBudget());
  if (!decoded.ok) return { ok: false, problem: 'syntax', message: decoded.error, line: read.root?.line ?? 1, column: 1 };
  const value = decoded.value;
  if (value === null) return { ok: true, config: new Map(), keyLines: new Map(), unquotedOctal: [], empty: true, ambiguousKeys: [] };
  if (!(value instanceof Map)) {
    return {
      ok: false,
      problem: 'not-a-map',
      message: `the settings must be "key: value" lines, but this is a ${goJsonTypeName(value)}`,
      line: read.root?.line ?? 1,
      column: 1,
    };
  }
  const raw = topLevel(read.root);
  const keyLines = new Map<string, number>();
  for (const [name, { key }] of mapPairs(read.root, 'v2')) keyLines.set(name, key.line);
  const unquotedOctal: { key: string; read: bigint; text: string }[] = [];
  for (const key of OCTAL_TEXT_KEYS) {
    const v = value.get(key);
    const source = raw.get(key);
    if (v instanceof GoInt && source?.kind === 'scalar' && source.plain) {
      unquotedOctal.push({ key, read: v.value, text: source.value });
      value.set(key, source.value);
    }
  }
  return { ok: true, config: value, keyLines, unquotedOctal, empty: false, ambiguousKeys: decoded.ambiguous };
}
