/**
 * Mismatches the differential test (test/differential.realProvider.test.ts) found between the
 * port and the real provider-rke2 v4.8.2, minimised; each expectation is what the real plugin
 * answered (../shared/provider-rke2-real/run), not what the port computes.
 */
import { describe, expect, it } from 'vitest';
import { decodeCloudConfig } from '../kairos/decodeCloudConfig.js';
import { runPlugin, type PluginOutcome } from '../provider/runPlugin.js';

const PREFIX = 'failed to parse config from boot event: ';
const CIDRS = '{"cluster-cidr":"10.42.0.0/16","service-cidr":"10.43.0.0/16"}';

function outcome(text: string): PluginOutcome {
  return runPlugin(text, { nodeCidr: '192.168.1.10/24' });
}

function sdkError(text: string): string | undefined {
  const o = outcome(text);
  return o.kind === 'sdk-error' ? o.message : `(${o.kind})`;
}

describe('yaml.v3 decoding, as the real provider answered', () => {
  it('a key written three times is reported against each earlier one (decode.go d.mapping)', () => {
    expect(sdkError(`cluster:\n  env:\n    a: x\n    "a": y\n    'a': z\n`)).toBe(
      `${PREFIX}yaml: unmarshal errors:\n` +
        '  line 4: mapping key "a" already defined at line 3\n' +
        '  line 5: mapping key "a" already defined at line 3\n' +
        '  line 5: mapping key "a" already defined at line 4',
    );
  });

  it('a type error shows the value of every node not tagged !!seq or !!map, even an empty one (d.terror)', () => {
    expect(sdkError('cluster:\n  role: !!null {}\n  cluster_token: !foo [a]\n  control_plane_host: !!float []\n')).toBe(
      `${PREFIX}yaml: unmarshal errors:\n` +
        '  line 2: cannot unmarshal !!null `` into clusterplugin.Role\n' +
        '  line 3: cannot unmarshal !foo `` into string\n' +
        '  line 4: cannot unmarshal !!float `` into string',
    );
  });

  it('!!binary gives a string field its decoded text (d.scalar)', () => {
    const o = outcome(
      'cluster:\n  role: init\n  config: !!binary Y2x1c3Rlci1jaWRyOiAxMC40Mi4wLjAvMTYKc2VydmljZS1jaWRyOiAxMC40My4wLjAvMTYK\n',
    );
    expect(o.kind).toBe('written');
    if (o.kind === 'written') expect(o.files[0]!.content).toBe(CIDRS);
  });

  it('!!binary "yes" is true for a bool (d.scalar, YAML 1.1 words after decoding)', () => {
    const o = outcome(
      'cluster:\n  role: init\n  import_local_images: !!binary eWVz\n  config: |\n    cluster-cidr: 10.42.0.0/16\n    service-cidr: 10.43.0.0/16\n',
    );
    expect(o.kind).toBe('written');
    if (o.kind === 'written') expect(o.clusterKairosYaml).toContain('import.sh');
  });

  it('bad base64 fails the whole document, in a field or in a key of a mapping with a merge', () => {
    const fail = `${PREFIX}yaml: !!binary value contains invalid base64 data`;
    expect(sdkError('cluster:\n  cluster_token: !!binary abc\n')).toBe(fail);
    expect(sdkError('<<: {}\n!!binary abc : 1\ncluster: {}\n')).toBe(fail);
  });

  it('a scalar tagged !!null that is not null fails where it is decoded, not where it is skipped (d.scalar, resolve)', () => {
    const config = '  config: |\n    cluster-cidr: 10.42.0.0/16\n    service-cidr: 10.43.0.0/16\n';
    expect(sdkError(`cluster:\n  role: init\n  env: !!null N\n${config}`)).toBe(`${PREFIX}yaml: cannot decode !!str \`N\` as a !!null`);
    expect(outcome('x: !!null .inf\ncluster: {}\n').kind).toBe('panic');
  });

  it('a merge decodes every key of its mapping into interface{}: an alias key inside its own anchor fails (d.merge)', () => {
    expect(sdkError('s: &a [*a]\n*a : 1\n<<: {}\ncluster: {}\n')).toBe(`${PREFIX}yaml: anchor 'a' value contains itself`);
    // Without a merge the key is never decoded.
    expect(outcome('k: &a [*a]\ncluster: {}\n').kind).toBe('panic');
  });
});

describe('Go runtime panics inside yaml.v3 (the plugin crashes)', () => {
  it('a collection key beside a merge cannot be hashed (real plugin: "hash of unhashable type … [recovered]")', () => {
    const text = 'cluster:\n  env:\n    ? {a: b}\n    : x\n    <<: 1\n';
    expect(decodeCloudConfig(text)).toEqual({
      kind: 'error',
      message: 'panic: runtime error: hash of unhashable type map[string]interface {} [recovered]',
      line: 0,
      crash: true,
    });
    const outcome = runPlugin(text, { nodeCidr: '192.168.1.10/24' });
    expect(outcome.kind === 'panic' && [outcome.panic.goPanic, outcome.panic.at]).toEqual([
      'panic: runtime error: hash of unhashable type map[string]interface {} [recovered]',
      '',
    ]);
  });
});
