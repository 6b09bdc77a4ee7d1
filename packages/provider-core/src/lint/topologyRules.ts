/**
 * Checks on the set of nodes: one init node, an odd number of etcd members, unique names and
 * addresses. Codes: no-init, multiple-init, even-control-plane, duplicate-node-name, duplicate-address.
 * The same rules serve a site and a set of cloud-configs (where `path` names the file).
 */
import { parseCidr, formatIp } from '../net/ipAddress.js';
import type { Finding, FindingPath } from './finding.js';
import { printable } from './unsafeText.js';

export interface TopologyNode {
  name: string;
  /** The role as written; anything but init/worker runs a server. */
  role: string;
  address: string;
  path: FindingPath;
  /** A cloud-config's node: where its name is written (the hostname, or node-name in cluster.config). */
  nameSource?: { key: 'hostname' | 'node-name'; path: FindingPath; file: string; line?: number };
  /** The name cannot repeat: RKE2 adds the node ID to it (with-node-id), or Kairos renders it per device. */
  uniqueName?: boolean;
}

/** `a.yaml:2`, or the file alone when the line is not known. */
const whereOf = (s: NonNullable<TopologyNode['nameSource']>) => `${printable(s.file)}${s.line ? `:${s.line}` : ''}`;

/**
 * Two cloud-configs naming one node: k3s pkg/nodepassword (Ensure) keeps a password per node
 * name, and the server refuses the second node with "Node password rejected, duplicate hostname
 * or contents of '/etc/rancher/node/password' may not match server node-passwd entry, try
 * enabling a unique node name with the --with-node-id flag".
 */
function duplicateNameInFiles(name: string, node: TopologyNode, first: TopologyNode): Finding | null {
  const own = node.nameSource;
  const other = first.nameSource;
  if (!own || !other) return null;
  return {
    severity: 'error',
    code: 'duplicate-node-name',
    message: `${whereOf(own)} names its node "${name}" (its ${own.key}), as ${whereOf(other)} does (its ${other.key}): Kubernetes node names must be unique, and the server refuses the second node ("Node password rejected, duplicate hostname…", k3s pkg/nodepassword)`,
    path: own.path,
    ...(own.line ? { line: own.line } : {}),
    fix: { description: `change the ${own.key}, or set with-node-id: true` },
  };
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
  for (const [name, group] of duplicates(nodes, (n) => (n.uniqueName ? null : n.name))) {
    // The init node registers first and keeps the name; otherwise the earlier node does.
    const first = group.find((n) => n.role === 'init') ?? group[0]!;
    for (const node of group.filter((n) => n !== first)) {
      const inFiles = duplicateNameInFiles(name, node, first);
      if (inFiles) {
        findings.push(inFiles);
        continue;
      }
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
