import { describe, expect, it } from 'vitest';
import { haSite, variant } from '../../test/siteFixtures.js';
import { analyseSite } from './siteAnalysis.js';

describe('analyseSite counts', () => {
  it('counts the findings it returns, by severity', () => {
    const site = variant((s) => {
      s.nodes[1]!.extraConfig = 'cni: [';
      s.nodes[3]!.labels = ['bad label'];
      s.cluster.tlsSans = [s.cluster.controlPlaneHost];
    });
    const { findings, counts } = analyseSite(site);
    expect(counts.error).toBeGreaterThan(0);
    expect(counts.warning).toBeGreaterThan(0);
    for (const severity of ['error', 'warning', 'info'] as const)
      expect(counts[severity]).toBe(findings.filter((f) => f.severity === severity).length);
  });

  it('counts nothing for a clean site', () => {
    const { findings, counts } = analyseSite(haSite());
    expect(counts).toEqual({ error: 0, warning: 0, info: findings.length });
  });
});
