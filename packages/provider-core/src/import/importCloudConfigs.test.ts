import { isSecurityFinding } from '../lint/finding.js';
import { describe, expect, it } from 'vitest';
import { loadOracleCases } from '../../test/oracleCases.js';
import { haSite, variant, registryConfig } from '../../test/siteFixtures.js';
import { catalogEntry } from '../catalog/rke2Catalog.js';
import { decodeCloudConfig } from '../kairos/decodeCloudConfig.js';
import { isBareIpv6 } from '../net/ipAddress.js';
import { isProviderKey } from '../catalog/providerKeys.js';
import { expandSite } from '../site/expandSite.js';
import { clusterDnsFor } from '../site/designerRules.js';
import { importCloudConfigs, sameGoValue } from './importCloudConfigs.js';
import { readRke2Config } from '../site/readRke2Config.js';

describe('importCloudConfigs', () => {
  it('round-trips a designed site: the same user-data for every node', () => {
    const site = variant((s) => {
      s.extraConfig = 'etcd-snapshot-retention: 10\nkube-apiserver-arg:\n  - audit-log-maxage=30\n';
      s.nodes[1]!.extraConfig = 'node-name: cp-two\n';
      s.security.cisProfile = true;
      s.proxy = { httpProxy: 'http://proxy:3128', httpsProxy: 'http://proxy:3128', noProxy: '192.168.0.0/16' };
      s.os.user.sshAuthorizedKeys = ['ssh-ed25519 AAAA tech'];
      s.airGap.imageSource = 'archives';
      s.security.podSecurity = 'baseline';
      s.security.cisProfile = false;
      s.airGap.mirrors = [
        { registry: 'docker.io', endpoints: ['https://registry.plant-7:5000'], rewrites: { '^library/(.*)': 'mirror/$1' } },
      ];
      s.airGap.registryConfigs = [
        registryConfig({ host: 'registry.plant-7:5000', username: 'pull', password: 'p4ss', caFile: '/etc/ssl/plant.pem' }),
      ];
    });
    const before = expandSite(site).nodes;
    const { site: imported, findings } = importCloudConfigs(before.map((n) => ({ name: n.node.name, text: n.userData })));
    expect(findings).toEqual([]);
    const after = expandSite(imported).nodes;
    expect(after.map((n) => n.userData)).toEqual(before.map((n) => n.userData));
    expect(imported.extraConfig).toContain('etcd-snapshot-retention: 10');
    expect(imported.nodes[1]!.extraConfig).toBe('node-name: cp-two\n');
    expect(imported.nodes.map((n) => n.name)).toEqual(haSite().nodes.map((n) => n.name));
  });

  it('keeps every RKE2 setting of each oracle cloud-config, and reports what it changes', () => {
    let checked = 0;
    for (const { name, input: text } of loadOracleCases()) {
      const decoded = decodeCloudConfig(text);
      if (decoded.kind !== 'cluster') continue;
      const read = readRke2Config(decoded.cluster.config ?? '');
      const { site, findings } = importCloudConfigs([{ name, text }]);
      if (findings.some(isSecurityFinding)) {
        // A token with a line break is refused: tokens are one line in a site (oracle 51 writes "\n" in one).
        expect([name, site.nodes.length, findings.map((f) => f.code)]).toEqual(['51-token-escapes-newline', 0, ['line-break']]);
        continue;
      }
      const [node] = expandSite(site).nodes;
      if (!read.ok) {
        expect(site.nodes[0]!.extraConfig, name).toBe(decoded.cluster.config);
        expect(
          findings.some((f) => f.severity === 'error'),
          name,
        ).toBe(true);
        continue;
      }
      checked++;
      for (const [key, value] of read.config) {
        if (isProviderKey(key)) {
          expect(findings.map((f) => f.message).join('\n'), name).toContain(`config sets "${key}"`);
          continue;
        }
        const kept = node!.config.get(key);
        const cidrRestored = node!.restoredCidrs.includes(key);
        expect(cidrRestored || sameGoValue(kept, value), `${name}: ${key}`).toBe(true);
      }
      // Settings the designer adds are RKE2's own defaults (or the CIDRs the provider needs).
      for (const [key, value] of node!.config) {
        if (read.config.has(key) || node!.restoredCidrs.includes(key)) continue;
        if (key === 'tls-san' && isBareIpv6(site.cluster.controlPlaneHost)) {
          expect(findings.map((f) => f.message).join('\n'), name).toContain('bare IPv6 address');
          continue;
        }
        const entry = catalogEntry(key)!;
        const expected = key === 'cluster-dns' ? clusterDnsFor(site.network.serviceCidr) : entry.default;
        const same = JSON.stringify(expected) === JSON.stringify(value) || JSON.stringify(entry.default) === JSON.stringify([value]);
        expect(same, `${name}: added ${key}=${JSON.stringify(value)}`).toBe(true);
      }
      if (node!.restoredCidrs.length > 0) expect(node!.plan.kind, name).toBe('written');
    }
    expect(checked).toBeGreaterThan(35);
  });

  it('reports what it cannot represent instead of dropping it', () => {
    const { findings } = importCloudConfigs([
      {
        name: 'a.yaml',
        text: '#cloud-config\nhostname: edge-a\nk3s:\n  enabled: true\ncluster:\n  cluster_token: Zq8vN3kP2wX7mR4tY9bL6cF1hJ5dG0sA\n  control_plane_host: 10.0.0.1\n  role: init\n  env:\n    FOO: bar\n  ca_certs: [x]\n  config: |\n    cluster-cidr: 10.42.0.0/16\n    service-cidr: 10.43.0.0/16\n',
      },
      {
        name: 'b.yaml',
        text: '#cloud-config\ncluster:\n  cluster_token: other-token-other-token\n  control_plane_host: 10.0.0.1\n  role: server\n',
      },
      { name: 'c.yaml', text: 'not: [valid' },
      { name: 'd.yaml', text: '#cloud-config\nhostname: x\n' },
    ]);
    const messages = findings.map((f) => f.message).join('\n');
    expect(messages).toContain('a.yaml: "k3s" is not imported');
    expect(messages).toContain('a.yaml: env FOO is not imported');
    expect(messages).toContain('a.yaml: ca_certs is not imported');
    expect(messages).toContain("b.yaml: its cluster_token differs from a.yaml's");
    expect(messages).toContain('b.yaml: role "server" is not init, controlplane or worker');
    expect(messages).toContain('c.yaml: not read');
    expect(messages).toContain('d.yaml: not read: it has no cluster: section');
  });

  it('says nothing differs when the files name one control-plane host in two spellings', () => {
    const node = (role: string, host: string) =>
      `#cloud-config\ncluster:\n  cluster_token: Zq8vN3kP2wX7mR4tY9bL6cF1hJ5dG0sA\n  control_plane_host: "${host}"\n  role: ${role}\n  config: |\n    cluster-cidr: 10.42.0.0/16\n    service-cidr: 10.43.0.0/16\n`;
    const { findings } = importCloudConfigs([
      { name: 's1.yaml', text: node('init', '[fd00:20::100]') },
      { name: 'w1.yaml', text: node('worker', '[FD00:20:0::100]') },
    ]);
    expect(findings.map((f) => f.message).filter((m) => m.includes('control_plane_host differs'))).toEqual([]);
  });
});
