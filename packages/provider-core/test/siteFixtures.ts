/** Sites used by the tests: a healthy HA site, and a way to derive variants of it. */
import { createSite } from '../src/site/createSite.js';
import { NodeSchema, type Site, type SiteNode } from '../src/site/siteSchema.js';

export const TEST_TOKEN = 'Zq8vN3kP2wX7mR4tY9bL6cF1hJ5dG0sA';

export function node(name: string, role: SiteNode['role'], address: string, more: Partial<SiteNode> = {}): SiteNode {
  return NodeSchema.parse({ name, role, address, ...more });
}

/** Three servers and two workers on 192.168.1.0/24, VIP 192.168.1.5: no findings expected. */
export function haSite(): Site {
  return createSite({
    name: 'plant-7',
    cluster: { token: TEST_TOKEN, controlPlaneHost: '192.168.1.5', tlsSans: ['k8s.plant-7.example'] },
    nodes: [
      node('cp-1', 'init', '192.168.1.11/24'),
      node('cp-2', 'controlplane', '192.168.1.12/24'),
      node('cp-3', 'controlplane', '192.168.1.13/24'),
      node('worker-1', 'worker', '192.168.1.21/24', { labels: ['site=plant-7'] }),
      node('worker-2', 'worker', '192.168.1.22/24', { taints: ['gpu=true:NoSchedule'] }),
    ],
  });
}

/** A copy of the HA site changed by `edit`. */
export function variant(edit: (site: Site) => void): Site {
  const site = structuredClone(haSite());
  edit(site);
  return site;
}

/** A site with `count` nodes: one init, two control planes, the rest workers on a /16. */
export function largeSite(count: number): Site {
  const site = haSite();
  site.nodes = Array.from({ length: count }, (_, i) =>
    node(`node-${i + 1}`, i === 0 ? 'init' : i < 3 ? 'controlplane' : 'worker', `10.1.${Math.floor((i + 1) / 250)}.${((i + 1) % 250) + 1}/16`),
  );
  site.cluster.controlPlaneHost = '10.1.0.2';
  return site;
}
