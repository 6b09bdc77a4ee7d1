import { describe, expect, it } from 'vitest';
import { haSite, variant } from '../../test/siteFixtures.js';
import { withoutSecrets } from '../share/shareLink.js';
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

describe('analyseSite node status', () => {
  it("counts the site's own findings on every node, so the badges agree with the header (a share link without its token)", () => {
    const { site } = withoutSecrets(haSite());
    const { counts, nodeStatus, findings } = analyseSite(site);
    // The missing token is a site finding (and the agents' boot check names it too): the servers have no finding of their own.
    expect(findings.filter((f) => f.severity === 'error').every((f) => f.path.join('.') === 'cluster.token')).toBe(true);
    expect(counts.error).toBeGreaterThan(0);
    expect(nodeStatus).toEqual(site.nodes.map(() => 'errors'));
  });

  it("keeps a node's finding on that node, and a site warning in the header only (not on every badge)", () => {
    const one = analyseSite(variant((s) => (s.nodes[3]!.labels = ['bad label'])));
    expect(one.nodeStatus).toEqual(['ok', 'ok', 'ok', 'errors', 'ok']);
    const warned = analyseSite(variant((s) => (s.cluster.tlsSans = [s.cluster.controlPlaneHost])));
    expect(warned.counts).toMatchObject({ error: 0 });
    expect(warned.counts.warning).toBeGreaterThan(0);
    expect(warned.nodeStatus).toEqual(warned.nodeStatus.map(() => 'ok'));
  });
});
