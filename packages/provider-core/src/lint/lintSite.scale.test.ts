/**
 * Large sites without timing: what lintSite finds for a node does not depend on how many nodes
 * share the site, and lint, the boot check and the bundle's files read the node list a number of
 * times that grows linearly with it (a scan of every node per node would make it grow as n²).
 */
import { describe, expect, it } from 'vitest';
import { kubeVipSite, node } from '../../test/siteFixtures.js';
import { bundleFiles } from '../bundle/buildBundle.js';
import { expandSite } from '../site/expandSite.js';
import type { Site, SiteNode } from '../site/siteSchema.js';
import type { Finding } from './finding.js';
import { lintSite } from './lintSite.js';

/**
 * `count` nodes behind kube-vip: every other one a server (so the boot check and the device needs
 * have many servers to look at), the init node in the middle; workers with a misspelt key in their
 * extra config, every third one with a label Kubernetes refuses.
 */
function site(count: number): Site {
  const s = kubeVipSite();
  const init = Math.floor(count / 2);
  s.nodes = Array.from({ length: count }, (_, i): SiteNode => {
    const role = i === init ? 'init' : i % 2 === 0 ? 'controlplane' : 'worker';
    const address = `10.1.${Math.floor(i / 250)}.${(i % 250) + 2}/16`;
    const mac = `52:54:00:00:${(i >> 8).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}`;
    if (role !== 'worker') return node(`n${i}`, role, address, { mac });
    return node(`n${i}`, role, address, { mac, extraConfig: 'node-lable: a\n', labels: i % 3 === 0 ? ['bad label'] : [] });
  });
  s.cluster.controlPlaneHost = '10.1.255.250';
  return s;
}

/** Node i's findings with its index and name written as NODE, so two nodes of the same kind compare equal. */
function ofNode(findings: readonly Finding[], i: number): string {
  const own = findings.filter((f) => f.path[0] === 'nodes' && f.path[1] === i);
  return JSON.stringify(own.map((f) => ({ ...f, path: f.path.map((p, k) => (k === 1 ? 'NODE' : p)) }))).replaceAll(`n${i}`, 'NODE');
}

describe('lintSite on large sites', () => {
  it('finds for each node of a 1,000-node site what it finds for the same kind of node in a 12-node site', () => {
    const small = lintSite(site(12));
    const kinds = new Map([3, 5, 1, 2].map((i) => [`${i % 2 === 0 ? 'server' : i % 3 === 0 ? 'bad-label' : 'worker'}`, ofNode(small, i)]));
    expect(kinds.get('bad-label')).toContain('label-invalid');
    expect(kinds.get('worker')).toContain('unknown-key');
    expect(kinds.get('server')).toBe('[]');
    const big = site(1000);
    const findings = lintSite(big);
    big.nodes.forEach((n, i) => {
      const kind = n.role !== 'worker' ? 'server' : i % 3 === 0 ? 'bad-label' : 'worker';
      expect(ofNode(findings, i), n.name).toBe(kinds.get(kind));
    });
    const perNode = findings.filter((f) => f.path[0] === 'nodes' && typeof f.path[1] === 'number');
    expect(perNode).toHaveLength(500 + 167);
  });

  it('reads the node list linearly in its length: lint, boot check and bundle files', () => {
    const reads = (count: number) => {
      const s = site(count);
      let n = 0;
      s.nodes = new Proxy(s.nodes, {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key)) n++;
          return Reflect.get(target, key, receiver) as unknown;
        },
      });
      const expanded = expandSite(s);
      lintSite(s, expanded);
      bundleFiles(expanded);
      return n;
    };
    const [small, large] = [reads(200), reads(800)];
    // Four times the nodes: about four times the reads (a per-node scan of all nodes gives sixteen).
    expect(large).toBeLessThan(small * 4.5);
  });
});
