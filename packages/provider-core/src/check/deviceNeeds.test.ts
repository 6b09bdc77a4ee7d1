import { describe, expect, it } from 'vitest';
import { haSite, variant } from '../../test/siteFixtures.js';
import { deviceNeeds, FIPS_IMAGE_NEED, FIPS_WORKLOADS_NEED, NO_SWAP_NEED } from './deviceNeeds.js';

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
});
