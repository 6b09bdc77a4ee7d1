import { describe, expect, it } from 'vitest';
import { emitYamlV3, yint, ymap, yseq, ystr } from './yamlV3Emitter.js';

const value = (s: string) => emitYamlV3(ymap([['k', ystr(s)]]));

describe('emitYamlV3 scalar styles (yaml.v3 rules)', () => {
  it.each([
    ['plain text', 'k: plain text\n'],
    ['', 'k: ""\n'],
    ['yes', 'k: "yes"\n'],
    ['0755', 'k: "0755"\n'],
    ['1:20', 'k: "1:20"\n'],
    ['2024-01-15', 'k: "2024-01-15"\n'],
    ['2024-02-30', 'k: 2024-02-30\n'],
    ['<<', 'k: "<<"\n'],
    ['[fd00::1]', "k: '[fd00::1]'\n"],
    ["it's: x", "k: 'it''s: x'\n"],
    ['a #b', "k: 'a #b'\n"],
    ['a#b', 'k: a#b\n'],
    [' lead', "k: ' lead'\n"],
    ['tab\there', 'k: "tab\\there"\n'],
    ['key 🔑 "q" \\', 'k: "key \\U0001F511 \\"q\\" \\\\"\n'],
    ['é ñ ✓ 東', 'k: é ñ ✓ 東\n'],
    ['bom\ufeff', 'k: "bom\\uFEFF"\n'],
    ['a\nb', 'k: |-\n    a\n    b\n'],
    ['a\nb\n', 'k: |\n    a\n    b\n'],
    ['a\n\n', 'k: |+\n    a\n\n'],
    [' a\nb', 'k: |4-\n     a\n    b\n'],
    ['trailing \nx', 'k: "trailing \\nx"\n'],
  ])('%j', (input, expected) => {
    expect(value(input)).toBe(expected);
  });

  it('indents nested collections the way yaml.v3 does', () => {
    const doc = ymap([
      [
        'stages',
        ymap([
          [
            'boot',
            yseq([
              ymap([
                ['commands', yseq([ystr('a')])],
                ['x', yint(256)],
                ['n', yint(1)],
              ]),
            ]),
          ],
        ]),
      ],
      ['empty', yseq([])],
    ]);
    expect(emitYamlV3(doc)).toBe(
      'stages:\n    boot:\n        - commands:\n            - a\n          x: 256\n          "n": 1\nempty: []\n',
    );
  });

  it('never folds long lines', () => {
    const long = 'x '.repeat(5000).trim();
    expect(value(long)).toBe(`k: ${long}\n`);
  });
});
