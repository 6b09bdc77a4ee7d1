/**
 * What a device must bring that no cloud-config can give it, in plain words, per node:
 * - the Kairos image with RKE2 of the site's version (provider-rke2 starts the RKE2 baked into the
 *   image; the version chosen in the designer is written nowhere else);
 * - a FIPS-capable image when the site boots with fips=1, an SELinux image with the rke2-selinux
 *   policy when the RKE2 config the node runs turns selinux on (form, site or node extra config,
 *   read as RKE2 reads a bool flag: yaml/goBool.ts flagOn, the same reading as the compliance
 *   view) (docs.rke2.io/security/fips_support, docs.rke2.io/security/selinux);
 * - memory and CPU per role from docs.rke2.io/install/requirements ("Hardware": 4 GB RAM and 2 CPU
 *   minimum, 8 GB and 4 CPU recommended; servers sized by the number of agents, "VM Sizing Guide");
 *   an SSD for servers (etcd; same page, "Disks");
 * - the image archives to copy (archives sites), the MAC reservation (DHCP-reservation addressing),
 *   the init node's DNS record (a name as init-node endpoint), the load balancer's forwarding
 *   (load-balancer endpoint);
 * - what no config can show: that the site's own workloads are FIPS-compatible (RKE2's FIPS build
 *   covers RKE2's components only, docs.rke2.io/security/fips_support), and that no swap comes
 *   back after the provider's "disable disk swap" stage (swapoff -a and /etc/fstab; the kubelet
 *   refuses to start with swap on unless fail-swap-on is false, kubernetes.io/docs/concepts/
 *   architecture/nodes/#swap-memory).
 */
import { parseCidr, parseHostAddress, formatIp } from '../net/ipAddress.js';
import { flagOn } from '../yaml/goBool.js';
import { archiveFileName, groupsFor, groupsListed } from '../site/imageArchives.js';
import { rke2ConfigFor, siteContext } from '../site/rke2ConfigFor.js';
import { isServerRole, type Site, type SiteNode } from '../site/siteSchema.js';
import type { GoObject } from '../yaml/goJson.js';

/** docs.rke2.io/install/requirements, "VM Sizing Guide": server CPU and RAM by number of agents. */
const SERVER_SIZING: readonly [maxAgents: number, cpu: number, ramGb: number][] = [
  [225, 2, 4],
  [450, 4, 8],
  [1300, 8, 16],
  [Infinity, 16, 32],
];

export function serverSizing(agents: number): { cpu: number; ramGb: number } {
  const [, cpu, ramGb] = SERVER_SIZING.find(([max]) => agents <= max)!;
  return { cpu, ramGb };
}

/** What a FIPS site's devices need (also named by the compliance view, designer/complianceModel.ts). */
export const FIPS_IMAGE_NEED = 'FIPS-capable Kairos image (FIPS kernel and the RKE2 FIPS build; the node boots with fips=1)';
/** What an SELinux site's devices need (also named by the compliance view). */
export const SELINUX_IMAGE_NEED = 'Kairos image with SELinux enabled and the rke2-selinux policy installed';

/** FIPS covers RKE2's own binaries and images; what the site runs must be built for it as well. */
export const FIPS_WORKLOADS_NEED =
  "Workload images built with FIPS-validated crypto (RKE2's FIPS build covers RKE2's own components only; no config shows whether your images are)";
/** The provider turns swap off before RKE2 starts; swap turned on later stops the kubelet. */
export const NO_SWAP_NEED =
  'No swap turned on after boot (a zram or systemd swap unit): the provider runs swapoff -a and comments out swap in /etc/fstab at each boot, and the kubelet refuses to run with swap';

/** A node with the RKE2 config it runs (`cluster.config`: an ExpandedNode is one). */
export interface NodeWithConfig {
  node: SiteNode;
  config: GoObject;
}

/**
 * The needs of every node of a site, as a function of the node: what depends on the whole site
 * (the worker count, the archives, the init node's address) is worked out once, so a 20,000-node
 * site costs 20,000 short lists, not 20,000 scans of its nodes.
 */
export function deviceNeedsOf(site: Site): (running: NodeWithConfig) => string[] {
  const first = [`Kairos image with RKE2 ${site.rke2Version} (RKE2 is baked into the image; the provider starts that version)`];
  if (site.security.fips) first.push(FIPS_IMAGE_NEED, FIPS_WORKLOADS_NEED);
  const agents = site.nodes.filter((n) => n.role === 'worker').length;
  const { cpu, ramGb } = serverSizing(agents);
  const server = [
    `At least ${cpu} CPU and ${ramGb} GB RAM (control plane and etcd for ${agents} worker${agents === 1 ? '' : 's'})`,
    'An SSD for etcd',
  ];
  const worker = ['At least 2 CPU and 4 GB RAM (8 GB and 4 CPU recommended)'];
  const archives = archivesNeed(site);
  const last = endpointNeeds(site);
  return ({ node, config }) => {
    const needs = [...first];
    if (flagOn(config.get('selinux'))) needs.push(SELINUX_IMAGE_NEED);
    needs.push(...(isServerRole(node.role) ? server : worker), ...archives);
    if (node.addressing === 'dhcp-reservation') {
      const address = parseCidr(node.address)?.address;
      if (address)
        needs.push(
          node.mac
            ? `DHCP reservation of ${formatIp(address)} for MAC ${node.mac}`
            : `DHCP reservation of ${formatIp(address)} for the node's MAC address (not given yet)`,
        );
    }
    return [...needs, ...last, NO_SWAP_NEED];
  };
}

/** One node's needs, its config worked out from the site (rke2ConfigFor). */
export function deviceNeeds(site: Site, node: SiteNode): string[] {
  return deviceNeedsOf(site)({ node, config: rke2ConfigFor(siteContext(site), node).config });
}

/** The archives to copy on an archives site: what the user listed, then the published ones no listed one covers. */
export function archivesToCopy(site: Site): string[] {
  if (site.airGap.imageSource !== 'archives') return [];
  const listed = groupsListed(site.airGap.imageArchives);
  const needed = groupsFor(site)
    .filter((group) => !listed.has(group))
    .map((group) => archiveFileName(group));
  return [...new Set([...site.airGap.imageArchives, ...needed])];
}

function archivesNeed(site: Site): string[] {
  const names = archivesToCopy(site);
  return names.length > 0 ? [`Image archives copied to ${site.airGap.imagesPath}: ${names.join(', ')}`] : [];
}

/** The init node's DNS record (a name as init-node endpoint), the load balancer's forwarding. */
function endpointNeeds(site: Site): string[] {
  const needs: string[] = [];
  const host = site.cluster.controlPlaneHost;
  // A bracketed IPv6 host ([fd00::1], as a URL needs it) is an address, not a DNS name.
  if (site.cluster.endpoint === 'init-node' && parseHostAddress(host) === null && host !== '') {
    const init = site.nodes.find((n) => n.role === 'init');
    const address = init ? parseCidr(init.address)?.address : undefined;
    needs.push(`The DNS name ${host} resolves to the init node${address ? ` (${formatIp(address)})` : ''} on every node`);
  }
  if (site.cluster.endpoint === 'load-balancer') {
    needs.push(`The load balancer at ${site.cluster.controlPlaneHost} forwards ports 9345 and 6443 to the servers`);
  }
  return needs;
}
