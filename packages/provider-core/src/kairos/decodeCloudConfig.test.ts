import { describe, expect, it } from 'vitest';
import { decodeCloudConfig } from './decodeCloudConfig.js';

const withImport = (value: string) => decodeCloudConfig(`cluster:\n  import_local_images: ${value}\n`);

describe('decodeCloudConfig (the Kairos SDK, yaml.v3)', () => {
  it.each([
    ['true', true],
    ['yes', true],
    ['On', true],
    ['"y"', true],
    ['off', false],
    ['NO', false],
    ['~', false],
  ])('reads import_local_images: %s as %s', (value, expected) => {
    expect(withImport(value)).toEqual({ kind: 'cluster', cluster: { import_local_images: expected } });
  });

  it('refuses a number in the bool, as yaml.v3 does', () => {
    expect(withImport('1')).toMatchObject({
      kind: 'error',
      message: 'yaml: unmarshal errors:\n  line 2: cannot unmarshal !!int `1` into bool',
    });
  });

  it('keeps the literal text of scalars in string fields', () => {
    expect(decodeCloudConfig('cluster:\n  cluster_token: 0755\n  role: ~\n')).toEqual({
      kind: 'cluster',
      cluster: { cluster_token: '0755', role: '' },
    });
  });

  it('treats a repeated env key as an error and a "__proto__" key as data', () => {
    expect(decodeCloudConfig('cluster:\n  env:\n    A: x\n    A: y\n')).toMatchObject({ kind: 'error' });
    const decoded = decodeCloudConfig('cluster:\n  env:\n    __proto__: x\n');
    expect(decoded.kind === 'cluster' && Object.keys(decoded.cluster.env ?? {})).toEqual(['__proto__']);
  });
});
