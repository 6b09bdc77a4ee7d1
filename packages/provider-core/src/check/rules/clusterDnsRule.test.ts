import { describe, expect, it } from 'vitest';
import { ruleFailures } from '../../../test/bootCheckFixtures.js';
import { haSite, variant } from '../../../test/siteFixtures.js';

describe('cluster DNS rule (kube-apiserver ClusterIP allocator)', () => {
  it('passes the default cluster DNS, and one inside a custom service network', () => {
    expect(ruleFailures(haSite(), 0, 'cluster-dns')).toEqual([]);
    expect(
      ruleFailures(
        variant((s) => Object.assign(s.network, { serviceCidr: '10.101.0.0/16', clusterDns: '' })),
        0,
        'cluster-dns',
      ),
    ).toEqual([]);
  });

  it("fails with the allocator's message when the service network moved and cluster DNS did not", () => {
    const site = variant((s) => Object.assign(s.network, { serviceCidr: '10.101.0.0/16', clusterDns: '10.43.0.10' }));
    expect(ruleFailures(site, 0, 'cluster-dns')).toEqual([
      expect.objectContaining({
        message:
          'failed to allocate IP 10.43.0.10: the provided IP (10.43.0.10) is not in the valid range. The range of valid IPs is 10.101.0.0/16',
        path: ['network', 'clusterDns'],
      }),
    ]);
  });
});
