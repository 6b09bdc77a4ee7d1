import { describe, expect, it } from 'vitest';
import { haSite, variant } from '../../test/siteFixtures.js';
import { checkSite } from './checkSite.js';
import { deviceNeeds, FIPS_IMAGE_NEED, FIPS_WORKLOADS_NEED, NO_SWAP_NEED, SELINUX_IMAGE_NEED } from './deviceNeeds.js';

/** Which nodes' boot-check needs name the SELinux image. */
const selinuxNodes = (site: Parameters<typeof checkSite>[0]): string[] =>
  checkSite(site)
    .nodes.filter((n) => n.needs.includes(SELINUX_IMAGE_NEED))
    .map((n) => n.node);

describe('prerequisites no config can show', () => {
  it('a FIPS site asks for FIPS-built workload images as well as the FIPS image', () => {
    const fips = variant((s) => (s.security.fips = true));
    expect(deviceNeeds(fips, fips.nodes[3]!)).toEqual(expect.arrayContaining([FIPS_IMAGE_NEED, FIPS_WORKLOADS_NEED]));
    const plain = haSite();
    expect(deviceNeeds(plain, plain.nodes[3]!)).not.toContain(FIPS_WORKLOADS_NEED);
  });

  it('every node, server or worker, is told that swap turned on after boot stops the kubelet', () => {
    const site = haSite();
    for (const node of site.nodes) expect(deviceNeeds(site, node)).toContain(NO_SWAP_NEED);
  });

  it('the SELinux image follows the selinux each node runs (merged config), not the Security switch alone', () => {
    expect(selinuxNodes(haSite())).toEqual([]);
    const all = ['cp-1', 'cp-2', 'cp-3', 'worker-1', 'worker-2'];
    expect(selinuxNodes(variant((s) => (s.security.selinux = true)))).toEqual(all);
    // Switch off, one node's extra config turns it on, in any spelling RKE2's bool flag accepts.
    for (const value of ['true', '"true"', '1', 'True', 'yes']) {
      const site = variant((s) => (s.nodes[3]!.extraConfig = `selinux: ${value}\n`));
      expect(selinuxNodes(site), value).toEqual(['worker-1']);
      expect(deviceNeeds(site, site.nodes[3]!)).toContain(SELINUX_IMAGE_NEED);
    }
    // …and the site's extra config for every node; a value the flag refuses leaves it off.
    expect(selinuxNodes(variant((s) => (s.extraConfig = 'selinux: "on"\n')))).toEqual([]);
    expect(selinuxNodes(variant((s) => (s.extraConfig = 'selinux: "TRUE"\n')))).toEqual(all);
    // Switch on, one node's extra config says false: that node runs without SELinux.
    const off = variant((s) => {
      s.security.selinux = true;
      s.nodes[1]!.extraConfig = 'selinux: false\n';
    });
    expect(selinuxNodes(off)).toEqual(all.filter((n) => n !== 'cp-2'));
  });
});
