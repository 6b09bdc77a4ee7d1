/**
 * Properties of the YAML reader: it returns its result type (never throws) on any text, in both
 * dialects, and documents written from a random tree, in flow (JSON) or block style, read back
 * as that tree.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertySettings } from '../../../test/fastCheckSettings.js';
import { readYamlDocument, type RawNode } from '../readYamlDocument.js';

type Tree = string | Tree[] | { [key: string]: Tree };

const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.array(tie('tree'), { maxLength: 4 }),
    fc.dictionary(fc.string({ unit: 'binary', maxLength: 8 }), tie('tree'), { maxKeys: 4 }),
  ),
})).tree;

/** JSON.stringify, also escaping what YAML reads differently raw: DEL and C1 controls, NEL/LS/PS line breaks, U+FEFF/U+FFFE/U+FFFF. */
function quote(text: string): string {
  return JSON.stringify(text).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function json(value: Tree): string {
  if (typeof value === 'string') return quote(value);
  if (Array.isArray(value)) return `[${value.map(json).join(', ')}]`;
  return `{${Object.keys(value)
    .map((k) => `${quote(k)}: ${json(value[k]!)}`)
    .join(', ')}}`;
}

/** A block-style document: keys and scalars double-quoted (JSON escapes are YAML escapes). */
function block(value: Tree, indent: string): string {
  if (typeof value === 'string') return `${quote(value)}\n`;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]\n';
    return value.map((item) => `${indent}-${nested(item, `${indent}  `)}`).join('');
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return '{}\n';
  return keys.map((k) => `${indent}${quote(k)}:${nested(value[k]!, `${indent}  `)}`).join('');
}

function nested(value: Tree, indent: string): string {
  const isEmpty = typeof value === 'string' || (Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0);
  return isEmpty ? ` ${block(value, indent)}` : `\n${block(value, indent)}`;
}

function toTree(node: RawNode | null): Tree | null {
  if (node === null) return null;
  if (node.kind === 'alias') return toTree(node.target);
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map((item) => toTree(item)!);
  const out: { [key: string]: Tree } = {};
  for (const { key, value } of node.pairs)
    if (key.kind === 'scalar') Object.defineProperty(out, key.value, { value: toTree(value), enumerable: true });
  return out;
}

const dialect = fc.constantFrom<'v2' | 'v3'>('v2', 'v3');

describe('readYamlDocument properties', () => {
  it('returns a result, never throws, on any text', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc
        .array(
          fc.constantFrom(
            'a',
            ':',
            ' ',
            '-',
            '\n',
            '\t',
            '[',
            ']',
            '{',
            '}',
            ',',
            '"',
            "'",
            '#',
            '&',
            '*',
            '!',
            '|',
            '>',
            '?',
            '%',
            '\\',
            '\x01',
            '\u2028',
            '\ufeff',
            '---',
          ),
          { maxLength: 80 },
        )
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(text, dialect, (t, d) => {
        const read = readYamlDocument(t, d);
        expect(typeof read.ok).toBe('boolean');
      }),
      propertySettings,
    );
  });

  it('reads back a tree written as JSON or as block YAML', () => {
    fc.assert(
      fc.property(tree, dialect, fc.boolean(), (value, d, asJson) => {
        const text = asJson ? json(value) : block(value, '');
        const read = readYamlDocument(text, d);
        if (!read.ok) throw new Error(`${read.error.message} in ${JSON.stringify(text)}`);
        expect(toTree(read.root)).toEqual(value);
      }),
      propertySettings,
    );
  });
});
