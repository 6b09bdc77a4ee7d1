/**
 * The parts of a site that decide what survives a node failure, read once per site: what each
 * node runs (serverComponents), the labels and taints it registers with (the `node-label` and
 * `node-taint` of the RKE2 config it gets, so extra config counts too), whether ordinary pods can
 * run on it, and which node answers at the control-plane host when the endpoint is the init node
 * (only the init node: every other node, servers too, joins through that host first, as
 * provider/userConfigJson.ts writes `server:`; lint/endpointRules.ts reports any other address).
 */
import type { GoValue } from '../yaml/goJson.js';
import { parseIp } from '../net/ipAddress.js';
import { rke2ConfigFor, siteContext } from '../site/rke2ConfigFor.js';
import type { ControlPlaneEndpoint, NodeRole, Site } from '../site/siteSchema.js';
import { serverComponents, type ServerComponents } from './serverComponents.js';

export interface FailureNode {
  index: number;
  /** The node's name, or "node N" when it has none. */
  name: string;
  role: NodeRole;
  /** The address without its prefix length ('' when not set). */
  address: string;
  components: ServerComponents;
  labels: string[];
  taints: string[];
  /** No NoSchedule or NoExecute taint: pods without tolerations can run here. */
  schedulable: boolean;
}

export interface FailureTopology {
  nodes: FailureNode[];
  endpoint: ControlPlaneEndpoint;
  controlPlaneHost: string;
  /** Indexes of the embedded etcd members. */
  etcdMembers: number[];
  /** Indexes of the servers that run kube-apiserver. */
  apiServers: number[];
  /**
   * With the init-node endpoint, the node every other node joins through: the init node, when the
   * control-plane host is its address or a name (taken to resolve to it); null when there is no
   * init node or the host is another address. Only the init node starts without joining, so only
   * it can serve https://host:9345 (the same rule as lint's endpoint-not-served).
   */
  joinNode: number | null;
  /** The node whose address is the control-plane host, whatever its role; null when none is. */
  hostNode: number | null;
  /** Some server uses an external datastore (datastore-endpoint) and none runs etcd. */
  externalDatastore: boolean;
  /** Nodes that take pods without tolerations (counted once, so each failure costs O(failed)). */
  schedulableCount: number;
}

const strings = (value: GoValue | undefined): string[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** A taint `key[=value]:Effect` keeps ordinary pods away when its effect is NoSchedule or NoExecute. */
const repels = (taint: string): boolean => /:(NoSchedule|NoExecute)\s*$/.test(taint);

/** A host without its IPv6 brackets. */
const strip = (host: string) => host.trim().replace(/^\[(.*)\]$/, '$1');

/** An address or host written as an IP, normalised (`fd00::0:1` and `fd00::1` are one host); other text as it is. */
function sameHost(a: string, b: string): boolean {
  const ipA = parseIp(strip(a));
  const ipB = parseIp(strip(b));
  return ipA && ipB ? ipA.family === ipB.family && ipA.value === ipB.value : strip(a) === strip(b) && strip(a) !== '';
}

export function failureTopology(site: Site): FailureTopology {
  const context = siteContext(site);
  const nodes = site.nodes.map((node, index): FailureNode => {
    const { config } = rke2ConfigFor(context, node);
    const taints = strings(config.get('node-taint'));
    return {
      index,
      name: node.name.trim() || `node ${index + 1}`,
      role: node.role,
      address: node.address.trim().split('/')[0]!,
      components: serverComponents(context, node),
      labels: strings(config.get('node-label')),
      taints,
      schedulable: !taints.some(repels),
    };
  });
  const host = site.cluster.controlPlaneHost;
  const byHost = nodes.find((n) => n.address !== '' && sameHost(n.address, host));
  const init = nodes.find((n) => n.role === 'init');
  // A name is taken to resolve to the init node; an address must be the init node's.
  const joinNode = init && (byHost === undefined ? parseIp(strip(host)) === null : byHost === init) ? init.index : null;
  const etcdMembers = nodes.filter((n) => n.components.etcd).map((n) => n.index);
  return {
    nodes,
    endpoint: site.cluster.endpoint,
    controlPlaneHost: host.trim(),
    etcdMembers,
    apiServers: nodes.filter((n) => n.components.apiServer).map((n) => n.index),
    joinNode,
    hostNode: byHost?.index ?? null,
    externalDatastore: etcdMembers.length === 0 && nodes.some((n) => n.components.externalDatastore),
    schedulableCount: nodes.filter((n) => n.schedulable).length,
  };
}
