/**
 * Conformance on random and hostile input: every case of ../shared/oracle-fuzz (1,966 generated
 * cloud-configs and 49 minimised, crafted and designer-made examples) must give what the real
 * provider-rke2 v4.8.2 gave: the same outcome, the same error or panic text, the same
 * cluster.kairos.yaml bytes, every file, and the same jq merge (text, exit status and stderr).
 */
import { describe, expect, it } from 'vitest';
import { lintCloudConfig } from '../src/lint/lintCloudConfig.js';
import { runPlugin } from '../src/provider/runPlugin.js';
import { asRecorded, loadFuzzCases, loadFuzzExamples, type FuzzCase } from './fuzzCases.js';

const cases = loadFuzzCases();
const examples = loadFuzzExamples();

function expectSame(c: FuzzCase): void {
  const port = asRecorded(runPlugin(c.input, { nodeCidr: c.nodeCidr }));
  expect(port.kind, c.real.error ?? '').toBe(c.real.kind);
  expect(port.error).toBe(c.real.error);
  expect(port.clusterKairosYaml).toBe(c.real.clusterKairosYaml);
  expect(port.files).toEqual(c.real.files);
  expect([port.merged, port.jqExit, port.jqStderr]).toEqual([c.real.merged, c.real.jqExit, c.real.jqStderr]);
}

describe('oracle-fuzz: generated cases', () => {
  it('holds the 1,966 generated cases', () => {
    expect(cases.length).toBe(1966);
  });
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => expectSame(c));
});

describe('oracle-fuzz: minimised, crafted and designer-made examples', () => {
  it('holds the 49 examples', () => {
    expect(examples.length).toBe(49);
  });
  // Where cluster_config_path sends the file depends on the device's disk, which no preview can know.
  const portable = examples.filter((c) => !c.dependsOnDisk);
  it.each(portable.map((c) => [c.id, c] as const))('%s', (_id, c) => expectSame(c));
});

describe('inputs with no single right answer', () => {
  const cloudConfig = (config: string) =>
    `#cloud-config\ncluster:\n  role: init\n  cluster_token: tok\n  control_plane_host: 10.0.0.1\n  config: |\n${config.replace(/^/gm, '    ')}`;
  it.each([
    ['1: and "1":', 'cluster-cidr: 10.42.0.0/16\nservice-cidr: 10.43.0.0/16\n1: a\n"1": b\n', '1'],
    ['yes: and "true":', 'cluster-cidr: 10.42.0.0/16\nservice-cidr: 10.43.0.0/16\nyes: a\n"true": b\n', 'true'],
  ])('two config keys that become one JSON key (%s) are a finding, not a guess', (_name, config, key) => {
    const findings = lintCloudConfig(cloudConfig(config), { nodeCidr: '192.168.1.10/24' });
    expect(findings).toContainEqual(
      expect.objectContaining({ code: 'ambiguous-key', severity: 'error', path: ['cluster', 'config', key] }),
    );
  });
  it('the same key twice with the same meaning is no finding (the later value wins, as on the device)', () => {
    const findings = lintCloudConfig(cloudConfig('cluster-cidr: 10.42.0.0/16\nservice-cidr: 10.43.0.0/16\n1: a\n"1": a\n'));
    expect(findings.map((f) => f.code)).not.toContain('ambiguous-key');
  });
});
