/**
 * The boot check (check/checkSite.ts) for cloud-configs a user already has, one per node, checked as
 * one cluster. Each file is taken exactly as written: its text is the node's user-data, and the
 * provider port (provider/runPlugin.ts, what `rke2-edge provider` runs) gives what the Kairos RKE2
 * plugin writes for it at boot. The cluster around the nodes comes from the files the way
 * `rke2-edge import` reads them (import/importCloudConfigs.ts): air gap, registries, kube-vip,
 * FIPS and SELinux, which the rules and the device needs read.
 *
 * What no cloud-config says is taken as follows:
 * - each node's address: given by the caller (`NAME=CIDR`), else the `Address=` of a
 *   systemd-networkd unit a stage writes under /etc/systemd/network (systemd.network(5); the way
 *   Kairos documents static addresses, kairos.io/docs/advanced/networking); for the init node,
 *   else its own control_plane_host when that is an IP address (it names itself: /32 or /128
 *   assumed); else unknown;
 * - what answers at control_plane_host: the init node (`cluster.role: init`, which starts the
 *   cluster: provider-rke2 provider.go), unless a kube-vip manifest announces it or the caller says a
 *   load balancer of theirs forwards to the servers;
 * - image archives (import_local_images): the technician copies the published archives the nodes
 *   need into local_images_path (listed in the device needs).
 */
import { decodeCloudConfig } from '../kairos/decodeCloudConfig.js';
import { KAIROS_ROLES } from '../kairos/clusterSchema.js';
import { dns1123SubdomainProblem } from '../k8s/names.js';
import { formatIp, parseCidr, parseIp } from '../net/ipAddress.js';
import { runPlugin } from '../provider/runPlugin.js';
import { importCloudConfigs, type CloudConfigText } from './importCloudConfigs.js';
import type { ExpandedNode, ExpandedSite } from '../site/expandSite.js';
import { archiveFileName, groupsFor } from '../site/imageArchives.js';
import { readRke2Config } from '../site/readRke2Config.js';
import { siteContext } from '../site/rke2ConfigFor.js';
import { NodeSchema, type Site, type SiteNode } from '../site/siteSchema.js';
import { decodeYamlV2 } from '../yaml/yamlToJson.js';
import type { GoValue } from '../yaml/goJson.js';
import type { NodeCheck } from '../check/checkResult.js';
import { checkSite, publicSiteCheck, type SiteCheckDetail } from '../check/checkSite.js';
import { basename } from '../check/pathName.js';

export interface CloudConfigCheckOptions {
  /** Node addresses with prefix, by node name (the file's hostname) or file name, e.g. { 'cp-1': '10.0.0.11/24' }. */
  addresses?: Readonly<Record<string, string>>;
  /** control_plane_host is a load balancer (or VIP) of the user's that forwards 9345 and 6443 to the servers. */
  loadBalancer?: boolean;
  /** The RKE2 version the devices' image carries (for the device needs); default the designer's. */
  rke2Version?: Site['rke2Version'];
}

/** Where a node's address comes from. */
type AddressSource = 'given' | 'file' | 'assumed' | 'unknown';

export interface CheckedFile {
  /** The file's name as given. */
  file: string;
  /** The node's name in the check: the file's hostname, else the file name without folder and extension. */
  node: string;
  /** The address with prefix the check uses, '' when unknown. */
  address: string;
  addressFrom: AddressSource;
}

export interface CloudConfigsCheck {
  /** One entry per file, in the order given (the same shape as a site's check). */
  check: SiteCheckDetail;
  files: CheckedFile[];
  /** Names in `addresses` that are no file's node name or file name. */
  unmatchedAddresses: string[];
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

/** The node name a file stands for: its `hostname:` when that is a valid name, else the file's base name. */
export function nodeNameOf(file: CloudConfigText): string {
  const decoded = decodeYamlV2(file.text);
  const hostname = decoded.ok ? text(get(decoded.value, 'hostname')) : '';
  if (hostname && !dns1123SubdomainProblem(hostname)) return hostname;
  return basename(file.name).replace(/\.(ya?ml|cfg|conf|txt)$/i, '') || file.name;
}

function roleOf(text: string): SiteNode['role'] {
  const decoded = decodeCloudConfig(text);
  const role = decoded.kind === 'cluster' ? decoded.cluster.role : undefined;
  // An unknown or missing role runs as a joining server (provider-rke2 provider.go, the role switch).
  return (KAIROS_ROLES as readonly (string | undefined)[]).includes(role) ? (role as SiteNode['role']) : 'controlplane';
}

/** The address for a file: given by name or file name, else read from the file. */
function addressFor(file: CloudConfigText, node: string, given: Readonly<Record<string, string>>): [string, AddressSource] {
  const byName = given[node] ?? given[file.name] ?? given[basename(file.name)];
  if (byName !== undefined) return [byName, 'given'];
  const fromFile = staticAddressOf(file.text);
  if (fromFile) return [fromFile, 'file'];
  const decoded = decodeCloudConfig(file.text);
  const host = decoded.kind === 'cluster' && decoded.cluster.role === 'init' ? parseIp(decoded.cluster.control_plane_host ?? '') : null;
  return host ? [`${formatIp(host)}/${host.family === 4 ? 32 : 128}`, 'assumed'] : ['', 'unknown'];
}

/** The cluster the files describe, as the site the rules read; one node per file, in order. */
function clusterSite(files: readonly CloudConfigText[], checked: readonly CheckedFile[], options: CloudConfigCheckOptions): Site {
  const { site } = importCloudConfigs(files);
  const nodes = checked.map((c, i): SiteNode => {
    return NodeSchema.parse({ name: c.node, role: roleOf(files[i]!.text), address: c.address, addressing: 'static' });
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
function expandFiles(site: Site, files: readonly CloudConfigText[]): ExpandedSite {
  const nodes = files.map((file, index): ExpandedNode => {
    const node = site.nodes[index]!;
    const decoded = decodeCloudConfig(file.text);
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

/**
 * Boots every file's node on the device model and runs RKE2's start-up rules, as one cluster.
 * Callers bound the files first (open/openInputs.ts cloudConfigTexts: count, size, UTF-8).
 */
export function checkCloudConfigs(files: readonly CloudConfigText[], options: CloudConfigCheckOptions = {}): CloudConfigsCheck {
  const given = options.addresses ?? {};
  const checked = files.map((file): CheckedFile => {
    const node = nodeNameOf(file);
    const [address, addressFrom] = addressFor(file, node, given);
    return { file: file.name, node, address, addressFrom };
  });
  const known = new Set(files.flatMap((file, i) => [checked[i]!.node, file.name, basename(file.name)]));
  const unmatchedAddresses = Object.keys(given).filter((name) => !known.has(name));
  const site = clusterSite(files, checked, options);
  return { check: checkSite(site, expandFiles(site, files)), files: checked, unmatchedAddresses };
}

/** One opened file's check, as the designer shows it before the files become a site. */
export interface CloudConfigFileCheck extends CheckedFile {
  check: NodeCheck;
}

/** checkCloudConfigs with each file's public check next to its name and address (what the designer shows). */
export function cloudConfigFileChecks(files: readonly CloudConfigText[], options: CloudConfigCheckOptions = {}): CloudConfigFileCheck[] {
  const result = checkCloudConfigs(files, options);
  const nodes = publicSiteCheck(result.check).nodes;
  return result.files.map((file, i) => ({ ...file, check: nodes[i]! }));
}
