import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CA_PEM, KEY_PEM } from '../../test/pemFixtures.js';
import { haSite, variant } from '../../test/siteFixtures.js';
import { expandSite } from './expandSite.js';
import { importCloudConfigs } from '../import/importCloudConfigs.js';
import { REGISTRIES_PATH } from './registriesYaml.js';
import { hostFolderName, REGISTRY_TLS_STEP, registryTlsSteps } from './registryTlsSteps.js';
import { siteContext } from './rke2ConfigFor.js';
import { RegistryConfigSchema, type Site } from './siteSchema.js';
import type { YipStage } from '../kairos/yipSchema.js';

const tlsSite = (more: Partial<Site['airGap']['registryConfigs'][number]> = {}) =>
  variant((s) => {
    s.airGap.registryConfigs.push(
      RegistryConfigSchema.parse({ host: 'registry.local:5000', caPem: CA_PEM, certPem: CA_PEM, keyPem: KEY_PEM, ...more }),
    );
  });

describe('registryTlsSteps', () => {
  it('writes the CA and client certificate 0644 and the key 0600 at the default paths, read back from the user-data', () => {
    const steps = (parse(expandSite(tlsSite()).nodes[4]!.userData) as { stages: { initramfs: YipStage[] } }).stages.initramfs;
    const files = steps.find((s) => s.name === REGISTRY_TLS_STEP)!.files!;
    expect(files.map((f) => [f.path, f.permissions.toString(8), f.content])).toEqual([
      ['/etc/rancher/rke2/tls/registry.local_5000/ca.crt', '644', CA_PEM],
      ['/etc/rancher/rke2/tls/registry.local_5000/client.crt', '644', CA_PEM],
      ['/etc/rancher/rke2/tls/registry.local_5000/client.key', '600', KEY_PEM],
    ]);
  });

  it('points registries.yaml at the files it writes, or at the path the site gives', () => {
    const yaml = (site: Site) =>
      parse(expandSite(site).nodes[0]!.designerFiles.find(([p]) => p === REGISTRIES_PATH)![1]) as {
        configs: Record<string, { tls: Record<string, string> }>;
      };
    expect(yaml(tlsSite()).configs['registry.local:5000']!.tls).toEqual({
      ca_file: '/etc/rancher/rke2/tls/registry.local_5000/ca.crt',
      cert_file: '/etc/rancher/rke2/tls/registry.local_5000/client.crt',
      key_file: '/etc/rancher/rke2/tls/registry.local_5000/client.key',
    });
    const given = tlsSite({ caFile: '/etc/ssl/certs/registry-ca.pem', certPem: '', keyPem: '' });
    expect(yaml(given).configs['registry.local:5000']!.tls).toEqual({ ca_file: '/etc/ssl/certs/registry-ca.pem' });
    expect(expandSite(given).nodes[0]!.designerFiles.map(([p]) => p)).toContain('/etc/ssl/certs/registry-ca.pem');
  });

  it('writes nothing without PEM content', () => {
    const site = haSite();
    expect(registryTlsSteps(siteContext(site))).toEqual([]);
  });

  it('makes the host one safe path component', () => {
    expect(hostFolderName('registry.local:5000')).toBe('registry.local_5000');
    expect(hostFolderName('../..')).toBe('.._..');
    expect(hostFolderName('..')).toBe('_');
    expect(hostFolderName('a/b c')).toBe('a_b_c');
  });

  it('imports the files back into the PEM fields', () => {
    const site = tlsSite();
    const files = expandSite(site).nodes.map((n) => ({ name: `${n.node.name}.yaml`, text: n.userData }));
    const imported = importCloudConfigs(files);
    const registry = imported.site.airGap.registryConfigs[0]!;
    expect(registry).toMatchObject({
      host: 'registry.local:5000',
      caPem: CA_PEM,
      certPem: CA_PEM,
      keyPem: KEY_PEM,
      caFile: '',
      certFile: '',
      keyFile: '',
    });
    expect(imported.findings.filter((f) => f.message.includes('/etc/rancher/rke2/tls'))).toEqual([]);
  });
});
