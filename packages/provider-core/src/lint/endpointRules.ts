/**
 * Checks that something serves the control-plane host every joining node registers with
 * (`server: https://HOST:9345`, written by the provider). Codes: endpoint-not-served,
 * vip-not-address, vip-is-node-address, vip-outside-subnet, interface-invalid,
 * kube-vip-image-unavailable, load-balancer-required.
 *
 * - `init-node`: only the init node serves it, so an IP host must be that node's address.
 * - `kube-vip`: the servers hold the VIP with ARP (kubeVipSteps.ts). ARP answers only on the
 *   servers' own network, so the VIP must be an IP address on it, owned by no node (kube-vip adds
 *   it to the interface of the leader: kube-vip/kube-vip `pkg/vip/address.go`).
 * - `load-balancer`: the user runs it; RKE2's HA docs (docs.rke2.io/install/ha, "Configure the
 *   Fixed Registration Address") say it must forward 9345 and 6443 to the servers.
 */
import { interfaceNameProblem } from '../net/interfaceName.js';
import { formatIp, networkContains, parseCidr, parseHostAddress, parseIp, type IpAddress } from '../net/ipAddress.js';
import { kubeVipImageSource } from '../site/kubeVipImage.js';
import { isServerRole, type Site, type SiteNode } from '../site/siteSchema.js';
import type { Finding } from './finding.js';

const HOST_PATH = ['cluster', 'controlPlaneHost'];
const SUPERVISOR_PORT = 9345;
const API_PORT = 6443;

const hostAddress = parseHostAddress;
const nodeAddress = (node: SiteNode): IpAddress | null => parseCidr(node.address.trim())?.address ?? parseIp(node.address.trim());
const sameAddress = (a: IpAddress, b: IpAddress): boolean => a.family === b.family && a.value === b.value;

/** init-node: an IP host that is not the init node's address is served by nothing. */
function initNodeEndpointFindings(site: Site): Finding[] {
  const host = site.cluster.controlPlaneHost.trim();
  const address = hostAddress(host);
  const init = site.nodes.find((n) => n.role === 'init');
  const initAddress = init ? nodeAddress(init) : null;
  if (!address || !init || !initAddress || sameAddress(address, initAddress)) return [];
  const initIp = formatIp(initAddress);
  return [
    {
      severity: 'error',
      code: 'endpoint-not-served',
      message:
        `the control-plane host ${host} is not the address of the init node ${init.name} (${initIp}), and the endpoint is "init-node": ` +
        `nothing serves https://${host}:${SUPERVISOR_PORT}, so every joining node would wait for it forever`,
      path: HOST_PATH,
      fix: { description: `use ${init.name}'s address, or choose kube-vip or a load balancer as the endpoint`, value: initIp },
    },
  ];
}

function kubeVipImageFindings(site: Site): Finding[] {
  const source = kubeVipImageSource(site);
  if (source.available) return [];
  const { image } = site.cluster.kubeVip;
  const archive =
    site.airGap.imageSource === 'archives'
      ? `list an archive of it whose name says "kube-vip" (e.g. kube-vip.tar, from "docker save ${image}") in the image archives, or `
      : '';
  return [
    {
      severity: 'error',
      code: 'kube-vip-image-unavailable',
      message:
        `kube-vip's image ${image} comes from ${source.registry}, which no registry of this site serves and no image archive holds: ` +
        `${archive}mirror ${source.registry} (or push the image to your registry and set the kube-vip image to it); until then no server holds the VIP and no node joins`,
      path: ['cluster', 'kubeVip', 'image'],
    },
  ];
}

/** kube-vip: the VIP must be a free IP address on the servers' network, announced on a valid interface. */
function kubeVipEndpointFindings(site: Site): Finding[] {
  const findings: Finding[] = [];
  const host = site.cluster.controlPlaneHost.trim();
  const vip = hostAddress(host);
  const iface = site.cluster.kubeVip.interface;
  const ifaceProblem = interfaceNameProblem(iface);
  if (ifaceProblem) {
    findings.push({
      severity: 'error',
      code: 'interface-invalid',
      message: `the kube-vip interface "${iface}" is not a Linux interface name: ${ifaceProblem}`,
      path: ['cluster', 'kubeVip', 'interface'],
      fix: { description: 'use the name the servers give their network interface (ip link), e.g. eth0', value: 'eth0' },
    });
  }
  findings.push(...kubeVipImageFindings(site));
  if (!vip) {
    findings.push({
      severity: 'error',
      code: 'vip-not-address',
      message: `the control-plane host "${host}" is not an IP address: kube-vip holds an IP address (the VIP), not a name`,
      path: HOST_PATH,
    });
    return findings;
  }
  const owner = site.nodes.find((n) => {
    const a = nodeAddress(n);
    return a !== null && sameAddress(a, vip);
  });
  if (owner) {
    findings.push({
      severity: 'error',
      code: 'vip-is-node-address',
      message: `the VIP ${host} is the address of ${owner.name}: kube-vip moves the VIP between the servers, so it must be an address no node has`,
      path: HOST_PATH,
    });
  }
  const outside = site.nodes.filter((n) => {
    const network = isServerRole(n.role) ? parseCidr(n.address.trim()) : null;
    return network !== null && !networkContains(network, vip);
  });
  if (outside.length > 0) {
    findings.push({
      severity: 'error',
      code: 'vip-outside-subnet',
      message: `the VIP ${host} is outside the network of ${outside.map((n) => `${n.name} (${n.address})`).join(', ')}: kube-vip announces it with ARP, which reaches only the servers' own network`,
      path: HOST_PATH,
    });
  }
  return findings;
}

/** load-balancer: the user vouches for it; say what it must do. */
function loadBalancerEndpointFindings(site: Site): Finding[] {
  const servers = site.nodes.filter((n) => isServerRole(n.role)).map((n) => n.name);
  return [
    {
      severity: 'info',
      code: 'load-balancer-required',
      message:
        `the load balancer at ${site.cluster.controlPlaneHost.trim()} must forward TCP ${SUPERVISOR_PORT} (registration) and ${API_PORT} (API) to every server` +
        `${servers.length > 0 ? ` (${servers.join(', ')})` : ''}; the designer cannot check it`,
      path: ['cluster', 'endpoint'],
    },
  ];
}

export function lintEndpoint(site: Site): Finding[] {
  switch (site.cluster.endpoint) {
    case 'init-node':
      return initNodeEndpointFindings(site);
    case 'kube-vip':
      return kubeVipEndpointFindings(site);
    case 'load-balancer':
      return loadBalancerEndpointFindings(site);
  }
}
