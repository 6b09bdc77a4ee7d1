import fc from 'fast-check';
import { goTree } from '../../test/yamlSafetyText.js';
import { describe, expect, it } from 'vitest';
import { propertySettings } from '../../test/fastCheckSettings.js';
import { nastyText } from '../../test/nastyText.js';
import { decodeCloudConfig } from '../kairos/decodeCloudConfig.js';
import { GoFloat, GoInt, marshalGoJson, type GoValue } from './goJson.js';
import { doubleQuotedYaml, literalKeepsText, lostByProviderReencoding, renderYamlForGo, unwritableInYaml } from './renderYamlForGo.js';
import { decodeYamlV2 } from './yamlToJson.js';

const goScalar: fc.Arbitrary<GoValue> = fc.oneof(
  nastyText,
  fc.boolean(),
  fc.constant(null),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 64n - 1n }).map((n) => new GoInt(n)),
  fc
    .double({ noNaN: true, noDefaultInfinity: true })
    .filter((d) => !Object.is(d, -0))
    .map((d) => new GoFloat(d)),
);
const goValue: fc.Arbitrary<GoValue> = goTree(goScalar, nastyText);
const goObject = fc.array(fc.tuple(nastyText, goValue), { maxLength: 6 }).map((entries) => new Map(entries));

describe('renderYamlForGo', () => {
  it('quotes what YAML 1.1 would read as something else', () => {
    const text = renderYamlForGo(
      new Map<string, GoValue>([
        ['write-kubeconfig-mode', '0644'],
        ['yes', 'on'],
        ['n', '08'],
        ['x', '1_000'],
        ['t', '~'],
      ]),
    );
    expect(text).toBe('write-kubeconfig-mode: "0644"\n"yes": "on"\n"n": "08"\nx: "1_000"\nt: "~"\n');
  });

  it('keeps floats floats and big integers digit for digit', () => {
    expect(
      renderYamlForGo(
        new Map<string, GoValue>([
          ['f', new GoFloat(1000)],
          ['i', new GoInt(12345678901234567890n)],
        ]),
      ),
    ).toBe('f: 1000.0\ni: 12345678901234567890\n');
  });

  it('yaml.v2 reads back the same value, whatever it holds (property)', () => {
    fc.assert(
      fc.property(goObject, (value) => {
        const decoded = decodeYamlV2(renderYamlForGo(value));
        expect(decoded.ok).toBe(true);
        if (decoded.ok) expect(marshalGoJson(decoded.value)).toBe(marshalGoJson(value));
      }),
      propertySettings,
    );
  });

  it('yaml.v3 reads strings back as the same strings inside a cloud-config (property)', () => {
    fc.assert(
      fc.property(nastyText, nastyText, (token, config) => {
        const text = renderYamlForGo(
          new Map([
            [
              'cluster',
              new Map<string, GoValue>([
                ['cluster_token', token],
                ['config', config],
              ]),
            ],
          ]),
        );
        const decoded = decodeCloudConfig(text);
        expect(decoded).toEqual({ kind: 'cluster', cluster: { cluster_token: token, config } });
      }),
      propertySettings,
    );
  });

  it('escapes every character libyaml refuses raw or reads as a line break, in values and keys', () => {
    const hostile = 'a\0\x07\x1b\x7f\x80\x85\x9f\u2028\u2029\ufeff\ufffe\uffff\r\tz';
    expect(
      renderYamlForGo(
        new Map<string, GoValue>([
          ['v', hostile],
          [hostile, ['x\u2028']],
        ]),
      ),
    ).toBe(
      'v: "a\\0\\a\\e\\x7F\\x80\\N\\x9F\\L\\P\\uFEFF\\uFFFE\\uFFFF\\r\\tz"\n"a\\0\\a\\e\\x7F\\x80\\N\\x9F\\L\\P\\uFEFF\\uFFFE\\uFFFF\\r\\tz":\n  - "x\\L"\n',
    );
  });

  it('keeps printable text raw inside double quotes, emoji and U+00A0 included', () => {
    expect(doubleQuotedYaml('é 🔑\u00a0"\\\n')).toBe('"é 🔑\u00a0\\"\\\\\\n"');
  });

  it('writes multi-line text as a literal block only when libyaml reads the block back as the same text', () => {
    expect(
      renderYamlForGo(
        new Map<string, GoValue>([
          ['a', 'x\ny\n'],
          ['b', ' x\ny'],
          ['c', 'x\n\ty'],
          ['d', 'x\n\n'],
        ]),
      ),
    ).toBe('a: |\n  x\n  y\nb: |2-\n   x\n  y\nc: |-\n  x\n  \ty\nd: |+\n  x\n\n');
    // A TAB before libyaml knows the block's indentation, a last line of blanks, only blanks, CR.
    for (const text of ['\tx\ny', '\n\tx', 'x\n  ', 'x\n\t', ' \n', '\n', 'x\r\ny']) {
      expect(literalKeepsText(text)).toBe(false);
      expect(renderYamlForGo(new Map([['k', text]]))).toBe(`k: ${doubleQuotedYaml(text)}\n`);
    }
    // Keys never become blocks.
    expect(renderYamlForGo(new Map([['x\ny', 'v']]))).toBe('"x\\ny": v\n');
  });

  it('writes keys longer than libyaml allows for a simple key as explicit keys', () => {
    const key = `${'k'.repeat(1100)}\u2028`;
    expect(renderYamlForGo(new Map([[key, 'v']]))).toBe(`? "${'k'.repeat(1100)}\\L"\n: v\n`);
  });

  it('refuses lone surrogates only, and writes U+FFFD for them', () => {
    expect(unwritableInYaml('a\ud800b')).toMatch(/lone UTF-16 surrogate, U\+D800, at position 2/);
    expect(unwritableInYaml('\udc00')).not.toBeNull();
    expect(unwritableInYaml('🔑\0\u2028\ufffe\uffff\ufeff\x7f\x85')).toBeNull();
    expect(renderYamlForGo(new Map([['k', 'a\ud800\u0085']]))).toBe('k: "a\ufffd\\N"\n');
    expect(renderYamlForGo(new Map([['k', '\udc00x']]))).toBe('k: \ufffdx\n');
  });

  it('names the tokens and hosts provider-rke2 itself would change (measured on the real plugin)', () => {
    expect(lostByProviderReencoding('\nabc', 'cluster_token')).toMatch(/cluster token has several lines/);
    expect(lostByProviderReencoding('\tx\ny', 'cluster_token')).not.toBeNull();
    expect(lostByProviderReencoding(' x\ny', 'cluster_token')).toBeNull(); // a `|4-` at the top level reads back
    expect(lostByProviderReencoding(' x\ny', 'control_plane_host')).toMatch(/control-plane host/); // not as a tls-san item
    expect(lostByProviderReencoding('x\ny', 'control_plane_host')).toBeNull();
    expect(lostByProviderReencoding('\nx ', 'control_plane_host')).toBeNull(); // yaml.v3 double-quotes it
    expect(lostByProviderReencoding('\t\u2028', 'cluster_token')).toBeNull(); // one line
  });
});
