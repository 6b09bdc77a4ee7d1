/**
 * Cloud-configs linted together are one cluster: they must share the token and the control-plane
 * endpoint, and some RKE2 settings must agree between servers or between all nodes. Each
 * disagreement names both files and the line of each value; the file compared with is the init
 * node's (else the first server's, or the first file's).
 * Codes: token-mismatch, control-plane-host-mismatch, server-setting-mismatch, node-setting-mismatch,
 * load-balancer-required (a note: the host is none of the servers).
 *
 * Sources:
 * - k3s-io/k3s pkg/daemons/config/types.go `CriticalControlArgs` ("parameters that all control plane
 *   nodes in HA must share") and pkg/cluster/bootstrap.go, which on a server's join logs
 *   `critical configuration mismatched: <flag>` and stops with "failed to validate server
 *   configuration: critical configuration value mismatch between servers". Of its fields, RKE2
 *   passes these config keys through (rancher/rke2 pkg/cli/cmds/server.go); it fixes
 *   flannel-backend and disable-network-policy itself (pkg/cli/defaults/defaults.go).
 * - rancher/rke2 pkg/cli/cmds/server.go validateCNI/disableExceptSelected: each server adds the
 *   charts it did not select to `disable`, which removes them; the proposed ADR
 *   docs/adrs/014-control-plane-critical-config-validation.md (rancher/rke2 06d5ae69e): CNI,
 *   ingress-controller and system-default-registry must match between servers, or the charts
 *   install and uninstall in a loop.
 * - system-default-registry is the servers' only: each server renders its charts with its own
 *   (pkg/bootstrap/bootstrap.go global.systemDefaultRegistry), and an agent takes the server's
 *   (pkg/executor/staticpod/staticpod.go Bootstrap: "configured after the default registry has
 *   been set by the server"; pkg/cli/cmds/agent.go hides the agent flag: "no longer supported on
 *   agents"), so a worker's value does nothing and is deprecated-key's, not a mismatch.
 * - secrets-encryption is not compared: RKE2 sets it to true on every server whatever the file says
 *   (pkg/rke2/rke2.go Server); deprecated-key names a value written for it.
 * - hosts compare as the provider's URL reaches them: an IP address by value (`[fd00::1]`,
 *   `fd00::1` and `FD00::0001` are one), a DNS name case-insensitively; a fix gives the host in the
 *   form that works in `https://HOST:9345` (an IPv6 address in brackets).
 * - rancher/rke2 pkg/rke2/rke2_linux.go: `profile` decides the Pod Security admission file each
 *   server's kube-apiserver loads.
 */
import { isServer, type ClusterMember, type Located } from './clusterMembers.js';
import type { RuleFinding } from './findingFields.js';
import { sharedCheck, type CloudConfigSetRuleContext } from './rules/defineRule.js';
import { hostProblem } from '../net/hostName.js';
import { formatIp, parseIp } from '../net/ipAddress.js';
import { printable } from './unsafeText.js';

interface AgreedSetting {
  key: string;
  /** What goes wrong when nodes disagree, for the message. */
  why: string;
  severity: 'error' | 'warning';
}

const K3S_REFUSES = (flag: string) =>
  `RKE2 refuses the join: "critical configuration mismatched: ${flag}", then "critical configuration value mismatch between servers" (k3s pkg/cluster/bootstrap.go)`;
const CHARTS_FIGHT =
  "each server installs the charts it selected and removes the others, so the servers undo each other's charts in a loop (rke2 pkg/cli/cmds/server.go validateCNI, docs/adrs/014)";

/** Settings every server must share (k3s CriticalControlArgs as RKE2 passes them, and RKE2's chart selection). */
/** k3s CriticalControlArgs as RKE2 passes them: a joining server whose value differs is refused (also the boot check's). */
export const CRITICAL_CONTROL_KEYS = [
  'cluster-cidr',
  'service-cidr',
  'cluster-dns',
  'cluster-domain',
  'disable-cloud-controller',
  'secrets-encryption-provider',
  'embedded-registry',
  'egress-selector-mode',
  'supervisor-metrics',
] as const;

const SERVER_SETTINGS: readonly AgreedSetting[] = [
  ...CRITICAL_CONTROL_KEYS.map((key) => ({ key, why: K3S_REFUSES(key), severity: 'error' as const })),
  { key: 'cni', why: `the CNI differs: ${CHARTS_FIGHT}, and pods get no network`, severity: 'error' },
  { key: 'ingress-controller', why: `the ingress controller differs: ${CHARTS_FIGHT}`, severity: 'error' },
  { key: 'disable', why: `the packaged components differ: ${CHARTS_FIGHT}`, severity: 'error' },
  {
    key: 'system-default-registry',
    why: "each server renders the charts with its own registry (rke2 pkg/bootstrap/bootstrap.go), so the servers rewrite each other's chart values, and where a registry is unreachable or lacks the images, pods stay in ImagePullBackOff (a worker takes the server's)",
    severity: 'warning',
  },
  {
    key: 'profile',
    why: 'the servers run kube-apiserver with different Pod Security admission settings (rke2 pkg/rke2/rke2_linux.go), so what is admitted depends on which server answers',
    severity: 'warning',
  },
  {
    key: 'data-dir',
    why: 'the servers keep etcd, its snapshots and the air-gap image folder in different places, so one restore or cluster-reset procedure does not fit them all',
    severity: 'warning',
  },
];

/** Settings every node must share: how each node's containerd runs the cluster's containers. */
const NODE_SETTINGS: readonly AgreedSetting[] = [
  {
    key: 'selinux',
    why: "containerd enforces SELinux labels on some nodes and not on others, so a pod admitted on one node can be denied on another (RKE2 docs: selinux must match the host's policy)",
    severity: 'warning',
  },
];

const SHOWN = 60;
const show = (value: string) => (value === '' ? '(empty)' : `"${printable(value.length > SHOWN ? `${value.slice(0, SHOWN)}…` : value)}"`);

/** Keys of the cluster: section itself (Kairos fields), which have no RKE2 default. */
const KAIROS_FIELDS = new Set(['control_plane_host', 'cluster_token']);

/** `a.yaml:7 sets key to "x"`, `a.yaml sets key to "x" (line not known)`, or `a.yaml leaves key at RKE2's default "x"`. */
function says(m: ClusterMember, v: Located, key: string): string {
  const written = v.writtenAs ? ` (as ${printable(v.writtenAs)})` : '';
  if (!v.set)
    return KAIROS_FIELDS.has(key)
      ? `${printable(m.file)} has no ${key}`
      : `${printable(m.file)} leaves ${key} at RKE2's default ${v.value ? show(v.value) : '(not set)'}`;
  const where = v.line === undefined ? printable(m.file) : `${printable(m.file)}:${v.line}`;
  return `${where} sets ${key}${written} to ${show(v.value)}${v.line === undefined ? ' (line not known)' : ''}`;
}

/** `a.yaml:3`, for a value not to be shown (a token). */
const at = (m: ClusterMember, v: Located) =>
  `${printable(m.file)}${v.line !== undefined ? `:${v.line}` : v.set ? ' (line not known)' : ' (none set)'}`;

const roleOf = (m: ClusterMember) => (m.role === 'init' ? 'the init node' : isServer(m) ? 'a server' : 'a worker');

/** The member the others are compared with: the init node, else the first of the group. */
function referenceOf(group: readonly ClusterMember[]): ClusterMember | undefined {
  return group.find((m) => m.role === 'init') ?? group[0];
}

function settingFindings(
  group: readonly ClusterMember[],
  settings: readonly AgreedSetting[],
  code: 'server-setting-mismatch' | 'node-setting-mismatch',
): RuleFinding[] {
  const reference = referenceOf(group);
  if (!reference) return [];
  const findings: RuleFinding[] = [];
  for (const { key, why, severity } of settings) {
    const ref = reference.settings.get(key) ?? { value: '', set: false };
    for (const m of group) {
      const own = m.settings.get(key) ?? { value: '', set: false };
      if (m === reference || own.value === ref.value) continue;
      findings.push({
        severity,
        code,
        message: `${says(m, own, key)}, but ${says(reference, ref, key)} (${roleOf(reference)}): ${why}`,
        path: [m.file, 'cluster', 'config', own.writtenAs ?? key],
        ...(own.line !== undefined ? { line: own.line } : {}),
        fix: { description: `set ${key} to the same value in both files` },
      });
    }
  }
  return findings;
}

function tokenFindings(members: readonly ClusterMember[]): RuleFinding[] {
  const reference = referenceOf(members)!;
  return members
    .filter((m) => m !== reference && m.token.value !== reference.token.value)
    .map((m) => ({
      severity: 'error' as const,
      code: 'token-mismatch' as const,
      message: `the cluster_token at ${at(m, m.token)} differs from the one at ${at(reference, reference.token)} (${roleOf(reference)}): RKE2 joins only with the token the cluster was created with, so ${printable(m.file)}'s node is refused and never becomes Ready`,
      path: [m.file, 'cluster', 'cluster_token'],
      ...(m.token.line !== undefined ? { line: m.token.line } : {}),
      fix: { description: `copy the cluster_token of ${printable(reference.file)}` },
    }));
}

/** An IPv6 address, bare or in brackets, or an IPv4 address; null for anything else. */
function hostIp(host: string) {
  const ip = parseIp(/^\[(.*)\]$/.exec(host)?.[1] ?? host);
  return ip && (ip.family === 6 || !host.startsWith('[')) ? ip : null;
}

/**
 * What a host names: an address by value, a DNS name in lower case. A value with a scheme, port or
 * path is compared by its host part (`https://10.0.5.21`, `10.0.5.21:6443`): host-invalid already
 * says what to remove, and the nodes do not look for the cluster at different places.
 */
function hostIdentity(written: string): string {
  const host = hostProblem(written)?.suggestion ?? written;
  const ip = hostIp(host);
  return ip ? `ip${ip.family}:${ip.value}` : host.toLowerCase();
}

/** Whether two control_plane_host values name one host (by value for addresses, any case for names, the host part of a URL). */
export const sameHost = (a: string, b: string) => hostIdentity(a) === hostIdentity(b);

/** The host as a joining node must write it: an IPv6 address in brackets (`https://[fd00::1]:9345`). */
function joinableHost(written: string): string {
  const host = hostProblem(written)?.suggestion ?? written;
  const ip = hostIp(host);
  if (!ip) return host;
  return ip.family === 6 ? `[${formatIp(ip)}]` : formatIp(ip);
}

function hostFindings(members: readonly ClusterMember[]): RuleFinding[] {
  const init = members.find((m) => m.role === 'init');
  const joining = members.filter((m) => m.role !== 'init');
  const reference = init?.host.value ? init : joining.find((m) => m.host.value);
  const findings: RuleFinding[] = [];
  const add = (m: ClusterMember, message: string, fix?: string) =>
    findings.push({
      severity: 'error',
      code: 'control-plane-host-mismatch',
      message,
      path: [m.file, 'cluster', 'control_plane_host'],
      ...(m.host.line !== undefined ? { line: m.host.line } : {}),
      ...(fix ? { fix: { description: `use ${printable(fix)}`, value: fix } } : {}),
    });
  for (const m of joining) {
    if (reference && m !== reference && !sameHost(m.host.value, reference.host.value)) {
      add(
        m,
        `${says(m, m.host, 'control_plane_host')}, but ${says(reference, reference.host, 'control_plane_host')} (${roleOf(reference)}): the nodes would look for the cluster at different places, and ${printable(m.file)}'s node joins another server or none`,
        joinableHost(reference.host.value),
      );
      continue;
    }
    const target = members.find((t) => t.address !== '' && sameHost(t.address, m.host.value));
    if (!target) continue;
    if (target === m)
      add(
        m,
        `${says(m, m.host, 'control_plane_host')}, its own address: the node would wait for itself and never join`,
        init?.address ? joinableHost(init.address) : undefined,
      );
    else if (!isServer(target))
      add(
        m,
        `${says(m, m.host, 'control_plane_host')}, the address of ${printable(target.file)} (a worker), which serves no supervisor on port 9345: the node cannot join`,
        init?.address ? joinableHost(init.address) : undefined,
      );
  }
  return findings;
}

/**
 * An IP control-plane host that is none of the servers' addresses, when every server gives its
 * own (node-ip or advertise-address): no node of the set serves it, so something else must (a load
 * balancer, or a VIP such as kube-vip's) and forward the supervisor port 9345 and the API port
 * 6443 to the servers (docs.rke2.io/install/ha, "Configure the Fixed Registration Address").
 * A DNS name may resolve to a server, so it is not judged.
 */
function loadBalancerNote(members: readonly ClusterMember[]): RuleFinding[] {
  const servers = members.filter(isServer);
  const holder = members.find((m) => m.role === 'init' && m.host.value) ?? members.find((m) => m.role !== 'init' && m.host.value);
  if (!holder || servers.length === 0 || servers.some((s) => s.address === '')) return [];
  const host = joinableHost(holder.host.value);
  if (!hostIp(host) || members.some((m) => m.address !== '' && sameHost(m.address, host))) return [];
  const addresses = servers.map((s) => `${printable(s.file)} ${s.address}`).join(', ');
  return [
    {
      severity: 'info',
      code: 'load-balancer-required',
      message: `control_plane_host ${printable(host)} (${at(holder, holder.host)}) is none of the servers' addresses (${addresses}): something else, a load balancer or a VIP, must answer at ${printable(host)}:9345 and forward to the servers (and 6443 for the API), or no node can join. rke2-edge check --load-balancer checks the set that way`,
      path: [holder.file, 'cluster', 'control_plane_host'],
      ...(holder.host.line !== undefined ? { line: holder.host.line } : {}),
    },
  ];
}

/** The set's agreement findings; the topology ones (one init, odd etcd count) are topologyRules'. */
function lintClusterAgreement(members: readonly ClusterMember[]): RuleFinding[] {
  if (members.length < 2) return [];
  return [
    ...tokenFindings(members),
    ...hostFindings(members),
    ...loadBalancerNote(members),
    ...settingFindings(members.filter(isServer), SERVER_SETTINGS, 'server-setting-mismatch'),
    ...settingFindings(members, NODE_SETTINGS, 'node-setting-mismatch'),
    ...registriesFindings(members),
  ];
}

function registriesFindings(members: readonly ClusterMember[]): RuleFinding[] {
  if (members.every((m) => m.registries.value === '')) return [];
  const reference = referenceOf(members)!;
  const ref = reference.registries.line;
  const own = (m: ClusterMember) =>
    m.registries.line === undefined
      ? `${printable(m.file)} writes no registries.yaml`
      : `${printable(m.file)}:${m.registries.line} writes a registries.yaml`;
  const theirs = (m: ClusterMember) =>
    `${printable(reference.file)}${ref === undefined ? ' writes none' : `:${ref} writes ${m.registries.line === undefined ? 'one' : 'another'}`}`;
  return members
    .filter((m) => m !== reference && m.registries.value !== reference.registries.value)
    .map((m) => ({
      severity: 'warning' as const,
      code: 'node-setting-mismatch' as const,
      message: `${own(m)}, but ${theirs(m)} (${roleOf(reference)}): the nodes' containerd use different mirrors and credentials, so an image that pulls on one node stays in ImagePullBackOff on another (unless the file is already in the OS image)`,
      path: [m.file, 'stages'],
      ...(m.registries.line !== undefined ? { line: m.registries.line } : {}),
      fix: { description: `write the same registries.yaml as ${printable(reference.file)}` },
    }));
}

/** Every catalog key the agreement rules read. */
export const AGREED_KEYS = [...SERVER_SETTINGS, ...NODE_SETTINGS].map((s) => s.key);

/** The shared check of the four agreement rules. */
export const cloudConfigSetAgreement = sharedCheck(({ members }: CloudConfigSetRuleContext) => lintClusterAgreement(members));
