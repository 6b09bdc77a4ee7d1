/**
 * The sites `pnpm bench:core` measures, built from the designer's own site model: each starts
 * from a site template (designer/siteTemplates.ts) and gets its nodes, token, proxy, extra config,
 * labels and taints varied with a seeded pseudo-random generator, so every run measures the same
 * inputs. Node user-data is what the designer makes of them (site/expandSite.ts).
 */
import { SITE_TEMPLATES } from '../src/designer/siteTemplates.js';
import { expandSite } from '../src/site/expandSite.js';
import { NodeSchema, type Site, type SiteNode } from '../src/site/siteSchema.js';

/** mulberry32: a small seeded generator, so the inputs are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function token(random: () => number, length: number): string {
  return Array.from({ length }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join('');
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** The n-th host address of 10.<net>.0.0/16 (skipping .0 and .255 of each /24), with its prefix. */
function address(net: number, n: number): string {
  return `10.${net}.${Math.floor(n / 254)}.${(n % 254) + 1}/16`;
}

const SITE_EXTRA = [
  '',
  'kube-apiserver-arg:\n  - "audit-log-maxage=30"\n  - "audit-log-maxbackup=10"\n',
  'etcd-snapshot-schedule-cron: "0 */6 * * *"\netcd-snapshot-retention: 10\n',
  'disable:\n  - rke2-snapshot-controller\nkubelet-arg:\n  - max-pods=200\n  - "eviction-hard=memory.available<5%"\n',
  'debug: true\nprotect-kernel-defaults: true\n',
];

const NODE_EXTRA = [
  '',
  '',
  '',
  'kubelet-arg:\n  - "max-pods=150"\n',
  'kube-proxy-arg:\n  - "metrics-bind-address=0.0.0.0:10249"\n',
  'resolv-conf: /run/systemd/resolve/resolv.conf\n',
];
const ZONES = ['zone-a', 'zone-b', 'zone-c'];

interface NodeShape {
  role: SiteNode['role'];
  name: string;
}

/** Node i of a site: init first, two control planes when `ha`, workers after. */
function nodeShape(i: number, ha: boolean, prefix: string): NodeShape {
  if (i === 0) return { role: 'init', name: `${prefix}-cp-1` };
  if (ha && i < 3) return { role: 'controlplane', name: `${prefix}-cp-${i + 1}` };
  return { role: 'worker', name: `${prefix}-w-${i}` };
}

/**
 * A site of `nodeCount` nodes grown from template `templateIndex`: network 10.<net>.0.0/16, a
 * seeded token, and per-node labels, taints, MAC addresses and extra config drawn from `random`.
 */
export function designedSite(nodeCount: number, templateIndex: number, net: number, random: () => number): Site {
  const template = SITE_TEMPLATES[templateIndex % SITE_TEMPLATES.length]!;
  const site = template.build();
  const ha = site.cluster.endpoint === 'kube-vip' || nodeCount > 3;
  const prefix = `${template.id}-${net}`;
  site.name = `${prefix}-site`;
  site.cluster.token = token(random, 32 + Math.floor(random() * 32));
  site.extraConfig = pick(random, SITE_EXTRA);
  site.cluster.tlsSans = random() < 0.3 ? [`k8s.${prefix}.example`] : [];
  if (random() < 0.3) {
    site.proxy = {
      httpProxy: `http://proxy-${net}.corp.example:3128`,
      httpsProxy: `http://proxy-${net}.corp.example:3128`,
      noProxy: `.corp.example`,
    };
  }
  site.nodes = Array.from({ length: nodeCount }, (_, i) => {
    const { role, name } = nodeShape(i, ha, prefix);
    const zone = pick(random, ZONES);
    return NodeSchema.parse({
      name,
      role,
      address: address(net, i + 20),
      mac: `52:54:00:${[net, i >> 8, i & 255].map((b) => (b & 255).toString(16).padStart(2, '0')).join(':')}`,
      labels: random() < 0.5 ? [`topology.kubernetes.io/zone=${zone}`, `edge.example.com/rack=r${Math.floor(random() * 40)}`] : [],
      taints: role === 'worker' && random() < 0.1 ? ['gpu=true:NoSchedule'] : [],
      setNodeIp: random() < 0.3,
      extraConfig: pick(random, NODE_EXTRA),
    });
  });
  // The VIP (kube-vip) or the init node's own address: either way inside the node network.
  site.cluster.controlPlaneHost = site.cluster.endpoint === 'kube-vip' ? `10.${net}.0.5` : site.nodes[0]!.address.split('/')[0]!;
  return site;
}

export interface NodeInput {
  /** The node's user-data: the cloud-config the plugin decodes. */
  cloudConfig: string;
  nodeCidr: string;
}

/**
 * `count` node inputs from sites of 1 to 100 nodes, each site from the next template, on networks
 * 10.120-209.0.0/16 (clear of the templates' pod and service networks).
 */
export function nodeInputs(count: number, seed = 13): NodeInput[] {
  const random = seededRandom(seed);
  const inputs: NodeInput[] = [];
  for (let s = 0; inputs.length < count; s++) {
    const size = Math.min(count - inputs.length, 1 + Math.floor(random() * 100));
    const expanded = expandSite(designedSite(size, s, 120 + (s % 90), random));
    if (expanded.tooLarge) throw new Error(`bench site ${s} is too large to expand: ${expanded.tooLarge}`);
    for (const node of expanded.nodes) inputs.push({ cloudConfig: node.userData, nodeCidr: node.node.address });
  }
  return inputs;
}

/** A site whose extra RKE2 config has `keys` top-level keys (far above LIMITS.extraConfigBytes). */
export function siteWithExtraKeys(keys: number): Site {
  const site = designedSite(3, 1, 7, seededRandom(7));
  site.extraConfig = Array.from({ length: keys }, (_, i) => `extra-key-${i}: value-${i}\n`).join('');
  return site;
}
