/**
 * The failure and compliance views on the largest sites the designer accepts, timed with a bound
 * generous enough for a busy two-core machine: each view must stay about linear in the site.
 * Measured on the development machine: nodeCompliance with 20,000 exempt namespaces 1.1 s (13–16 s before: each line split the whole file);
 * worstSingleFailure of 20,000 nodes with 10,000 servers 0.07 s (7.7 s before: every server was judged, each in O(servers)).
 */
import { describe, expect, it } from 'vitest';
import { kubeVipSite, node, variant } from '../../test/siteFixtures.js';
import type { SiteNode } from '../site/siteSchema.js';
import { nodeCompliance } from './complianceModel.js';
import { failureOutcome, worstSingleFailure } from './failureModel.js';
import { failureTopology } from './failureTopology.js';

const seconds = (run: () => unknown): number => {
  const start = performance.now();
  run();
  return (performance.now() - start) / 1000;
};

describe('views on large sites', () => {
  it('nodeCompliance with 20,000 Pod Security exempt namespaces takes well under 3 s', () => {
    const namespaces = Array.from({ length: 20_000 }, (_, i) => `team-${i}`);
    const site = variant((s) => {
      s.security.podSecurity = 'restricted';
      s.security.podSecurityExemptNamespaces = namespaces;
    });
    let lines = 0;
    const took = seconds(() => (lines = nodeCompliance(site, 0)!.controls.find((c) => c.id === 'pod-security')!.lines.length));
    console.log(`nodeCompliance, 20,000 exempt namespaces: ${took.toFixed(2)} s`);
    expect(lines).toBeGreaterThan(20_000);
    expect(took).toBeLessThan(3);
  });

  it('worstSingleFailure of 20,000 nodes, half of them kube-vip servers, takes well under 3 s', () => {
    const site = kubeVipSite();
    site.nodes = Array.from({ length: 20_000 }, (_, i): SiteNode => {
      const role = i === 0 ? 'init' : i % 2 === 0 ? 'controlplane' : 'worker';
      return node(`n${i}`, role, `10.1.${Math.floor(i / 250)}.${(i % 250) + 2}/16`, { taints: i % 7 === 0 ? ['a=b:NoSchedule'] : [] });
    });
    site.cluster.controlPlaneHost = '10.1.255.250';
    const topology = failureTopology(site);
    let worst: ReturnType<typeof worstSingleFailure> = null;
    const took = seconds(() => (worst = worstSingleFailure(topology)));
    console.log(`worstSingleFailure, 20,000 nodes (10,000 servers): ${took.toFixed(2)} s`);
    expect(worst).toMatchObject({ index: 0, verdict: 'keeps-working', singlePointsOfFailure: [] });
    expect(failureOutcome(topology, [worst!.index]).verdict).toBe('keeps-working');
    expect(took).toBeLessThan(3);
  });
});
