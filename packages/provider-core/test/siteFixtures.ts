/** Sites used by the tests: a healthy HA site, and a way to derive variants of it. */
import { createSite } from '../src/site/createSite.js';
import { rke2ConfigFor, siteContext } from '../src/site/rke2ConfigFor.js';
import { NodeSchema, RegistryConfigSchema, type RegistryConfig, type Site, type SiteNode } from '../src/site/siteSchema.js';

export const TEST_TOKEN = 'Zq8vN3kP2wX7mR4tY9bL6cF1hJ5dG0sA';

export function node(name: string, role: SiteNode['role'], address: string, more: Partial<SiteNode> = {}): SiteNode {
  return NodeSchema.parse({ name, role, address, ...more });
}

/** A well-formed (made-up) public key, for sites that need a login. */
const TEST_SSH_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample field-tech';

/** Three servers and two workers on 192.168.1.0/24, behind a load balancer at 192.168.1.5, an SSH login: no errors or warnings expected. */
export function haSite(): Site {
  return createSite({
    name: 'plant-7',
    cluster: { token: TEST_TOKEN, controlPlaneHost: '192.168.1.5', endpoint: 'load-balancer', tlsSans: ['k8s.plant-7.example'] },
    os: { user: { sshAuthorizedKeys: [TEST_SSH_KEY] } },
    nodes: [
      node('cp-1', 'init', '192.168.1.11/24', { mac: '52:54:00:00:01:11' }),
      node('cp-2', 'controlplane', '192.168.1.12/24', { mac: '52:54:00:00:01:12' }),
      node('cp-3', 'controlplane', '192.168.1.13/24', { mac: '52:54:00:00:01:13' }),
      node('worker-1', 'worker', '192.168.1.21/24', { labels: ['site=plant-7'], mac: '52:54:00:00:01:21' }),
      node('worker-2', 'worker', '192.168.1.22/24', { taints: ['gpu=true:NoSchedule'], mac: '52:54:00:00:01:22' }),
    ],
  });
}

/** The HA site with kube-vip holding the VIP 192.168.1.5 on the servers' eth0. */
export function kubeVipSite(): Site {
  const site = haSite();
  site.cluster.endpoint = 'kube-vip';
  return site;
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
    node(
      `node-${i + 1}`,
      i === 0 ? 'init' : i < 3 ? 'controlplane' : 'worker',
      `10.1.${Math.floor((i + 1) / 250)}.${((i + 1) % 250) + 1}/16`,
    ),
  );
  site.cluster.controlPlaneHost = '10.1.0.2';
  site.cluster.endpoint = 'init-node';
  return site;
}

/** A step generator's arguments for a node of a site: the site context, the node, its final RKE2 config. */
export function stepArgs(site: Site, index: number) {
  const ctx = siteContext(site);
  const node = site.nodes[index]!;
  return [ctx, node, rke2ConfigFor(ctx, node).config] as const;
}

/** A registry config with the schema's defaults for every field not given. */
export const registryConfig = (fields: Partial<RegistryConfig> & { host: string }): RegistryConfig => RegistryConfigSchema.parse(fields);
