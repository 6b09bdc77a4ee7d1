/**
 * Starting points for a new site, one per common edge design. Each is a complete site that lints
 * without errors; the designer then edits it. Every template gets a freshly generated token.
 */
import { generateClusterToken } from '../site/clusterToken.js';
import { createSite } from '../site/createSite.js';
import type { Site, SiteInput, SiteNode } from '../site/siteSchema.js';
import { SITE_TEMPLATE_INFO, type SiteTemplateInfo } from './siteTemplateInfo.js';

export interface SiteTemplate extends SiteTemplateInfo {
  build(): Site;
}

function info(id: string): SiteTemplateInfo {
  const found = SITE_TEMPLATE_INFO.find((t) => t.id === id);
  if (!found) throw new Error(`no template info for ${id}`);
  return found;
}

type NodeInput = Pick<SiteNode, 'name' | 'role' | 'address'> & Partial<SiteNode>;

/**
 * A site from a template's settings, with a freshly generated token. A template cannot know the
 * user's SSH key, and a made-up one would be a login that does not work: templates choose "no
 * login" (a warning that asks for a key or a password) until the user gives one.
 */
function templateSite(settings: Omit<SiteInput, 'version' | 'cluster'> & { cluster: Omit<SiteInput['cluster'], 'token'> }): Site {
  const os = { ...settings.os, user: { noLogin: true, ...settings.os?.user } };
  return createSite({ ...settings, os, cluster: { ...settings.cluster, token: generateClusterToken() } });
}

const nodes = (...list: NodeInput[]): SiteInput['nodes'] => list;

/** Three servers (init + two control planes) and `workers` workers on one /24. */
function haNodes(prefix: string, workers: number, extra: Partial<SiteNode> = {}): SiteInput['nodes'] {
  return [
    { name: 'cp-1', role: 'init', address: `${prefix}.11/24`, ...extra },
    { name: 'cp-2', role: 'controlplane', address: `${prefix}.12/24`, ...extra },
    { name: 'cp-3', role: 'controlplane', address: `${prefix}.13/24`, ...extra },
    ...Array.from({ length: workers }, (_, i) => ({
      name: `worker-${i + 1}`,
      role: 'worker' as const,
      address: `${prefix}.${21 + i}/24`,
      ...extra,
    })),
  ];
}

export const SITE_TEMPLATES: readonly SiteTemplate[] = [
  {
    ...info('single-node'),
    build: () =>
      templateSite({
        name: 'single-node',
        description: 'One Kairos device running RKE2 as server and workload node.',
        cluster: { controlPlaneHost: '192.168.1.10', endpoint: 'init-node' },
        nodes: nodes({ name: 'edge-1', role: 'init', address: '192.168.1.10/24' }),
      }),
  },
  {
    ...info('ha'),
    build: () =>
      templateSite({
        name: 'ha-site',
        description:
          "Highly available cluster: etcd quorum on three servers, registration through the VIP 192.168.10.5, which kube-vip holds on the servers' eth0 (set the interface name your devices use).",
        cluster: { controlPlaneHost: '192.168.10.5', endpoint: 'kube-vip', kubeVip: { interface: 'eth0' }, tlsSans: [] },
        nodes: haNodes('192.168.10', 2),
      }),
  },
  {
    ...info('air-gapped-fips'),
    build: () =>
      templateSite({
        name: 'air-gapped-fips',
        description:
          "Disconnected site. Copy the RKE2 release's image archives (.tar.zst, listed in Air-gap) to /opt/content/images before first boot; paste the registry's CA certificate under Air-gap → Registries.",
        cluster: { controlPlaneHost: '10.20.0.11' },
        security: { fips: true, secretsEncryptionProvider: 'aescbc' },
        airGap: {
          imageSource: 'archives',
          imageArchives: ['rke2-images-core.linux-amd64.tar.zst', 'rke2-images-canal.linux-amd64.tar.zst'],
          systemDefaultRegistry: 'registry.local:5000',
          mirrors: [{ registry: 'docker.io', endpoints: ['https://registry.local:5000'] }],
          // The CA's content is the site's own: until it is pasted, containerd trusts the system CAs only.
          registryConfigs: [{ host: 'registry.local:5000' }],
        },
        nodes: nodes(
          { name: 'cp-1', role: 'init', address: '10.20.0.11/24' },
          { name: 'worker-1', role: 'worker', address: '10.20.0.21/24' },
        ),
      }),
  },
  {
    ...info('proxy'),
    build: () =>
      templateSite({
        name: 'proxied-site',
        description: 'Corporate network: image pulls go through the proxy, node and cluster networks do not.',
        cluster: { controlPlaneHost: '172.16.5.11', endpoint: 'init-node' },
        proxy: {
          httpProxy: 'http://proxy.corp.example:3128',
          httpsProxy: 'http://proxy.corp.example:3128',
          noProxy: '172.16.5.0/24,.corp.example',
        },
        nodes: nodes(
          { name: 'cp-1', role: 'init', address: '172.16.5.11/24' },
          { name: 'worker-1', role: 'worker', address: '172.16.5.21/24' },
          { name: 'worker-2', role: 'worker', address: '172.16.5.22/24' },
        ),
      }),
  },
  {
    ...info('cis-selinux'),
    build: () =>
      templateSite({
        name: 'hardened-site',
        description:
          "CIS benchmark profile with SELinux; RKE2 enforces the restricted Pod Security level. kube-vip holds the VIP 192.168.20.5 on the servers' eth0.",
        cluster: { controlPlaneHost: '192.168.20.5', endpoint: 'kube-vip', kubeVip: { interface: 'eth0' } },
        security: { cisProfile: true, selinux: true, podSecurity: 'restricted' },
        nodes: haNodes('192.168.20', 1),
      }),
  },
  {
    ...info('stylus-edge'),
    build: () =>
      templateSite({
        name: 'store-0042',
        description: 'Store 42, region eu-west. Labels let fleet tooling target workloads by store and region.',
        cluster: { controlPlaneHost: '10.42.100.10', endpoint: 'init-node' },
        network: { clusterCidr: '10.244.0.0/16', serviceCidr: '10.96.0.0/12', clusterDns: '10.96.0.10' },
        nodes: nodes(
          ...(['edge-server', 'edge-worker-1', 'edge-worker-2'] as const).map((name, i) => ({
            name,
            role: i === 0 ? ('init' as const) : ('worker' as const),
            address: `10.42.100.${10 + i}/24`,
            labels: ['topology.kubernetes.io/region=eu-west', 'topology.kubernetes.io/zone=store-0042', 'edge.example.com/store=0042'],
          })),
        ),
      }),
  },
];

export function siteTemplate(id: string): SiteTemplate | undefined {
  return SITE_TEMPLATES.find((t) => t.id === id);
}
