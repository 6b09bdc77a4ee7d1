/** Checks shared by the YAML safety tests: what libyaml's reader accepts, and values compared strictly. */
import { GoFloat, GoInt, type GoValue } from '../src/yaml/goJson.js';
import { readYamlDocument, type RawNode } from '../src/yaml/readYamlDocument.js';
import { resolvePlainScalar } from '../src/yaml/resolveScalar.js';
import { goValueOf } from '../src/yaml/yamlToJson.js';

/**
 * The characters our YAML text may hold: what libyaml's reader (yaml.v2 and yaml.v3,
 * yaml_parser_update_buffer) accepts raw, minus its other line breaks (CR, U+0085, U+2028, U+2029)
 * and U+FEFF (dropped as a byte order mark at the start of a line).
 */
const READABLE = /^[\t\n\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\u{10000}-\u{10ffff}]*$/u;

/** Null when every character of `text` is one libyaml reads as itself, else the first other one and where. */
export function unreadableCharacter(text: string): string | null {
  if (READABLE.test(text)) return null;
  let index = 0;
  for (const ch of text) {
    if (!READABLE.test(ch))
      return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at ${index} in ${JSON.stringify(text.slice(Math.max(0, index - 20), index + 20))}`;
    index += ch.length;
  }
  return `a lone surrogate in ${JSON.stringify(text)}`;
}

/** A value as a plain tree that `toEqual` compares strictly: kinds, integer digits, float bits, map order. */
export type Canon = unknown;
export function canon(value: GoValue): Canon {
  if (value === null) return ['null'];
  if (typeof value === 'string') return ['str', value];
  if (typeof value === 'boolean') return ['bool', value];
  if (value instanceof GoInt) return ['int', value.value.toString()];
  if (value instanceof GoFloat) return ['float', Object.is(value.value, -0) ? '-0' : String(value.value)];
  if (Array.isArray(value)) return ['seq', value.map(canon)];
  return ['map', [...value].map(([k, v]) => [k, canon(v)])];
}

/** `text` with each lone surrogate as U+FFFD, as UTF-8 encoding (and renderYamlForGo) writes it. */
export function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

export function wellFormedValue(value: GoValue): GoValue {
  if (typeof value === 'string') return wellFormed(value);
  if (Array.isArray(value)) return value.map(wellFormedValue);
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [wellFormed(k), wellFormedValue(v)]));
  return value;
}

/**
 * yaml.v3's reading of a document into `interface{}` for the values the designer writes: plain
 * scalars typed with v3's resolver (only true/false are booleans), everything else a string.
 */
export function readYamlV3(text: string): { ok: true; value: GoValue } | { ok: false; error: string } {
  const read = readYamlDocument(text, 'v3');
  if (!read.ok) return { ok: false, error: read.error.message };
  const convert = (node: RawNode | null): GoValue => {
    if (node === null) return null;
    if (node.kind === 'alias') return convert(node.target);
    if (node.kind === 'seq') return node.items.map(convert);
    if (node.kind === 'map')
      return new Map(
        node.pairs.map(({ key, value }) => [key.kind === 'scalar' ? key.value : JSON.stringify(convert(key)), convert(value)]),
      );
    if (!node.plain || node.tag !== undefined) return node.value;
    return goValueOf(resolvePlainScalar(node.value, 'v3'), node.value);
  };
  return { ok: true, value: convert(read.root) };
}
