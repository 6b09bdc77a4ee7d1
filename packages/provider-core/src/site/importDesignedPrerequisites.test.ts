/** Importing designed cloud-configs keeps what this designer adds for RKE2's checks: CIS prerequisites, kube-vip, the login choice, the endpoint. */
import { describe, expect, it } from 'vitest';
import { haSite, kubeVipSite, variant } from '../../test/siteFixtures.js';
import { expandSite } from './expandSite.js';
import { importCloudConfigs } from '../import/importCloudConfigs.js';
import type { Site } from './siteSchema.js';

const roundTrip = (site: Site) => {
  const before = expandSite(site).nodes;
  const result = importCloudConfigs(before.map((n) => ({ name: n.node.name, text: n.userData })));
  return { ...result, before: before.map((n) => n.userData), after: expandSite(result.site).nodes.map((n) => n.userData) };
};

describe("importing the designer's prerequisites", () => {
  it('round-trips a CIS kube-vip site without reporting its stages', () => {
    const site = kubeVipSite();
    site.security.cisProfile = true;
    site.cluster.kubeVip = { interface: 'enp3s0', image: 'registry.local:5000/kube-vip/kube-vip:v0.9.2' };
    const { site: imported, findings, before, after } = roundTrip(site);
    expect(findings).toEqual([]);
    expect(after).toEqual(before);
    expect(imported.cluster).toMatchObject({ endpoint: 'kube-vip', kubeVip: site.cluster.kubeVip });
  });

  it('keeps "no login", and takes a host without kube-vip as the init node\'s, as the Device check of the files does', () => {
    const noLogin = roundTrip(variant((s) => Object.assign(s.os.user, { noLogin: true })));
    expect(noLogin.site.os.user.noLogin).toBe(true);
    // No cloud-config says a load balancer serves the host: a designed load balancer comes back as the init node.
    const lb = roundTrip(haSite());
    expect(lb.site.cluster.endpoint).toBe('init-node');
    expect(lb.after).toEqual(lb.before);
    const init = roundTrip(variant((s) => Object.assign(s.cluster, { endpoint: 'init-node', controlPlaneHost: '192.168.1.11' })));
    expect(init.site.cluster.endpoint).toBe('init-node');
    expect(init.after).toEqual(init.before);
  });
});
