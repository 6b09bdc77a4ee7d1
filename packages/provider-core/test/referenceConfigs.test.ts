/**
 * The reference cloud-configs (examples/cloud-configs/: single node, HA init + control plane +
 * worker, air-gapped FIPS, a proxy worker with its server), written the way people copy them from
 * docs, linted together per cluster as `rke2-edge lint DIR/*.yaml` does. Each set must get the
 * findings a careful reviewer would give it, no more and no fewer: the provider's crash on a config
 * without cluster-cidr (provider-rke2 v4.8.2 reads it on every boot), the control-plane host listed
 * again in tls-san, a deprecated key, an even etcd count.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintCloudConfigs } from '../src/lint/lintCloudConfig.js';

const EXAMPLES = resolve(dirname(fileURLToPath(import.meta.url)), '../../../examples/cloud-configs');

function lintSet(dir: string, edit: (name: string, text: string) => string = (_, text) => text): string[] {
  const files = readdirSync(join(EXAMPLES, dir))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ name: f, text: edit(f, readFileSync(join(EXAMPLES, dir, f), 'utf8')) }));
  return lintCloudConfigs(files).flatMap((r) => r.findings.map((f) => `${r.file}${f.line ? `:${f.line}` : ''} ${f.severity} ${f.code}`));
}

describe('reference cloud-configs, linted together per cluster', () => {
  it('single node: no cluster-cidr (the provider would crash), the host repeated in tls-san', () => {
    expect(lintSet('single-node')).toEqual(['edge-1.yaml:18 error provider-panic', 'edge-1.yaml:20 warning duplicate-tls-san']);
  });

  it('HA init + control plane + worker: the worker has no cluster-cidr; two servers are an even etcd count', () => {
    expect(lintSet('ha')).toEqual([
      'cp-1.yaml:22 warning duplicate-tls-san',
      'worker-1.yaml:18 error provider-panic',
      '(all files) warning even-control-plane',
    ]);
  });

  it('the HA set on IPv6, the init node bare and the joining nodes in brackets and capitals: one host, no mismatch; the joining server needs the bare address in tls-san', () => {
    const ipv6 = (name: string, text: string) =>
      name === 'cp-1.yaml'
        ? text.replaceAll('10.0.1.11', 'fd00::11')
        : text.replace('control_plane_host: 10.0.1.11', 'control_plane_host: "[FD00::0011]"');
    expect(lintSet('ha', ipv6)).toEqual([
      'cp-1.yaml:22 warning duplicate-tls-san',
      'cp-2.yaml:16 warning tls-san-missing',
      'worker-1.yaml:18 error provider-panic',
      '(all files) warning even-control-plane',
    ]);
  });

  it('air-gapped FIPS: no cluster-cidr, the host in tls-san, secrets-encryption is deprecated', () => {
    expect(lintSet('airgap-fips')).toEqual([
      'plant-cp-1.yaml:22 error provider-panic',
      'plant-cp-1.yaml:25 warning duplicate-tls-san',
      'plant-cp-1.yaml:24 warning deprecated-key',
    ]);
  });

  it('proxy worker and its server: neither has cluster-cidr', () => {
    expect(lintSet('proxy-worker')).toEqual([
      'edge-1.yaml:18 error provider-panic',
      'edge-1.yaml:20 warning duplicate-tls-san',
      'edge-2.yaml:17 error provider-panic',
    ]);
  });
});
