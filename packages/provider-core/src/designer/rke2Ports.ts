/**
 * The inbound ports an RKE2 node must accept, from RKE2's networking requirements
 * (docs.rke2.io/install/requirements#inbound-network-rules), for the site's network plugin.
 */
import type { NodeRole, Site } from '../site/siteSchema.js';
import { isServerRole } from '../site/siteSchema.js';

export interface PortRule {
  /** A port or an inclusive range, e.g. "2379-2381". */
  port: string;
  protocol: 'TCP' | 'UDP';
  /** Who connects. */
  from: 'all nodes' | 'servers' | 'workers' | 'clients';
  /** Which nodes must accept it. */
  to: 'servers' | 'all nodes';
  purpose: string;
}

const CORE: readonly PortRule[] = [
  { port: '6443', protocol: 'TCP', from: 'all nodes', to: 'servers', purpose: 'Kubernetes API' },
  { port: '9345', protocol: 'TCP', from: 'all nodes', to: 'servers', purpose: 'RKE2 supervisor: nodes register and join here' },
  { port: '10250', protocol: 'TCP', from: 'all nodes', to: 'all nodes', purpose: 'kubelet (logs, exec, metrics)' },
  { port: '2379', protocol: 'TCP', from: 'servers', to: 'servers', purpose: 'etcd client' },
  { port: '2380', protocol: 'TCP', from: 'servers', to: 'servers', purpose: 'etcd peer' },
  { port: '2381', protocol: 'TCP', from: 'servers', to: 'servers', purpose: 'etcd metrics' },
  { port: '30000-32767', protocol: 'TCP', from: 'clients', to: 'all nodes', purpose: 'NodePort services' },
];

const BY_CNI: Record<Site['network']['cni'], readonly PortRule[]> = {
  canal: [
    { port: '8472', protocol: 'UDP', from: 'all nodes', to: 'all nodes', purpose: 'Canal VXLAN (pod traffic between nodes)' },
    { port: '9099', protocol: 'TCP', from: 'all nodes', to: 'all nodes', purpose: 'Canal health checks' },
  ],
  flannel: [{ port: '8472', protocol: 'UDP', from: 'all nodes', to: 'all nodes', purpose: 'Flannel VXLAN (pod traffic between nodes)' }],
  calico: [
    { port: '179', protocol: 'TCP', from: 'all nodes', to: 'all nodes', purpose: 'Calico BGP' },
    { port: '4789', protocol: 'UDP', from: 'all nodes', to: 'all nodes', purpose: 'Calico VXLAN' },
    { port: '5473', protocol: 'TCP', from: 'all nodes', to: 'all nodes', purpose: 'Calico Typha' },
    { port: '9098', protocol: 'TCP', from: 'all nodes', to: 'all nodes', purpose: 'Calico Typha health checks' },
  ],
  cilium: [
    { port: '8472', protocol: 'UDP', from: 'all nodes', to: 'all nodes', purpose: 'Cilium VXLAN (pod traffic between nodes)' },
    { port: '4240', protocol: 'TCP', from: 'all nodes', to: 'all nodes', purpose: 'Cilium health checks' },
  ],
  none: [],
};

/** Every rule for the site, servers' first. */
export function sitePorts(site: Site): PortRule[] {
  return [...CORE, ...BY_CNI[site.network.cni]];
}

/** The rules a node of `role` must open. */
export function portsForRole(site: Site, role: NodeRole): PortRule[] {
  return sitePorts(site).filter((rule) => rule.to === 'all nodes' || isServerRole(role));
}
