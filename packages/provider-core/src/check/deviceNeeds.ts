/**
 * What a device must bring that no cloud-config can give it, in plain words, per node:
 * - the Kairos image with RKE2 of the site's version (provider-rke2 starts the RKE2 baked into the
 *   image; the version chosen in the designer is written nowhere else);
 * - a FIPS-capable image when the site boots with fips=1, an SELinux image with the rke2-selinux
 *   policy when selinux is on (docs.rke2.io/security/fips_support, docs.rke2.io/security/selinux);
 * - memory and CPU per role from docs.rke2.io/install/requirements ("Hardware": 4 GB RAM and 2 CPU
 *   minimum, 8 GB and 4 CPU recommended; servers sized by the number of agents, "VM Sizing Guide");
 *   an SSD for servers (etcd; same page, "Disks");
 * - the image archives to copy (archives sites), the MAC reservation (DHCP-reservation addressing),
 *   the init node's DNS record (a name as init-node endpoint), the load balancer's forwarding
 *   (load-balancer endpoint).
 */
import { parseCidr, parseIp, formatIp } from '../net/ipAddress.js';
import { archiveFileName, groupsFor, groupsListed } from '../site/imageArchives.js';
import { isServerRole, type Site, type SiteNode } from '../site/siteSchema.js';

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

export function deviceNeeds(site: Site, node: SiteNode): string[] {
  const needs = [`Kairos image with RKE2 ${site.rke2Version} (RKE2 is baked into the image; the provider starts that version)`];
  if (site.security.fips) needs.push('FIPS-capable Kairos image (FIPS kernel and the RKE2 FIPS build; the node boots with fips=1)');
  if (site.security.selinux) needs.push('Kairos image with SELinux enabled and the rke2-selinux policy installed');
  if (isServerRole(node.role)) {
    const agents = site.nodes.filter((n) => n.role === 'worker').length;
    const { cpu, ramGb } = serverSizing(agents);
    needs.push(
      `At least ${cpu} CPU and ${ramGb} GB RAM (control plane and etcd for ${agents} worker${agents === 1 ? '' : 's'})`,
      'An SSD for etcd',
    );
  } else {
    needs.push('At least 2 CPU and 4 GB RAM (8 GB and 4 CPU recommended)');
  }
  if (site.airGap.imageSource === 'archives') {
    // What the site needs (the published archives not already covered by a listed one), then what the user listed.
    const listed = groupsListed(site.airGap.imageArchives);
    const needed = groupsFor(site)
      .filter((group) => !listed.has(group))
      .map((group) => archiveFileName(group));
    const names = [...new Set([...site.airGap.imageArchives, ...needed])];
    if (names.length > 0) needs.push(`Image archives copied to ${site.airGap.imagesPath}: ${names.join(', ')}`);
  }
  if (node.addressing === 'dhcp-reservation') {
    const address = parseCidr(node.address)?.address;
    if (address) needs.push(`DHCP reservation of ${formatIp(address)} for MAC ${node.mac || '(MAC address not given yet)'}`);
  }
  const host = site.cluster.controlPlaneHost;
  if (site.cluster.endpoint === 'init-node' && parseIp(host) === null && host !== '') {
    const init = site.nodes.find((n) => n.role === 'init');
    const address = init ? parseCidr(init.address)?.address : undefined;
    needs.push(`The DNS name ${host} resolves to the init node${address ? ` (${formatIp(address)})` : ''} on every node`);
  }
  if (site.cluster.endpoint === 'load-balancer') {
    needs.push(`The load balancer at ${site.cluster.controlPlaneHost} forwards ports 9345 and 6443 to the servers`);
  }
  return needs;
}
