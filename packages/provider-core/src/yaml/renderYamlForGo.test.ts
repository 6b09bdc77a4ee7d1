import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertySettings } from '../../test/fastCheckSettings.js';
import { nastyText } from '../../test/nastyText.js';
import { decodeCloudConfig } from '../kairos/decodeCloudConfig.js';
import { GoFloat, GoInt, marshalGoJson, type GoValue } from './goJson.js';
import { renderYamlForGo } from './renderYamlForGo.js';
import { decodeYamlV2 } from './yamlToJson.js';

const goScalar: fc.Arbitrary<GoValue> = fc.oneof(
  nastyText,
  fc.boolean(),
  fc.constant(null),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 64n - 1n }).map((n) => new GoInt(n)),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Object.is(d, -0)).map((d) => new GoFloat(d)),
);
const goValue: fc.Arbitrary<GoValue> = fc.letrec<{ value: GoValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    goScalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.array(fc.tuple(nastyText, tie('value')), { maxLength: 4 }).map((entries) => new Map(entries)),
  ),
})).value;
const goObject = fc.array(fc.tuple(nastyText, goValue), { maxLength: 6 }).map((entries) => new Map(entries));

describe('renderYamlForGo', () => {
  it('quotes what YAML 1.1 would read as something else', () => {
    const text = renderYamlForGo(new Map<string, GoValue>([['write-kubeconfig-mode', '0644'], ['yes', 'on'], ['n', '08'], ['x', '1_000'], ['t', '~']]));
    expect(text).toBe('write-kubeconfig-mode: "0644"\n"yes": "on"\n"n": "08"\nx: "1_000"\nt: "~"\n');
  });

  it('keeps floats floats and big integers digit for digit', () => {
    expect(renderYamlForGo(new Map<string, GoValue>([['f', new GoFloat(1000)], ['i', new GoInt(12345678901234567890n)]]))).toBe('f: 1000.0\ni: 12345678901234567890\n');
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
        const text = renderYamlForGo(new Map([['cluster', new Map<string, GoValue>([['cluster_token', token], ['config', config]])]]));
        const decoded = decodeCloudConfig(text);
        expect(decoded).toEqual({ kind: 'cluster', cluster: { cluster_token: token, config } });
      }),
      propertySettings,
    );
  });
});
