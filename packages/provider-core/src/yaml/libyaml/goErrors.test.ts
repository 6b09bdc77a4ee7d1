/**
 * Error texts of the port on small inputs, against what the real provider-rke2 v4.8.2 (yaml.v3
 * v3.0.1 in the Kairos SDK) answered for each as a whole cloud-config: the text after "yaml: ",
 * or null when it read the document (these inputs were run through ../shared/provider-rke2-real).
 */
import { describe, expect, it } from 'vitest';
import { readYamlDocument } from '../readYamlDocument.js';

const REAL_V3: [name: string, input: string, error: string | null][] = [
  ['anchor-empty', 'a: & b\n', 'did not find expected alphabetic or numeric character'],
  ['at-sign', 'a: @b\n', 'found character that cannot start any token'],
  ['bad-escape', 'a: "\\q"\n', 'found unknown escape character'],
  ['bad-hex', 'a: "\\xZZ"\n', 'did not find expected hexdecimal number'],
  ['block-indicator-0', 'a: |0\n  x\n', 'found an indentation indicator equal to 0'],
  ['bom-mid', 'a: b\n\ufeffc: d\n', null],
  ['ctl-early', 'a: \x01\nc: d: e\n', 'control characters are not allowed'],
  ['ctl-in-comment-lookahead', `a: b # c\n${' '.repeat(520)}\x01\n`, 'control characters are not allowed'],
  ['ctl-late', `a: b\nc: d: e\n${'#'.repeat(600)}\n\x01\n`, 'line 2: mapping values are not allowed in this context'],
  ['directive-unknown', '%FOO\n---\na: b\n', 'found unknown directive name'],
  ['doc-in-quoted', 'a: "b\n---\n"\n', 'line 2: found unexpected document indicator'],
  ['dup-tag-directive', '%TAG !a! x\n%TAG !a! y\n---\nb: c\n', 'line 1: found duplicate %TAG directive'],
  ['empty', '', null],
  ['flow-map-unclosed', 'a: {b: c\n', "line 1: did not find expected ',' or '}'"],
  ['key-no-colon', 'a: b\nc\nd: e\n', "line 2: could not find expected ':'"],
  ['long-key', `${'a'.repeat(1030)}: b\n`, 'mapping values are not allowed in this context'],
  ['nel-break', 'a: b\u0085c: d\n', null],
  ['only-comment', '# hi\n', null],
  ['plain-tab', 'a: b\n\tc\n', 'line 2: found a tab character that violates indentation'],
  ['second-doc-error', 'a: b\n---\nc: [\n', null],
  ['seq-in-map', 'a: b\n- c\n', 'line 1: did not find expected key'],
  ['tab-indent', 'a:\n\tb: c\n', 'line 2: found character that cannot start any token'],
  ['tag-handle', 'a: !x!y b\n', 'found undefined tag handle'],
  ['third-doc-error', 'a: b\n---\nc: d\n---\ne: [\n', null],
  ['unclosed-dq', 'a: "b\n', 'line 2: found unexpected end of stream'],
  ['unknown-alias', 'a: *x\n', "unknown anchor 'x' referenced"],
  ['yaml-version', '%YAML 2.0\n---\na: b\n', 'found incompatible YAML document'],
];

describe('readYamlDocument (v3) says what yaml.v3 says', () => {
  it.each(REAL_V3)('%s', (_name, input, error) => {
    const read = readYamlDocument(input, 'v3');
    expect(read.ok ? null : read.error.message).toBe(error);
  });
});

describe('marks and lines', () => {
  it("gives Go's printed line and the real position of the problem", () => {
    // Parser errors print the 0-based line of the token (Go adds 1 only for scanner errors).
    expect(readYamlDocument('a: [x\n  foo: : bar\n', 'v3')).toEqual({
      ok: false,
      error: { message: "line 1: did not find expected ',' or ']'", line: 1, position: { line: 2, column: 6 } },
    });
    expect(readYamlDocument('a: "b\n', 'v3')).toMatchObject({ error: { line: 2, position: { line: 2, column: 1 } } });
  });

  it('positions a reader error at its character, which Go does not print', () => {
    expect(readYamlDocument('a: b\nc: \x7f\n', 'v3')).toEqual({
      ok: false,
      error: { message: 'control characters are not allowed', line: 0, position: { line: 2, column: 4 } },
    });
  });

  it('prints the context line first in v3 and the problem line first in v2', () => {
    const text = 'a:\n  b: [c\n\nd: e\n';
    const v3 = readYamlDocument(text, 'v3');
    const v2 = readYamlDocument(text, 'v2');
    // The real provider (v3): the 0-based line of the `[` (the context mark).
    expect(v3.ok || v3.error.message).toBe("line 1: did not find expected ',' or ']'");
    // v2's fail() takes the problem mark (the `:` after `d`, 0-based line 3) before the context mark.
    expect(v2.ok || v2.error.message).toBe("line 3: did not find expected ',' or ']'");
  });

  it('keeps node lines and columns, 1-based, and an alias as a node naming the anchored node itself', () => {
    const read = readYamlDocument('x:\n  - &a {k: v}\n  - *a\n', 'v2');
    if (!read.ok || read.root?.kind !== 'map') throw new Error('not read');
    const seq = read.root.pairs[0]!.value;
    if (seq.kind !== 'seq') throw new Error('not a sequence');
    expect(seq.items[1]).toMatchObject({ kind: 'alias', name: 'a', line: 3, column: 5 });
    expect(seq.items[1]!.kind === 'alias' && seq.items[1]!.target).toBe(seq.items[0]);
    expect(seq.items[0]).toMatchObject({ kind: 'map', line: 2, column: 5, anchor: 'a', flow: true });
  });

  it('types a plain scalar tagged with the bare ! only in v3', () => {
    const node = (dialect: 'v2' | 'v3') => {
      const read = readYamlDocument('! 12', dialect);
      return read.ok ? read.root : null;
    };
    expect(node('v3')).toMatchObject({ kind: 'scalar', value: '12', plain: true, tag: undefined });
    expect(node('v2')).toMatchObject({ kind: 'scalar', value: '12', plain: false, tag: undefined });
  });

  it('reads only the first document, but v3 looks two tokens further', () => {
    // After `b`, v3 scans ahead to `@`, which cannot start a token; v2 stops at the document end.
    expect(readYamlDocument('a: b\n--- @\n', 'v3')).toMatchObject({
      ok: false,
      error: { message: 'line 2: found character that cannot start any token' },
    });
    expect(readYamlDocument('a: b\n--- @\n', 'v2')).toMatchObject({ ok: true });
  });
});
