/**
 * renderYamlForGo lays YAML out itself; before, it built a `yaml` library Document and let the library
 * write it. The text on the device must not change, so this test keeps that Document-based writer
 * (as it was, the string styles included) as the reference and checks both give the same bytes for
 * hostile values: every string generator of the YAML safety tests, lone surrogates, document
 * markers, keys around libyaml's 1024-character limit, numbers of every kind, nesting, and values at
 * the top level.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node, type ScalarTag, type Tags } from 'yaml';
import { propertySettings } from '../../test/fastCheckSettings.js';
import { nastyText } from '../../test/nastyText.js';
import { goTree, hostileText, textWithLoneSurrogate, YAML_WORDS } from '../../test/yamlSafetyText.js';
import { GoFloat, GoInt, type GoValue } from './goJson.js';
import { doubleQuotedYaml, literalKeepsText, renderYamlForGo, unwritableInYaml } from './renderYamlForGo.js';
import { resolvePlainScalar } from './resolveScalar.js';

// ---- The reference: renderYamlForGo as it was, on the `yaml` library (v2) ----

const NEEDS_ESCAPES = /[^\t\n\x20-\x7e\u00a0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\u{10000}-\u{10ffff}]/u;

function wellFormed(text: string): string {
  if (unwritableInYaml(text) === null) return text;
  let out = '';
  for (const ch of text) out += ch.length === 1 && ch >= '\ud800' && ch <= '\udfff' ? '\ufffd' : ch;
  return out;
}

function referenceStringNode(value: string, isKey = false): Scalar {
  const text = wellFormed(value);
  const scalar = new Scalar(text);
  const typed = resolvePlainScalar(text, 'v2').tag !== 'str' || resolvePlainScalar(text, 'v3').tag !== 'str';
  if (NEEDS_ESCAPES.test(text) || typed) scalar.type = Scalar.QUOTE_DOUBLE;
  else if (text.includes('\n')) scalar.type = !isKey && literalKeepsText(text) ? Scalar.BLOCK_LITERAL : Scalar.QUOTE_DOUBLE;
  return scalar;
}

function referenceNode(value: GoValue): Node {
  if (typeof value === 'string') return referenceStringNode(value);
  if (value === null || typeof value === 'boolean') return new Scalar(value);
  if (value instanceof GoInt) return new Scalar(value.value);
  if (value instanceof GoFloat) {
    const scalar = new Scalar(value.value);
    if (Number.isInteger(value.value) && Math.abs(value.value) < 1e21) scalar.minFractionDigits = 1;
    return scalar;
  }
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    seq.items = value.map(referenceNode);
    return seq;
  }
  const map = new YAMLMap();
  map.items = [...value].map(([k, v]) => new Pair(referenceStringNode(k, true), referenceNode(v)));
  return map;
}

function withOurDoubleQuotes(tags: Tags): Tags {
  return tags.map((tag) => {
    if (typeof tag !== 'object' || tag.tag !== 'tag:yaml.org,2002:str' || !('identify' in tag)) return tag;
    const library = tag as ScalarTag;
    const ours: ScalarTag = {
      ...library,
      stringify: (item, ctx, onComment, onChompKeep) =>
        item.type === Scalar.QUOTE_DOUBLE ? doubleQuotedYaml(String(item.value)) : library.stringify!(item, ctx, onComment, onChompKeep),
    };
    return ours;
  });
}

function referenceRender(value: GoValue): string {
  const doc = new Document(undefined, { customTags: withOurDoubleQuotes });
  doc.contents = referenceNode(value);
  return doc.toString({ lineWidth: 0, minContentWidth: 0, blockQuote: 'literal' });
}

// ---- Generators ----

/** Text starting a line with a document marker, which the library writes differently at the top. */
const markerText = fc
  .tuple(fc.constantFrom('---', '...', '%', '--- ', '...x', '%YAML'), hostileText, fc.constantFrom('', '\n', 'x\n'))
  .map(([marker, rest, before]) => `${before}${marker}${rest}`);

const text: fc.Arbitrary<string> = fc.oneof(
  nastyText,
  hostileText,
  textWithLoneSurrogate,
  markerText,
  fc.constantFrom(...YAML_WORDS),
  fc.string({ unit: 'grapheme-ascii', maxLength: 12 }),
);

/** Keys of 1,010 to 1,030 characters written: one side or the other of the explicit-key limit. */
const longKey = fc
  .tuple(fc.integer({ min: 1008, max: 1030 }), fc.constantFrom('', '"', "'", '\u2028', 'x', '\n', 'é', '#', ' '))
  .map(([length, tail]) => 'k'.repeat(length) + tail);

const goFloat = fc
  .oneof(
    fc.double(),
    fc.integer().map(Number),
    fc.constantFrom(0, -0, 1e21, 1e20, -1e21, 123456789e15, 0.1, 5e-324, NaN, Infinity, -Infinity),
  )
  .map((d) => new GoFloat(d));

const scalar: fc.Arbitrary<GoValue> = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 64n - 1n }).map((n) => new GoInt(n)) },
  { weight: 1, arbitrary: goFloat },
);

const key = fc.oneof({ weight: 8, arbitrary: text }, { weight: 1, arbitrary: longKey });
const goValue = goTree(scalar, key);

describe('renderYamlForGo lays text out exactly as the yaml library did', () => {
  it('for any value, nested or at the top level (property)', () => {
    fc.assert(
      fc.property(goValue, (value) => {
        expect(renderYamlForGo(value)).toBe(referenceRender(value));
      }),
      { ...propertySettings, numRuns: propertySettings.numRuns * 20 },
    );
  });

  it('for any string as a value and as a key, at every depth (property)', () => {
    fc.assert(
      fc.property(fc.oneof(text, longKey), scalar, (s, v) => {
        for (const value of [
          s,
          [s],
          new Map([[s, v]]),
          new Map([['k', s]]),
          [new Map<string, GoValue>([[s, s]])],
          new Map([['k', new Map<string, GoValue>([[s, [s]]])]]),
        ]) {
          expect(renderYamlForGo(value)).toBe(referenceRender(value));
        }
      }),
      { ...propertySettings, numRuns: propertySettings.numRuns * 20 },
    );
  });

  it('for the cases that take the library apart from plain text', () => {
    const cases: GoValue[] = [
      '---',
      '--- x',
      '...x\ny',
      '%x',
      ' a\nb',
      'a\n\n',
      '\n\na\n',
      new Map([['---x', '---x']]),
      new Map([['k', new Map([['---x', '...']])]]),
      [],
      new Map(),
      new Map<string, GoValue>([
        ['k', []],
        ['m', new Map()],
        ['s', [[], [[]], new Map()]],
      ]),
      new Map([['k'.repeat(1030), new Map([['a', 'b']])]]),
      new Map([['k'.repeat(1030), ['a']]]),
      new GoFloat(-0),
      new GoFloat(1e21),
      new GoFloat(NaN),
      'say "hi"',
      `it's "x"`,
      "it's",
      'a\\nb',
    ];
    for (const value of cases) expect(renderYamlForGo(value)).toBe(referenceRender(value));
  });

  it('gives the same text once its memo of written strings has been emptied', () => {
    const value = new Map<string, GoValue>([
      ['k', ' a\nb'],
      ['---', ['yes', 'x\n']],
    ]);
    const before = renderYamlForGo(value);
    const huge = `${'x'.repeat(9_000_000)}\n`;
    expect(renderYamlForGo([huge])).toBe(`- |\n  ${huge}`);
    expect(renderYamlForGo(value)).toBe(before);
    expect(before).toBe(referenceRender(value));
  });
});
