import { describe, expect, it } from 'vitest';
import { ruleFailures, ruleOnEditedDevice } from '../../../test/bootCheckFixtures.js';
import { serverUrlRule } from './serverUrlRule.js';
import { variant } from '../../../test/siteFixtures.js';
import { siteTemplate } from '../../designer/siteTemplates.js';
import { checkSite } from '../checkSite.js';
import { expandSite } from '../../site/expandSite.js';

describe('server URL rule (k3s ParseAndValidateToken loop)', () => {
  it("passes joining nodes when the host is the init node's address", () => {
    const site = variant((s) => Object.assign(s.cluster, { controlPlaneHost: '192.168.1.11', endpoint: 'init-node' }));
    for (const i of [1, 2, 3, 4]) expect(ruleFailures(site, i, 'server-url')).toEqual([]);
  });

  it('passes a DNS name for the init node, whose record becomes a device need', () => {
    const site = variant((s) => Object.assign(s.cluster, { controlPlaneHost: 'cp.plant-7.example', endpoint: 'init-node' }));
    for (const i of [1, 2, 3, 4]) expect(ruleFailures(site, i, 'server-url')).toEqual([]);
    expect(checkSite(site).nodes[3]!.needs).toContain(
      'The DNS name cp.plant-7.example resolves to the init node (192.168.1.11) on every node',
    );
  });

  it('asks for no DNS record when the host is a bracketed IPv6 address', () => {
    const site = variant((s) => Object.assign(s.cluster, { controlPlaneHost: '[fd00::100]', endpoint: 'init-node' }));
    expect(
      checkSite(site)
        .nodes.flatMap((n) => n.needs)
        .filter((n) => n.includes('DNS name')),
    ).toEqual([]);
  });

  it('passes a load balancer the user vouches for, and says what it must forward', () => {
    const site = variant((s) => (s.cluster.endpoint = 'load-balancer'));
    expect(ruleFailures(site, 3, 'server-url')).toEqual([]);
  });

  it('passes a kube-vip VIP the designer deploys on the servers', () => {
    const site = siteTemplate('ha')!.build();
    for (const i of site.nodes.keys()) expect(ruleFailures(site, i, 'server-url')).toEqual([]);
  });

  it('fails every joining node when nothing in the site serves the host, and not the init node', () => {
    const site = variant((s) => Object.assign(s.cluster, { controlPlaneHost: '192.168.1.5', endpoint: 'init-node' }));
    expect(ruleFailures(site, 0, 'server-url')).toEqual([]);
    expect(ruleFailures(site, 3, 'server-url')).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          /^Failed to validate connection to cluster at https:\/\/192\.168\.1\.5:9345: failed to get CA certs: nothing in this site answers at 192\.168\.1\.5:9345/,
        ),
        path: ['cluster', 'controlPlaneHost'],
      }),
    ]);
  });

  it('fails a kube-vip endpoint when no kube-vip manifest on the init node announces the VIP', () => {
    const site = siteTemplate('ha')!.build();
    const withoutKubeVip = (_: unknown, devices: { files: Map<string, { content: string }> }[]) => {
      for (const [path, file] of devices[0]!.files) if (file.content.includes('kube-vip')) devices[0]!.files.delete(path);
    };
    expect(ruleOnEditedDevice(site, 3, serverUrlRule, withoutKubeVip)[0]).toMatchObject({
      message: expect.stringContaining('no kube-vip on the init node announces 192.168.10.5'),
    });
  });

  it('fails joining nodes of an air-gapped kube-vip site whose servers cannot get the kube-vip image, and passes once an archive holds it', () => {
    const site = siteTemplate('cis-selinux')!.build();
    Object.assign(site.airGap, {
      imageSource: 'archives',
      imageArchives: ['rke2-images-core.linux-amd64.tar.zst', 'rke2-images-canal.linux-amd64.tar.zst'],
    });
    expect(ruleFailures(site, 0, 'server-url')).toEqual([]);
    expect(ruleFailures(site, 1, 'server-url')[0]).toMatchObject({
      message: expect.stringContaining("no server can get kube-vip's image ghcr.io/kube-vip/kube-vip:v0.9.2 from ghcr.io"),
    });
    site.airGap.imageArchives.push('kube-vip.tar');
    for (const i of site.nodes.keys()) expect(ruleFailures(site, i, 'server-url')).toEqual([]);
  });

  it('finds the kube-vip manifest under a data-dir set in extra config', () => {
    const site = siteTemplate('ha')!.build();
    site.extraConfig = 'data-dir: /opt/rke2\n';
    const files = expandSite(site).nodes[0]!.designerFiles.map(([path]) => path);
    expect(files).toContain('/opt/rke2/agent/pod-manifests/kube-vip.yaml');
    expect(files).not.toContain('/var/lib/rancher/rke2/agent/pod-manifests/kube-vip.yaml');
    for (const i of site.nodes.keys()) expect(ruleFailures(site, i, 'server-url')).toEqual([]);
  });
});
