import { describe, expect, it } from 'vitest';
import { ruleFailures, ruleOnEditedDevice } from '../../../test/bootCheckFixtures.js';
import { serverUrlRule } from './serverUrlRule.js';
import { variant } from '../../../test/siteFixtures.js';
import { siteTemplate } from '../../designer/siteTemplates.js';
import { checkSite } from '../checkSite.js';

describe('server URL rule (k3s ParseAndValidateToken loop)', () => {
  it('passes joining nodes when the host is the init node\'s address', () => {
    const site = variant((s) => Object.assign(s.cluster, { controlPlaneHost: '192.168.1.11', endpoint: 'init-node' }));
    for (const i of [1, 2, 3, 4]) expect(ruleFailures(site, i, 'server-url')).toEqual([]);
  });

  it('passes a DNS name for the init node, whose record becomes a device need', () => {
    const site = variant((s) => Object.assign(s.cluster, { controlPlaneHost: 'cp.plant-7.example', endpoint: 'init-node' }));
    for (const i of [1, 2, 3, 4]) expect(ruleFailures(site, i, 'server-url')).toEqual([]);
    expect(checkSite(site).nodes[3]!.needs).toContain('The DNS name cp.plant-7.example resolves to the init node (192.168.1.11) on every node');
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
        message: expect.stringMatching(/^Failed to validate connection to cluster at https:\/\/192\.168\.1\.5:9345: failed to get CA certs: nothing in this site answers at 192\.168\.1\.5:9345/),
        path: ['cluster', 'controlPlaneHost'],
      }),
    ]);
  });

  it('fails a kube-vip endpoint when no kube-vip manifest on the init node announces the VIP', () => {
    const site = siteTemplate('ha')!.build();
    const withoutKubeVip = (_: unknown, devices: { files: Map<string, { content: string }> }[]) => {
      for (const [path, file] of devices[0]!.files) if (file.content.includes('kube-vip')) devices[0]!.files.delete(path);
    };
    expect(ruleOnEditedDevice(site, 3, serverUrlRule, withoutKubeVip)[0]).toMatchObject({ message: expect.stringContaining('no kube-vip on the init node announces 192.168.10.5') });
  });
});
