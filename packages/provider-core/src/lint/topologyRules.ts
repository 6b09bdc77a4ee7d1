/**
 * Checks on the set of nodes: one init node, an odd number of etcd members, unique names and
 * addresses. Codes: no-init, multiple-init, even-control-plane, duplicate-node-name, duplicate-address.
 * The same rules serve a site and a set of cloud-configs (where `path` names the file).
 */
import { parseCidr, formatIp } from '../net/ipAddress.js';
import type { Finding, FindingPath } from './finding.js';

export interface TopologyNode {
  name: string;
  /** The role as written; anything but init/worker runs a server. */
  role: string;
  address: string;
  path: FindingPath;
}

function duplicates<T>(nodes: readonly TopologyNode[], keyOf: (n: TopologyNode) => T | null): Map<T, TopologyNode[]> {
  const groups = new Map<T, TopologyNode[]>();
  for (const node of nodes) {
    const key = keyOf(node);
    if (key === null) continue;
    const group = groups.get(key);
    if (group) group.push(node);
    else groups.set(key, [node]);
  }
  return new Map([...groups].filter(([, g]) => g.length > 1));
}

export function lintTopology(nodes: readonly TopologyNode[]): Finding[] {
  if (nodes.length === 0) return [];
  const findings: Finding[] = [];
  const inits = nodes.filter((n) => n.role === 'init');
  if (inits.length === 0) {
    findings.push({
      severity: 'error',
      code: 'no-init',
      message: 'no node has the role "init": the first server that creates the cluster is missing, so no node can join',
      path: nodes[0]!.path.concat('role'),
      fix: { description: `make ${nodes[0]!.name || 'the first node'} the init node`, value: 'init' },
    });
  }
  for (const extra of inits.slice(1)) {
    findings.push({
      severity: 'error',
      code: 'multiple-init',
      message: `${extra.name} is a second "init" node: it would start a separate cluster instead of joining ${inits[0]!.name}`,
      path: extra.path.concat('role'),
      fix: { description: 'make it a controlplane node', value: 'controlplane' },
    });
  }
  const servers = nodes.filter((n) => n.role !== 'worker').length;
  if (servers > 0 && servers % 2 === 0) {
    findings.push({
      severity: 'warning',
      code: 'even-control-plane',
      message: `${servers} servers run etcd; an even number tolerates no more failures than ${servers - 1} and risks a split vote. Use ${servers - 1} or ${servers + 1}`,
      path: ['nodes'],
    });
  }
  for (const [name, group] of duplicates(nodes, (n) => n.name)) {
    for (const node of group.slice(1)) {
      findings.push({
        severity: 'error',
        code: 'duplicate-node-name',
        message: `two nodes are called "${name}"; Kubernetes node names must be unique`,
        path: node.path.concat('name'),
      });
    }
  }
  const ipOf = (n: TopologyNode) => {
    const cidr = parseCidr(n.address);
    return cidr ? formatIp(cidr.address) : null;
  };
  for (const [ip, group] of duplicates(nodes, ipOf)) {
    for (const node of group.slice(1)) {
      findings.push({
        severity: 'error',
        code: 'duplicate-address',
        message: `${node.name} has the address ${ip}, already used by ${group[0]!.name}`,
        path: node.path.concat('address'),
      });
    }
  }
  return findings;
}
