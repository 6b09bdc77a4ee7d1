import { describe, expect, it } from 'vitest';
import { haSite, variant } from '../../test/siteFixtures.js';
import { analyseSite } from '../designer/siteAnalysis.js';
import { lintSite } from '../lint/lintSite.js';
import { expandSite } from '../site/expandSite.js';
import { SiteCheckSchema } from './checkResult.js';
import { checkSite, publicSiteCheck } from './checkSite.js';

describe('checkSite', () => {
  it('gives one node check per site node, in site order, and every node of the HA site comes up', () => {
    const check = checkSite(haSite());
    expect(check.nodes.map((n) => [n.node, n.service, n.ok])).toEqual([
      ['cp-1', 'rke2-server', true],
      ['cp-2', 'rke2-server', true],
      ['cp-3', 'rke2-server', true],
      ['worker-1', 'rke2-agent', true],
      ['worker-2', 'rke2-agent', true],
    ]);
    expect(SiteCheckSchema.strict().parse(publicSiteCheck(check))).toBeTruthy();
  });

  it('runs once per expansion: lint and the analysis share it', () => {
    const site = haSite();
    const expanded = expandSite(site);
    expect(checkSite(site, expanded)).toBe(checkSite(site, expanded));
  });

  it('a node the provider writes nothing for does not come up', () => {
    const site = variant((s) => (s.nodes[1]!.extraConfig = 'tls-san: extra.example\n'));
    expect(checkSite(site).nodes[1]).toMatchObject({ ok: false, failures: [expect.objectContaining({ rule: 'provider' })] });
  });

  it('puts each failure in the findings and marks the node in error, also when the cause is a site field', () => {
    const site = variant((s) => Object.assign(s.network, { serviceCidr: '10.101.0.0/16', clusterDns: '10.43.0.10' }));
    const analysis = analyseSite(site);
    expect(analysis.findings.filter((f) => f.code === 'rke2-refuses-start').map((f) => f.path)).toEqual([
      ['network', 'clusterDns'],
      ['network', 'clusterDns'],
      ['network', 'clusterDns'],
    ]);
    expect(analysis.nodeStatus).toEqual(['errors', 'errors', 'errors', 'ok', 'ok']);
    expect(analysis.check.nodes.map((n) => n.ok)).toEqual([false, false, false, true, true]);
    expect(
      lintSite(site).some(
        (f) =>
          f.code === 'rke2-refuses-start' && f.message.startsWith('cp-1 (rke2-server) would not come up: failed to allocate IP 10.43.0.10'),
      ),
    ).toBe(true);
  });
});
