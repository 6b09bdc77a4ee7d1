/**
 * The boot check (check/checkSite.ts) for cloud-configs a user already has, one per node, checked as
 * one cluster. Each file is taken exactly as written: its text is the node's user-data, and the
 * provider port (provider/runPlugin.ts, what `rke2-edge provider` runs) gives what the Kairos RKE2
 * plugin writes for it at boot. The cluster around the nodes comes from the files the way
 * `rke2-edge import` reads them (import/importCloudConfigs.ts): air gap, registries, kube-vip,
 * FIPS and SELinux, which the rules and the device needs read.
 *
 * What no cloud-config says is taken as follows:
 * - each node's name: RKE2's `node-name` in cluster.config, else the file's `hostname:`, else
 *   (no valid hostname) the file name: Kairos then gives the device its own name,
 *   kairos-{{ trunc 4 .MachineID }} (kairos-io/kairos-init pkg/bundled/cloudconfigs/31_hosts.yaml),
 *   so such nodes never share a name. RKE2 registers a node under --node-name, else the hostname
 *   (k3s pkg/util/net.go GetHostnameAndIPs); a second node of one name is refused (see below);
 * - each node's address: given by the caller (`NAME=CIDR`), else the `Address=` of a
 *   systemd-networkd unit a stage writes under /etc/systemd/network (systemd.network(5); the way
 *   Kairos documents static addresses, kairos.io/docs/advanced/networking), else the first
 *   `node-ip` (else `advertise-address`) of cluster.config, prefix unknown (/32 or /128 assumed);
 *   for the init node, else its own control_plane_host when that is an IP address (it names
 *   itself: /32 or /128 assumed); else unknown;
 * - what answers at control_plane_host: the init node (`cluster.role: init`, which starts the
 *   cluster: provider-rke2 provider.go), unless a kube-vip manifest announces it or the caller says a
 *   load balancer of theirs forwards to the servers;
 * - image archives (import_local_images): the technician copies the published archives the nodes
 *   need into local_images_path (listed in the device needs).
 *
 * Besides RKE2's start-up rules (check/checkSite.ts), what only a set of files can get wrong:
 * - a file that is not YAML or has no `cluster:` section runs no RKE2 at all (the Kairos SDK answers
 *   the boot event with an error, or with nothing when config.Cluster is nil: kairos-io/kairos-sdk
 *   clusterplugin); it is no member of the cluster, and its entry says why (service `none`);
 * - two nodes of one name: the server keeps the first node's password under that name, so the
 *   second is refused its kubelet certificate (k3s pkg/nodepassword/validate.go
 *   GetNodeAuthValidator answers 403; the agent logs pkg/agent/config/config.go getNodeNamedCrt's
 *   message, forever). The init node registers first; otherwise the earlier file keeps the name;
 * - two nodes of one address: both answer ARP for it (networkd runs no IPv4 conflict detection
 *   for a static address, systemd.network(5) DuplicateAddressDetection=; IPv6 DAD leaves one of
 *   them without it, RFC 4862 5.4.5), so the later file's node is reported.
 */
import { decodeCloudConfig, type DecodedCloudConfig } from '../kairos/decodeCloudConfig.js';
import { KAIROS_ROLES } from '../kairos/clusterSchema.js';
import { dns1123SubdomainProblem } from '../k8s/names.js';
import { CRITICAL_CONTROL_KEYS } from '../lint/clusterAgreementRules.js';
import { clusterMemberOf, type ClusterMember } from '../lint/clusterMembers.js';
import { formatIp, parseCidr, parseHostAddress, parseIp } from '../net/ipAddress.js';
import { hostOf } from '../net/nodeAddress.js';
import { hostProblem } from '../net/hostName.js';
import { describeFailure, runPlugin } from '../provider/runPlugin.js';
import { printable } from '../lint/unsafeText.js';
import { importCloudConfigs, type CloudConfigText } from './importCloudConfigs.js';
import type { ExpandedNode, ExpandedSite } from '../site/expandSite.js';
import { archiveFileName, groupsFor } from '../site/imageArchives.js';
import { readRke2Config } from '../site/readRke2Config.js';
import { siteContext } from '../site/rke2ConfigFor.js';
import { NodeSchema, type Site, type SiteNode } from '../site/siteSchema.js';
import { decodeYamlV2 } from '../yaml/yamlToJson.js';
import type { GoValue } from '../yaml/goJson.js';
import type { NodeCheck, SiteCheck } from '../check/checkResult.js';
import { checkSite, publicSiteCheck, type SiteCheckDetail } from '../check/checkSite.js';
import { basename } from '../check/pathName.js';
import type { StartFailure } from '../check/startRule.js';

export interface CloudConfigCheckOptions {
  /** Node addresses with prefix, by node name (the file's hostname) or file name, e.g. { 'cp-1': '10.0.0.11/24' }. */
  addresses?: Readonly<Record<string, string>>;
  /** Addresses with prefix by file index ('' or absent: none), taking precedence over `addresses`: what the designer's per-file fields give. */
  fileAddresses?: readonly string[];
  /** control_plane_host is a load balancer (or VIP) of the user's that forwards 9345 and 6443 to the servers. */
  loadBalancer?: boolean;
  /** The RKE2 version the devices' image carries (for the device needs); default the designer's. */
  rke2Version?: Site['rke2Version'];
}

/**
 * Where a node's address comes from: the caller, the file's network unit, node-ip or
 * advertise-address in its cluster.config (prefix assumed), the init node's own control_plane_host
 * (prefix assumed), or nowhere.
 */
type AddressSource = 'given' | 'file' | 'config' | 'assumed' | 'unknown';

export interface CheckedFile {
  /** The file's name as given. */
  file: string;
  /** The node's name in the check: node-name in cluster.config, else the file's hostname, else the file name without folder and extension. */
  node: string;
  /** Where the name comes from; a file name stands for the name Kairos generates on the device. */
  nodeFrom: 'node-name' | 'hostname' | 'file-name';
  /** The address with prefix the check uses, '' when unknown. */
  address: string;
  addressFrom: AddressSource;
  /** With addressFrom 'config': the key it is read from and its line in the file, when known. */
  addressKey?: 'node-ip' | 'advertise-address';
  addressLine?: number;
}

export interface CloudConfigsCheck {
  /** One entry per file, in the order given (the same shape as a site's check). */
  check: SiteCheckDetail;
  files: CheckedFile[];
  /** Names in `addresses` that are no file's node name or file name. */
  unmatchedAddresses: string[];
  /** Names in `addresses` that more than one file takes its address by (two files of one node name): which files. */
  ambiguousAddresses: { name: string; files: string[] }[];
}

const get = (v: GoValue | undefined, key: string): GoValue | undefined => (v instanceof Map ? v.get(key) : undefined);
const list = (v: GoValue | undefined): GoValue[] => (Array.isArray(v) ? v : []);
const text = (v: GoValue | undefined): string => (typeof v === 'string' ? v : '');

/** The first `Address=` (IPv4 or IPv6 with prefix) of a systemd-networkd unit any stage writes. */
export function staticAddressOf(cloudConfig: string): string {
  const decoded = decodeYamlV2(cloudConfig);
  if (!decoded.ok) return '';
  const stages = get(decoded.value, 'stages');
  if (!(stages instanceof Map)) return '';
  for (const steps of stages.values()) {
    for (const step of list(steps)) {
      for (const file of list(get(step, 'files'))) {
        if (!/^\/etc\/systemd\/network\/[^/]+\.network$/.test(text(get(file, 'path')))) continue;
        for (const m of text(get(file, 'content')).matchAll(/^\s*Address\s*=\s*(\S+)\s*$/gm)) if (parseCidr(m[1]!)) return m[1]!;
      }
    }
  }
  return '';
}

/** A file as the check reads it: decoded as the Kairos SDK does, and its cluster member (null without a usable cluster: section). */
interface ReadFile {
  file: CloudConfigText;
  decoded: DecodedCloudConfig;
  member: ClusterMember | null;
}

const readFile = (file: CloudConfigText): ReadFile => ({
  file,
  decoded: decodeCloudConfig(file.text),
  member: clusterMemberOf(file, ['node-name', 'with-node-id', ...CRITICAL_CONTROL_KEYS]),
});

function nodeIdentity({ file, member }: ReadFile): Pick<CheckedFile, 'node' | 'nodeFrom'> {
  const nodeName = member?.settings.get('node-name')?.value ?? '';
  if (nodeName && !dns1123SubdomainProblem(nodeName)) return { node: nodeName, nodeFrom: 'node-name' };
  const decoded = decodeYamlV2(file.text);
  const hostname = decoded.ok ? text(get(decoded.value, 'hostname')) : '';
  if (hostname && !dns1123SubdomainProblem(hostname)) return { node: hostname, nodeFrom: 'hostname' };
  return { node: basename(file.name).replace(/\.(ya?ml|cfg|conf|txt)$/i, '') || file.name, nodeFrom: 'file-name' };
}

/**
 * The node name a file stands for: RKE2's node-name in its cluster.config, else its `hostname:`,
 * each when a valid name, else the file's base name (Kairos then generates a name on the device).
 */
export function nodeNameOf(file: CloudConfigText): string {
  return nodeIdentity(readFile(file)).node;
}

function roleOf(decoded: DecodedCloudConfig): SiteNode['role'] {
  const role = decoded.kind === 'cluster' ? decoded.cluster.role : undefined;
  // An unknown or missing role runs as a joining server (provider-rke2 provider.go, the role switch).
  return (KAIROS_ROLES as readonly (string | undefined)[]).includes(role) ? (role as SiteNode['role']) : 'controlplane';
}

/** An address without its prefix, as a host of its own: /32 or /128. */
const hostCidr = (ip: string) => {
  const parsed = parseIp(ip)!;
  return `${formatIp(parsed)}/${parsed.family === 4 ? 32 : 128}`;
};

/** The name in `given` a file takes its address by: its node name, else its file name as given, else without folder. */
const givenName = (file: CloudConfigText, node: string, given: ReadonlyMap<string, string>) =>
  [node, file.name, basename(file.name)].find((name) => given.has(name));

/** The address for a file: given by name or file name, else its network unit, else node-ip or advertise-address, else the init node's own host. */
function addressFor(
  read: ReadFile,
  node: string,
  given: ReadonlyMap<string, string>,
  own: string | undefined,
): Omit<CheckedFile, 'file' | 'node' | 'nodeFrom'> {
  const { file, decoded, member } = read;
  if (own) return { address: own, addressFrom: 'given' };
  const name = givenName(file, node, given);
  if (name !== undefined) return { address: given.get(name)!, addressFrom: 'given' };
  const fromFile = staticAddressOf(file.text);
  if (fromFile) return { address: fromFile, addressFrom: 'file' };
  if (member?.address) {
    // clusterMembers reads the first node-ip (an address, or one with a prefix), else advertise-address: say which.
    const firstNodeIp = member.settings.get('node-ip')?.value.split(',')[0] ?? '';
    const key = parseIp(firstNodeIp) || parseCidr(firstNodeIp) ? 'node-ip' : 'advertise-address';
    const line = member.settings.get(key)?.line;
    return { address: hostCidr(member.address), addressFrom: 'config', addressKey: key, ...(line ? { addressLine: line } : {}) };
  }
  // Its host part: a URL or host:port is the init file's own mistake (lint's host-invalid), not a missing address.
  const written = decoded.kind === 'cluster' && decoded.cluster.role === 'init' ? (decoded.cluster.control_plane_host ?? '') : '';
  const host = parseHostAddress(hostProblem(written)?.suggestion ?? written);
  return host ? { address: hostCidr(formatIp(host)), addressFrom: 'assumed' } : { address: '', addressFrom: 'unknown' };
}

/** The cluster the files describe, as the site the rules read; one node per file, in order. */
function clusterSite(read: readonly ReadFile[], checked: readonly CheckedFile[], options: CloudConfigCheckOptions): Site {
  const { site } = importCloudConfigs(read.map((r) => r.file));
  const nodes = checked.map((c, i): SiteNode => {
    return NodeSchema.parse({ name: c.node, role: roleOf(read[i]!.decoded), address: c.address, addressing: 'static' });
  });
  const endpoint = site.cluster.endpoint === 'kube-vip' ? 'kube-vip' : options.loadBalancer ? 'load-balancer' : 'init-node';
  const result: Site = {
    ...site,
    ...(options.rke2Version ? { rke2Version: options.rke2Version } : {}),
    cluster: { ...site.cluster, endpoint },
    nodes,
  };
  if (result.airGap.imageSource === 'archives') {
    const published = groupsFor(result).map((group) => archiveFileName(group));
    result.airGap = { ...result.airGap, imageArchives: [...new Set([...result.airGap.imageArchives, ...published])] };
  }
  return result;
}

/** Each file as the expansion of its node: its own text as user-data and what the provider does with it. */
function expandFiles(site: Site, read: readonly ReadFile[]): ExpandedSite {
  const nodes = read.map(({ file, decoded }, index): ExpandedNode => {
    const node = site.nodes[index]!;
    const nodeExtra = readRke2Config(decoded.kind === 'cluster' ? (decoded.cluster.config ?? '') : '');
    return {
      index,
      node,
      userData: file.text,
      metaData: '',
      config: nodeExtra.ok ? nodeExtra.config : new Map(),
      designerFiles: [],
      plan: runPlugin(file.text, { nodeCidr: node.address }),
      nodeExtra,
      removedProviderKeys: [],
      restoredCidrs: [],
    };
  });
  return { site, context: siteContext(site), nodes, tooLarge: null };
}

type NodeCheckDetail = SiteCheckDetail['nodes'][number];

const SDK_SOURCE =
  'kairos-io/kairos-sdk clusterplugin (onBoot: yaml.Unmarshal of the cloud-config, then nothing to do when config.Cluster is nil)';

/** The entry of a file that runs no RKE2: not YAML the SDK reads, or no cluster: section. */
function noRke2Entry(read: ReadFile, node: string): NodeCheckDetail {
  const failure = describeFailure(runPlugin(read.file.text, { nodeCidr: '' }));
  const message =
    failure ??
    'no RKE2 runs on this node: the file has no cluster: section, so the Kairos RKE2 provider writes nothing and starts neither rke2-server nor rke2-agent';
  return { node, service: 'none', ok: false, failures: [{ rule: 'provider', message, source: SDK_SOURCE, path: [] }], needs: [] };
}

const NODE_PASSWORD_SOURCE =
  'k3s-io/k3s pkg/agent/config/config.go getNodeNamedCrt (the agent), pkg/nodepassword/validate.go GetNodeAuthValidator (the server answers 403)';
const ADDRESS_CONFLICT_SOURCE =
  'systemd.network(5) DuplicateAddressDetection= (none for a static IPv4 address); RFC 5227 (IPv4 address conflicts); RFC 4862 5.4.5 (IPv6 DAD)';

const INIT_SOURCE = 'kairos-io/provider-rke2 pkg/provider/provider.go (role init writes no server:, so RKE2 starts a new cluster)';
const TOKEN_SOURCE =
  'k3s-io/k3s pkg/server/auth.go (node and server requests authenticate with the token); the server logs "invalid username/password combination" (k3s-io/k3s#2310), the node 401 Unauthorized (k3s-io/k3s#8381)';
const CRITICAL_SOURCE = 'k3s-io/k3s pkg/cluster/bootstrap.go (reconcile on join); pkg/daemons/config/types.go CriticalControlArgs';

type Member = { index: number; read: ReadFile; checked: CheckedFile };
const where = (m: Member, line: number | undefined) => `${printable(m.read.file.name)}${line === undefined ? '' : `:${line}`}`;

/**
 * What keeps a node out of the cluster the init node starts: a second init node starts a cluster
 * of its own; a node whose token is not the init node's is refused; a joining server whose
 * critical setting (k3s CriticalControlArgs) differs from the init node's is refused.
 */
function joinFailures(members: readonly Member[]): [number, StartFailure][] {
  const withMember = members.filter((m): m is Member & { read: { member: ClusterMember } } => m.read.member !== null);
  const inits = withMember.filter((m) => m.read.member.role === 'init');
  const reference = inits[0] ?? withMember.find((m) => m.read.member.role !== 'worker');
  if (!reference) return [];
  const ref = reference.read.member;
  const failures: [number, StartFailure][] = [];
  for (const m of inits.slice(1))
    failures.push([
      m.index,
      {
        rule: 'multiple-init',
        message: `role: init, as ${where(reference, undefined)} already has: this node starts a cluster of its own instead of joining ${printable(reference.checked.node)}'s, and the two never become one (give it role: controlplane)`,
        source: INIT_SOURCE,
        path: ['nodes', m.index, 'role'],
      },
    ]);
  for (const m of withMember) {
    if (m === reference || m.read.member.role === 'init') continue;
    const own = m.read.member;
    if (own.token.value !== '' && own.token.value !== ref.token.value)
      failures.push([
        m.index,
        {
          rule: 'token',
          message: `the servers refuse this node's cluster_token (${where(m, own.token.line)}): it is not the token the cluster was created with (${where(reference, ref.token.line)}), so every request is answered 401 Unauthorized and the node retries for ever`,
          source: TOKEN_SOURCE,
          path: ['cluster', 'token'],
        },
      ]);
    if (own.role === 'worker') continue;
    const key = CRITICAL_CONTROL_KEYS.find((k) => (own.settings.get(k)?.value ?? '') !== (ref.settings.get(k)?.value ?? ''));
    if (key)
      failures.push([
        m.index,
        {
          rule: 'critical-config',
          message: `critical configuration mismatched: ${key}; failed to validate server configuration: critical configuration value mismatch between servers (${key} here is ${printable(JSON.stringify(own.settings.get(key)?.value ?? ''))}, on ${printable(reference.checked.node)} ${printable(JSON.stringify(ref.settings.get(key)?.value ?? ''))})`,
          source: CRITICAL_SOURCE,
          path: ['nodes', m.index, 'extraConfig'],
        },
      ]);
  }
  return failures;
}

/**
 * Two members of one node name or one IP address: the failures of the node that loses. A name is
 * kept by the init node, else by the earlier file (with-node-id makes a name unique); an address by
 * the earlier file.
 */
function setFailures(members: readonly { index: number; read: ReadFile; checked: CheckedFile }[]): Map<number, StartFailure[]> {
  const failures = new Map<number, StartFailure[]>();
  const add = (index: number, failure: StartFailure) => failures.set(index, [...(failures.get(index) ?? []), failure]);
  const byName = new Map<string, (typeof members)[number]>();
  const named = members.filter((m) => m.checked.nodeFrom !== 'file-name' && m.read.member?.settings.get('with-node-id')?.value !== 'true');
  // The init node registers first: every other node waits for it.
  const inits = named.filter((m) => m.read.member?.role === 'init');
  for (const m of [...inits, ...named.filter((n) => !inits.includes(n))]) {
    const name = m.checked.node.toLowerCase();
    const first = byName.get(name);
    if (!first) {
      byName.set(name, m);
      continue;
    }
    const nodePasswordFile = '/etc/rancher/node/password';
    add(m.index, {
      rule: 'duplicate-node-name',
      message: `Node password rejected, duplicate hostname or contents of '${nodePasswordFile}' may not match server node-passwd entry, try enabling a unique node name with the --with-node-id flag (${printable(first.read.file.name)} registers the node name ${printable(m.checked.node)} first)`,
      source: NODE_PASSWORD_SOURCE,
      path: ['nodes', m.index, 'name'],
    });
  }
  joinFailures(members).forEach(([index, failure]) => add(index, failure));
  const byIp = new Map<string, (typeof members)[number]>();
  // An address assumed from a node's own control_plane_host is a guess, not a second host.
  for (const m of members.filter((n) => n.checked.addressFrom !== 'assumed')) {
    const cidr = parseCidr(m.checked.address);
    if (!cidr) continue;
    const ip = hostOf(cidr.address);
    const first = byIp.get(ip);
    if (!first) {
      byIp.set(ip, m);
      continue;
    }
    add(m.index, {
      rule: 'duplicate-address',
      message: `${ip} is also the address of ${printable(first.checked.node)} (${printable(first.read.file.name)}): two hosts answer for one IP, so the cluster reaches either of them at it`,
      source: ADDRESS_CONFLICT_SOURCE,
      path: ['nodes', m.index, 'address'],
    });
  }
  return failures;
}

/**
 * What a file cannot say: whether a load balancer or VIP of the user's answers at control_plane_host.
 * When the check found nothing answering there, it says how to tell it.
 */
function withLoadBalancerHint(failure: StartFailure, site: Site): StartFailure {
  if (
    failure.rule !== 'server-url' ||
    site.cluster.endpoint !== 'init-node' ||
    !failure.message.includes('nothing in this site answers at')
  )
    return failure;
  return {
    ...failure,
    message: `${failure.message}; if a load balancer or a VIP of yours answers there and forwards ports 9345 and 6443 to the servers, say so (rke2-edge check --load-balancer, or the designer's load-balancer box)`,
  };
}

/**
 * Boots every file's node on the device model and runs RKE2's start-up rules, as one cluster.
 * Callers bound the files first (open/openInputs.ts cloudConfigTexts: count, size, UTF-8).
 */
export function checkCloudConfigs(files: readonly CloudConfigText[], options: CloudConfigCheckOptions = {}): CloudConfigsCheck {
  // A Map of the caller's own entries: a node or file named like an Object.prototype member
  // (constructor, toString) must not find an inherited value.
  const given = new Map(Object.entries(options.addresses ?? {}));
  const read = files.map(readFile);
  const checked = read.map((r, i): CheckedFile => {
    const identity = nodeIdentity(r);
    return { file: r.file.name, ...identity, ...addressFor(r, identity.node, given, options.fileAddresses?.[i]) };
  });
  const known = new Set(files.flatMap((file, i) => [checked[i]!.node, file.name, basename(file.name)]));
  const unmatchedAddresses = [...given.keys()].filter((name) => !known.has(name));
  const takers = new Map<string, string[]>();
  read.forEach((r, i) => {
    const name = givenName(r.file, checked[i]!.node, given);
    if (name !== undefined) takers.set(name, [...(takers.get(name) ?? []), r.file.name]);
  });
  const ambiguousAddresses = [...takers].filter(([, taken]) => taken.length > 1).map(([name, taken]) => ({ name, files: taken }));
  // Only files with a cluster: section run RKE2 and are members of the cluster.
  const members = read.flatMap((r, index) => (r.decoded.kind === 'cluster' ? [{ index, read: r, checked: checked[index]! }] : []));
  const site = clusterSite(
    members.map((m) => m.read),
    members.map((m) => m.checked),
    options,
  );
  const memberChecks = checkSite(
    site,
    expandFiles(
      site,
      members.map((m) => m.read),
    ),
  ).nodes;
  const extra = setFailures(members);
  const bySiteIndex = new Map(members.map((m, siteIndex) => [m.index, siteIndex]));
  const nodes = read.map((r, index): NodeCheckDetail => {
    const siteIndex = bySiteIndex.get(index);
    if (siteIndex === undefined) return noRke2Entry(r, checked[index]!.node);
    const own = memberChecks[siteIndex]!;
    const failures = [...own.failures.map((f) => withLoadBalancerHint(f, site)), ...(extra.get(index) ?? [])];
    return { ...own, ok: failures.length === 0, failures };
  });
  return { check: { nodes }, files: checked, unmatchedAddresses, ambiguousAddresses };
}

/** The check as `--json` prints it for cloud-configs: the site check's shape, each entry with its file. */
export function publicCloudConfigsCheck(result: CloudConfigsCheck): SiteCheck {
  return {
    nodes: publicSiteCheck(result.check).nodes.map(({ node, ...rest }, i) => ({ node, file: result.files[i]!.file, ...rest })),
  };
}

/** One opened file's check, as the designer shows it before the files become a site. */
export interface CloudConfigFileCheck extends CheckedFile {
  check: NodeCheck;
}

/** checkCloudConfigs with each file's public check next to its name and address (what the designer shows). */
export function cloudConfigFileChecks(files: readonly CloudConfigText[], options: CloudConfigCheckOptions = {}): CloudConfigFileCheck[] {
  const result = checkCloudConfigs(files, options);
  const nodes = publicCloudConfigsCheck(result).nodes;
  return result.files.map((file, i) => ({ ...file, check: nodes[i]! }));
}
