/**
 * The README's promise, fuzzed with a fixed seed: a design that lints with 0 errors comes up —
 * whatever mix of the settings that matter to RKE2's start-up rules a site has, lint never says
 * "0 errors" while the boot check rejects a node.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertySettings } from '../../test/fastCheckSettings.js';
import { haSite } from '../../test/siteFixtures.js';
import { SITE_TEMPLATES } from '../designer/siteTemplates.js';
import { expandSite } from '../site/expandSite.js';
import { lintSite } from '../lint/lintSite.js';
import type { Site } from '../site/siteSchema.js';
import { checkSite } from './checkSite.js';

const bases: (() => Site)[] = [haSite, ...SITE_TEMPLATES.map((t) => () => t.build())];

const edits = fc.record({
  base: fc.nat(bases.length - 1),
  cis: fc.boolean(),
  selinux: fc.boolean(),
  fips: fc.boolean(),
  label: fc.constantFrom(
    '',
    'site=a',
    'node-role.kubernetes.io/worker=true',
    'node.kubernetes.io/role=edge',
    'app.k8s.io/x=1',
    'kubernetes.io/hostname=x',
  ),
  network: fc.constantFrom<[string, string]>(
    ['10.43.0.0/16', ''],
    ['10.101.0.0/16', ''],
    ['10.101.0.0/16', '10.43.0.10'],
    ['10.43.0.0/16', '10.43.0.53'],
  ),
  endpoint: fc.constantFrom('init-node', 'kube-vip', 'load-balancer') as fc.Arbitrary<Site['cluster']['endpoint']>,
  host: fc.constantFrom('init', 'vip'),
  images: fc.constantFrom<[string, string[]]>(
    ['internet', []],
    ['archives', []],
    ['archives', ['rke2-images-core.linux-amd64.tar.zst']],
    ['archives', ['rke2-images-core.linux-amd64.tar', 'rke2-images-canal.linux-amd64.tar']],
  ),
  extra: fc.constantFrom(
    '',
    'protect-kernel-defaults: false\n',
    'data-dir: rel\n',
    'selinux: maybe\n',
    'profile: etcd\n',
    'profile: cis-1.6\n',
    'etcd-snapshot-retention: 5\n',
  ),
  extraOn: fc.nat(5),
});

describe('lint and the boot check agree', () => {
  it('never gives "0 errors" for a site the check rejects', () => {
    let clean = 0;
    let rejectedSites = 0;
    fc.assert(
      fc.property(edits, (e) => {
        const site = structuredClone(bases[e.base]!());
        Object.assign(site.security, { cisProfile: e.cis, selinux: e.selinux, fips: e.fips });
        const target = site.nodes[e.extraOn % site.nodes.length]!;
        if (e.label) target.labels.push(e.label);
        target.extraConfig = e.extra;
        Object.assign(site.network, { serviceCidr: e.network[0], clusterDns: e.network[1] });
        const init = site.nodes.find((n) => n.role === 'init');
        site.cluster.endpoint = e.endpoint;
        site.cluster.controlPlaneHost = e.host === 'init' && init ? init.address.split('/')[0]! : site.cluster.controlPlaneHost;
        Object.assign(site.airGap, { imageSource: e.images[0], imageArchives: e.images[1] });
        const expanded = expandSite(site);
        const errors = lintSite(site, expanded).filter((f) => f.severity === 'error');
        const rejected = checkSite(site, expanded).nodes.filter((n) => !n.ok);
        if (rejected.length > 0) rejectedSites++;
        if (errors.length === 0) {
          clean++;
          expect(rejected.map((n) => [n.node, n.failures])).toEqual([]);
        }
      }),
      { ...propertySettings, numRuns: Math.min(propertySettings.numRuns, 150) },
    );
    // Both sides of the promise were exercised: clean designs, and designs the check rejects.
    expect(clean).toBeGreaterThan(0);
    expect(rejectedSites).toBeGreaterThan(0);
  }, 120_000);
});
