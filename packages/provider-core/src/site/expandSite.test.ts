import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertySettings } from '../../test/fastCheckSettings.js';
import { nastyText } from '../../test/nastyText.js';
import { haSite, largeSite, node, variant, registryConfig } from '../../test/siteFixtures.js';
import { decodeCloudConfig } from '../kairos/decodeCloudConfig.js';
import { marshalGoJson } from '../yaml/goJson.js';
import { decodeYamlV2 } from '../yaml/yamlToJson.js';
import { expandSite, type ExpandedNode } from './expandSite.js';
import { POD_SECURITY_CONFIG_PATH } from './podSecurityConfig.js';
import { REGISTRIES_PATH } from './registriesYaml.js';
import { yamlToJson } from '../yaml/yamlToJson.js';
import type { Site } from './siteSchema.js';

function written(n: ExpandedNode) {
  if (n.plan.kind !== 'written') throw new Error(`${n.node.name}: ${n.plan.kind}`);
  return n.plan;
}
const fileOf = (n: ExpandedNode, path: string) => written(n).files.find((f) => f.path === path)?.content;
const merged = (n: ExpandedNode) => JSON.parse(written(n).merged.text) as Record<string, unknown>;

describe('expandSite', () => {
  it('gives every node a cloud-config the provider turns into a working config', () => {
    const { nodes } = expandSite(haSite());
    expect(nodes).toHaveLength(5);
    for (const n of nodes) {
      expect(n.userData.startsWith('#cloud-config\n')).toBe(true);
      expect(written(n).merged.ok).toBe(true);
      expect(merged(n)['token']).toBe(haSite().cluster.token);
      expect(merged(n)['cluster-cidr']).toBe('10.42.0.0/16');
    }
    expect(merged(nodes[0]!)['server']).toBe('');
    expect(merged(nodes[1]!)['server']).toBe('https://192.168.1.5:9345');
    expect(merged(nodes[0]!)['tls-san']).toEqual(['k8s.plant-7.example', '192.168.1.5']);
    expect(merged(nodes[3]!)['node-label']).toEqual(['site=plant-7']);
    expect(merged(nodes[3]!)['cni']).toBeUndefined();
    expect(nodes[3]!.userData).toContain('role: worker');
    expect(nodes[0]!.metaData).toBe('instance-id: plant-7-cp-1\nlocal-hostname: cp-1\n');
  });

  it('writes the CIDRs on workers too, and never token or server in config, whatever extra config says', () => {
    const site = variant((s) => {
      s.extraConfig = 'token: from-extra\nserver: https://elsewhere:9345\n';
      s.nodes[3]!.extraConfig = 'cluster-cidr: null\nservice-cidr: [a, b]\n';
    });
    const { nodes } = expandSite(site);
    for (const n of nodes) {
      expect(n.config.has('token')).toBe(false);
      expect(n.config.has('server')).toBe(false);
      expect(merged(n)['token']).toBe(site.cluster.token);
    }
    expect(nodes[3]!.restoredCidrs).toEqual(['cluster-cidr', 'service-cidr']);
    expect(merged(nodes[3]!)['service-cidr']).toBe('10.43.0.0/16');
  });

  it('writes write-kubeconfig-mode quoted, also when extra config has it unquoted', () => {
    const site = variant((s) => (s.extraConfig = 'write-kubeconfig-mode: 0644\n'));
    const cp = expandSite(site).nodes[0]!;
    expect(cp.userData).toContain('write-kubeconfig-mode: "0644"');
    expect(merged(cp)['write-kubeconfig-mode']).toBe('0644');
  });

  it('picks the CIS profile of the target version', () => {
    const site = variant((s) => (s.security.cisProfile = true));
    expect(merged(expandSite(site).nodes[0]!)['profile']).toBe('cis');
  });

  it('brackets a bare IPv6 control-plane host and keeps the bare address in tls-san', () => {
    const site = variant((s) => (s.cluster.controlPlaneHost = 'fd00:10::100'));
    const cp2 = expandSite(site).nodes[1]!;
    expect(merged(cp2)['server']).toBe('https://[fd00:10::100]:9345');
    expect(merged(cp2)['tls-san']).toEqual(['k8s.plant-7.example', 'fd00:10::100', '[fd00:10::100]']);
  });

  it('writes registries.yaml and the Pod Security config with stages, and points RKE2 at them', () => {
    const site = variant((s) => {
      s.security.podSecurity = 'baseline';
      s.airGap.mirrors = [{ registry: 'docker.io', endpoints: ['https://registry.plant-7:5000'], rewrites: {} }];
      s.airGap.registryConfigs = [
        registryConfig({ host: 'registry.plant-7:5000', username: 'pull', password: 's3cr"et', caFile: '/etc/ssl/plant.pem' }),
      ];
    });
    const [cp, , , worker] = expandSite(site).nodes;
    expect(cp!.designerFiles.map(([p]) => p)).toEqual([REGISTRIES_PATH, POD_SECURITY_CONFIG_PATH]);
    expect(worker!.designerFiles.map(([p]) => p)).toEqual([REGISTRIES_PATH]);
    expect(cp!.designerFiles[0]![1]).toContain('password: s3cr"et');
    expect(cp!.designerFiles[1]![1]).toContain('enforce: baseline');
    expect(merged(cp!)['pod-security-admission-config-file']).toBe(POD_SECURITY_CONFIG_PATH);
    expect(cp!.userData).toContain('initramfs:');
    const decoded = decodeCloudConfig(cp!.userData);
    expect(decoded.kind).toBe('cluster');
  });

  it('writes registries.yaml from data: a registry named "__proto__" is kept, a password with "yes" or a line break reads back', () => {
    const site = variant((s) => {
      s.airGap.mirrors = [{ registry: '__proto__', endpoints: ['https://r.local'], rewrites: { '^(.*)$': 'x/$1' } }];
      s.airGap.registryConfigs = [registryConfig({ host: 'r.local', username: 'yes', password: 'a\nb: c', insecureSkipVerify: true })];
    });
    const text = expandSite(site).nodes[0]!.designerFiles[0]![1];
    expect(yamlToJson(text)).toMatchObject({
      ok: true,
      json: '{"configs":{"r.local":{"auth":{"password":"a\\nb: c","username":"yes"},"tls":{"insecure_skip_verify":true}}},"mirrors":{"__proto__":{"endpoint":["https://r.local"],"rewrite":{"^(.*)$":"x/$1"}}}}',
    });
  });

  it('writes the proxy as upper-case env, which becomes /etc/default/rke2-*', () => {
    const site = variant((s) => (s.proxy = { httpProxy: 'http://proxy:3128', httpsProxy: '', noProxy: '192.168.1.0/24' }));
    const [cp, , , worker] = expandSite(site).nodes;
    expect(fileOf(cp!, '/etc/default/rke2-server')).toContain(
      'NO_PROXY=,10.42.0.0/16,10.43.0.0/16,192.168.1.11/24,.svc,.svc.cluster,.svc.cluster.local,192.168.1.0/24',
    );
    expect(fileOf(worker!, '/etc/default/rke2-agent')).toContain('HTTP_PROXY=http://proxy:3128');
  });

  it('sets FIPS on the kernel command line, and the OS user and install target', () => {
    const site = variant((s) => {
      s.security.fips = true;
      s.os.user.sshAuthorizedKeys = ['ssh-ed25519 AAAA tech@field'];
      s.os.install = { device: '/dev/nvme0n1', after: 'poweroff' };
    });
    const text = expandSite(site).nodes[0]!.userData;
    expect(text).toContain('extra_cmdline: fips=1');
    expect(text).toContain('device: /dev/nvme0n1');
    expect(text).toContain('poweroff: true');
    expect(text).toContain('- ssh-ed25519 AAAA tech@field');
  });

  it('node-ip comes from the address when asked', () => {
    const site = variant((s) => (s.nodes[1]!.setNodeIp = true));
    expect(merged(expandSite(site).nodes[1]!)['node-ip']).toEqual(['192.168.1.12']);
  });

  it('expands a 1,000-node site, every node configured', () => {
    const { nodes } = expandSite(largeSite(1000));
    expect(nodes).toHaveLength(1000);
    expect(nodes.every((n) => n.plan.kind === 'written' && n.plan.merged.ok)).toBe(true);
  });

  it('never lets the provider fail, and the device reads back exactly the designed values (property)', () => {
    const siteArb = fc.record({
      token: nastyText,
      host: nastyText,
      proxy: fc.record({ httpProxy: nastyText, httpsProxy: nastyText, noProxy: nastyText }),
      name: nastyText,
      label: nastyText,
      extra: nastyText,
      nodeExtra: nastyText,
    });
    fc.assert(
      fc.property(siteArb, (r) => {
        const site: Site = variant((s) => {
          s.cluster.token = r.token;
          s.cluster.controlPlaneHost = r.host;
          s.proxy = r.proxy;
          s.extraConfig = r.extra;
          s.nodes = [node(r.name, 'init', '10.0.0.1/24', { labels: [r.label], extraConfig: r.nodeExtra, hostname: r.name })];
        });
        const [n] = expandSite(site).nodes;
        const decoded = decodeCloudConfig(n!.userData);
        if (decoded.kind !== 'cluster') throw new Error(`not decoded: ${JSON.stringify(decoded)}`);
        expect(decoded.cluster.cluster_token ?? '').toBe(r.token);
        expect(decoded.cluster.role).toBe('init');
        const config = decodeYamlV2(decoded.cluster.config ?? '');
        expect(config.ok && marshalGoJson(config.value)).toBe(marshalGoJson(n!.config));
        expect(n!.plan.kind).toBe('written');
      }),
      propertySettings,
    );
  });
});
