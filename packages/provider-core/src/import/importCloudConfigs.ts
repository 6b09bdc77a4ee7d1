/**
 * From existing cloud-configs (one per node) to a site. Settings the site's form covers go to the
 * form; every other RKE2 setting goes to the site's extra config (when all nodes share it) or the
 * node's. expandSite(importCloudConfigs(x)) gives every node the same RKE2 settings as x, except
 * what the designer must change to avoid the provider's traps; each change and everything that
 * cannot be represented is reported as a finding (code not-imported, with the file in `path`).
 */
import { cloudConfigOutline } from '../kairos/cloudConfigOutline.js';
import { KAIROS_ROLES } from '../kairos/clusterSchema.js';
import { decodeCloudConfig } from '../kairos/decodeCloudConfig.js';
import type { Cluster } from '../kairos/clusterSchema.js';
import { isProviderKey } from '../catalog/providerKeys.js';
import { dns1123SubdomainProblem } from '../k8s/names.js';
import { isSecurityFinding, type Finding } from '../lint/finding.js';
import { cloudConfigSecurityFindings } from '../lint/cloudConfigSecurityRules.js';
import { siteSecurityFindings } from '../lint/securityRules.js';
import { renderedMachineIdName } from '../lint/securityChecks.js';
import { sameHost } from '../lint/clusterAgreementRules.js';
import { hostProblem } from '../net/hostName.js';
import { isBareIpv6 } from '../net/ipAddress.js';
import { marshalGoJson, type GoObject, type GoValue } from '../yaml/goJson.js';
import { deref, type RawNode } from '../yaml/readYamlDocument.js';
import { renderYamlForGo } from '../yaml/renderYamlForGo.js';
import { appliesToRole, clusterDnsFor } from '../site/designerRules.js';
import { importDesignerStages } from '../site/importDesignerStages.js';
import { readRke2Config } from '../site/readRke2Config.js';
import { rke2ConfigFor, siteContext } from '../site/rke2ConfigFor.js';
import {
  CNI_PLUGINS,
  INGRESS_CONTROLLERS,
  isServerRole,
  NodeSchema,
  SECRETS_ENCRYPTION_PROVIDERS,
  SITE_SCHEMA_VERSION,
  SiteSchema,
  type Site,
  type SiteNode,
} from '../site/siteSchema.js';

export interface CloudConfigText {
  name: string;
  text: string;
}

export interface ImportResult {
  site: Site;
  findings: Finding[];
}

interface ImportedNode {
  file: string;
  cluster: Cluster;
  /** The file's control_plane_host as the site takes it: its host alone when the file wrote a URL or host:port. */
  controlPlaneHost: string;
  config: GoObject;
  node: SiteNode;
  outline: ReturnType<typeof cloudConfigOutline>;
}

const HANDLED_TOP_LEVEL = new Set(['cluster', 'hostname', 'users', 'install', 'stages']);
const PROXY_ENV = { HTTP_PROXY: 'httpProxy', HTTPS_PROXY: 'httpsProxy', NO_PROXY: 'noProxy' } as const;

export const sameGoValue = (a: GoValue | undefined, b: GoValue | undefined): boolean => {
  if (a === undefined || b === undefined) return a === b;
  try {
    return marshalGoJson(a) === marshalGoJson(b);
  } catch {
    return false;
  }
};

const asStringList = (v: GoValue | undefined): string[] | null =>
  typeof v === 'string' ? [v] : Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : null;

function oneOf<T extends string>(values: readonly T[], v: string | undefined): T | undefined {
  return v !== undefined && (values as readonly string[]).includes(v) ? (v as T) : undefined;
}

/** Reads the form's settings from one node's config into the site, where they fit the form. */
function applyFormSettings(site: Site, config: GoObject): void {
  const str = (key: string) => {
    const v = config.get(key);
    return typeof v === 'string' ? v : undefined;
  };
  site.network.clusterCidr = str('cluster-cidr') ?? site.network.clusterCidr;
  site.network.serviceCidr = str('service-cidr') ?? site.network.serviceCidr;
  site.network.clusterDomain = str('cluster-domain') ?? site.network.clusterDomain;
  site.network.clusterDns = str('cluster-dns') ?? clusterDnsFor(site.network.serviceCidr) ?? site.network.clusterDns;
  const cni = asStringList(config.get('cni'));
  if (cni) {
    const [first, second] = cni;
    const plugin = oneOf(CNI_PLUGINS, cni.length === 2 && first === 'multus' ? second : cni.length === 1 ? first : undefined);
    if (plugin) {
      site.network.cni = plugin;
      site.network.multus = cni.length === 2;
    }
  }
  const ingress = asStringList(config.get('ingress-controller'));
  const controller = ingress?.length === 1 ? oneOf(INGRESS_CONTROLLERS, ingress[0]) : undefined;
  if (controller) site.network.ingressController = controller;
  site.security.writeKubeconfigMode = str('write-kubeconfig-mode') ?? site.security.writeKubeconfigMode;
  site.security.secretsEncryptionProvider =
    oneOf(SECRETS_ENCRYPTION_PROVIDERS, str('secrets-encryption-provider')) ?? site.security.secretsEncryptionProvider;
  site.security.cisProfile = str('profile')?.startsWith('cis') ?? false;
  site.security.selinux = config.get('selinux') === true;
  site.airGap.systemDefaultRegistry = str('system-default-registry') ?? '';
  site.cluster.tlsSans = asStringList(config.get('tls-san')) ?? [];
}

function scalarText(node: RawNode | undefined): string | undefined {
  const target = deref(node);
  return target?.kind === 'scalar' ? target.value : undefined;
}

function pairs(node: RawNode | undefined): Map<string, RawNode> {
  const out = new Map<string, RawNode>();
  const map = deref(node);
  if (map?.kind === 'map') for (const p of map.pairs) if (p.key.kind === 'scalar') out.set(p.key.value, p.value);
  return out;
}

/** Kairos OS settings (first user, install) from the reference file. */
function applyOsSettings(site: Site, imported: ImportedNode, report: Report): void {
  const users = deref(imported.outline.topLevel.get('users'));
  if (users?.kind === 'seq') {
    const user = pairs(users.items[0]);
    site.os.user.name = scalarText(user.get('name')) ?? site.os.user.name;
    const passwd = scalarText(user.get('passwd')) ?? '';
    site.os.user.passwordHash = passwd.startsWith('$') ? passwd : '';
    if (passwd && !passwd.startsWith('$'))
      report(imported.file, "the user's plain-text passwd is not imported: the site keeps only password hashes (mkpasswd -m sha-512)");
    const keys = deref(user.get('ssh_authorized_keys'));
    site.os.user.sshAuthorizedKeys = keys?.kind === 'seq' ? keys.items.map(scalarText).filter((k): k is string => k !== undefined) : [];
    if (users.items.length > 1) report(imported.file, `only the first of ${users.items.length} users is kept`);
  } else {
    // No users: these cloud-configs create no login, which the site says explicitly.
    site.os.user.noLogin = true;
  }
  const install = pairs(imported.outline.topLevel.get('install'));
  if (install.size > 0) {
    site.os.install.device = scalarText(install.get('device')) ?? 'auto';
    site.os.install.after =
      scalarText(install.get('poweroff')) === 'true' ? 'poweroff' : scalarText(install.get('reboot')) === 'true' ? 'reboot' : 'nothing';
    const cmdline = scalarText(pairs(install.get('grub_options')).get('extra_cmdline')) ?? '';
    site.security.fips = /(^|\s)fips=1(\s|$)/.test(cmdline);
    const other = [...install.keys()].filter((k) => !['device', 'reboot', 'poweroff', 'auto', 'grub_options'].includes(k));
    if (other.length > 0) report(imported.file, `install settings not imported: ${other.join(', ')}`);
  }
}

type Report = (file: string, message: string, severity?: Finding['severity']) => void;

export function importCloudConfigs(files: readonly CloudConfigText[]): ImportResult {
  const findings: Finding[] = [];
  const report: Report = (file, message, severity = 'warning') =>
    findings.push({ severity, code: 'not-imported', message: `${file}: ${message}`, path: [file] });
  const imported = files.flatMap((file, i) => readNode(file, i, findings, report));
  const reference = imported.find((n) => n.node.role === 'init') ?? imported.find((n) => isServerRole(n.node.role)) ?? imported[0];
  const site = SiteSchema.parse({
    version: SITE_SCHEMA_VERSION,
    name: 'imported-site',
    cluster: { token: reference?.cluster.cluster_token ?? '', controlPlaneHost: reference?.controlPlaneHost ?? '' },
    nodes: imported.map((n) => n.node),
  });
  if (!reference) return { site, findings };
  applyReference(site, reference, files, imported, report);
  for (const n of imported) reportDifferences(site, reference, n, report);
  splitExtraConfig(site, imported);
  site.nodes = imported.map((n) => n.node);
  return refuseUnsafe(site, findings);
}

/** One file as a node (none when Kairos cannot decode it or it has no cluster: section); its security findings and what it loses. */
function readNode(file: CloudConfigText, index: number, findings: Finding[], report: Report): ImportedNode[] {
  const decoded = decodeCloudConfig(file.text);
  if (decoded.kind === 'error') {
    findings.push({
      severity: 'error',
      code: 'not-imported',
      message: `${file.name}: not read, Kairos cannot decode it: ${decoded.message}`,
      path: [file.name],
      line: decoded.line,
    });
    // The characters Kairos refuses are often why it cannot decode the file: say which and where.
    const unsafe = cloudConfigSecurityFindings(file.text, null);
    findings.push(...unsafe.map((f) => ({ ...f, message: `${file.name}: ${f.message}`, path: [file.name, ...f.path] })));
    return [];
  }
  if (decoded.kind === 'no-cluster') {
    report(file.name, 'not read: it has no cluster: section', 'error');
    return [];
  }
  const { cluster } = decoded;
  const outline = cloudConfigOutline(file.text);
  const read = readRke2Config(cluster.config ?? '');
  const security = cloudConfigSecurityFindings(file.text, { cluster, config: read, outline });
  const controlPlaneHost = fixedHost(security, cluster.control_plane_host ?? '');
  const writtenName = scalarText(outline.topLevel.get('hostname')) ?? '';
  // A Kairos template (rendered per device) or a name that is no host name: the site cannot hold it.
  const dropName = renderedMachineIdName(writtenName) !== null || security.some((f) => isMistake(f) && f.path.join('.') === 'hostname');
  const unsafe = security.filter((f) => !isMistake(f));
  findings.push(...unsafe.map((f) => ({ ...f, message: `${file.name}: ${f.message}`, path: [file.name, ...f.path] })));
  const hostname = dropName ? '' : writtenName;
  const name = hostname && !dns1123SubdomainProblem(hostname) ? hostname : `node-${index + 1}`;
  if (dropName)
    report(
      file.name,
      `hostname ${JSON.stringify(writtenName)} is not a host name the site can hold${writtenName.includes('{{') ? ' (a Kairos template: the device fills it in at boot)' : ''}; the node is named ${name}, and the site writes that name as its hostname`,
    );
  if (controlPlaneHost !== (cluster.control_plane_host ?? ''))
    report(
      file.name,
      `control_plane_host ${cluster.control_plane_host} carries ${hostProblem(cluster.control_plane_host!)?.extras?.join(' and ') ?? 'more than a host'}; the site uses ${controlPlaneHost}, the provider adds https:// and :9345 itself`,
    );
  const role = oneOf(KAIROS_ROLES, cluster.role) ?? 'controlplane';
  if (role !== cluster.role)
    report(
      file.name,
      `role "${cluster.role ?? ''}" is not init, controlplane or worker; imported as controlplane, which is how the provider runs it`,
    );
  const node: SiteNode = NodeSchema.parse({ name, role, hostname: hostname === name ? '' : hostname });
  if (!read.ok) {
    node.extraConfig = cluster.config ?? '';
    report(file.name, `config is kept as written but cannot be used: ${read.message} (line ${read.line})`, 'error');
  } else {
    for (const { key, text } of read.unquotedOctal)
      report(file.name, `${key} was written unquoted (${text}, read as a number); the site writes it quoted`, 'info');
  }
  for (const key of [...outline.topLevel.keys()].filter((k) => !HANDLED_TOP_LEVEL.has(k))) {
    report(file.name, `"${key}" is not imported; the designer writes only cluster, hostname, users, install and stages`);
  }
  return [{ file: file.name, cluster, controlPlaneHost, config: read.ok ? read.config : new Map(), node, outline }];
}

/** The site-wide settings, from the reference node (the init node, else a server, else the first). */
function applyReference(
  site: Site,
  reference: ImportedNode,
  files: readonly CloudConfigText[],
  imported: readonly ImportedNode[],
  report: Report,
): void {
  applyFormSettings(site, reference.config);
  applyOsSettings(site, reference, report);
  for (const n of imported) {
    const skipped = importDesignerStages(files.find((f) => f.name === n.file)!.text, site, n.node);
    for (const what of skipped)
      report(n.file, `${what} is not imported; the designer writes only its own registries.yaml and Pod Security files`);
  }
  const env = reference.cluster.env ?? {};
  for (const [key, field] of Object.entries(PROXY_ENV)) site.proxy[field] = env[key] ?? '';
  site.airGap.imageSource = reference.cluster.import_local_images ? 'archives' : site.airGap.imageSource;
  // Without a kube-vip manifest (importDesignerStages) the files alone say that the init node serves
  // control_plane_host: no Kairos cloud-config says a load balancer does, and the Device check of the
  // files (checkCloudConfigs) assumes the same until the user says otherwise.
  if (site.cluster.endpoint !== 'kube-vip') site.cluster.endpoint = 'init-node';
  if (reference.cluster.local_images_path) site.airGap.imagesPath = reference.cluster.local_images_path;
  if (isBareIpv6(site.cluster.controlPlaneHost)) {
    report(
      reference.file,
      `control_plane_host ${site.cluster.controlPlaneHost} is a bare IPv6 address; the site passes it in brackets and adds it to tls-san, so that joining nodes get a valid server URL`,
      'info',
    );
  }
}

/** What one node's file says differently from the reference, or that the site cannot hold. */
function reportDifferences(site: Site, reference: ImportedNode, n: ImportedNode, report: Report): void {
  const { cluster, file } = n;
  if ((cluster.cluster_token ?? '') !== site.cluster.token)
    report(file, `its cluster_token differs from ${reference.file}'s; the site uses one token for all nodes`);
  if (!sameHost(n.controlPlaneHost, site.cluster.controlPlaneHost))
    report(file, `its control_plane_host differs from ${reference.file}'s; the site uses ${site.cluster.controlPlaneHost}`);
  for (const key of Object.keys(cluster.env ?? {})) {
    if (!(key in PROXY_ENV)) report(file, `env ${key} is not imported: the provider uses only HTTP_PROXY, HTTPS_PROXY and NO_PROXY`);
    else if (cluster.env![key] !== (reference.cluster.env ?? {})[key])
      report(file, `env ${key} differs from ${reference.file}'s; the site uses one proxy setting`);
  }
  if (Boolean(cluster.import_local_images) !== (site.airGap.imageSource === 'archives'))
    report(file, `import_local_images differs from ${reference.file}'s`);
  for (const field of ['providerConfig', 'ca_certs', 'cluster_config_path'] as const) {
    if (cluster[field] !== undefined) report(file, `${field} is not imported (the designer leaves it at the provider's default)`);
  }
  for (const key of n.config.keys()) {
    if (isProviderKey(key)) report(file, `config sets "${key}", which jq would join with the provider's value; the site leaves it out`);
  }
}

/** What the form alone would generate for each node; the rest of each config becomes extra config (the site's when shared). */
function splitExtraConfig(site: Site, imported: readonly ImportedNode[]): void {
  const context = siteContext(site);
  const leftovers = imported.map((n) => {
    const generated = rke2ConfigFor(context, n.node).config;
    return new Map([...n.config].filter(([k, v]) => !isProviderKey(k) && !sameGoValue(generated.get(k), v)));
  });
  const shared = new Map<string, GoValue>();
  for (const [key, value] of leftovers[0] ?? []) {
    // Shared when every node the site's extra config reaches has it, and no other node does.
    const everywhere = leftovers.every((l, i) =>
      appliesToRole(key, isServerRole(imported[i]!.node.role) ? 'server' : 'agent') ? sameGoValue(l.get(key), value) : !l.has(key),
    );
    if (everywhere) shared.set(key, value);
  }
  site.extraConfig = shared.size > 0 ? renderYamlForGo(shared) : '';
  imported.forEach((n, i) => {
    const own = new Map([...leftovers[i]!].filter(([k]) => !shared.has(k)));
    if (n.node.extraConfig === '' && own.size > 0) n.node.extraConfig = renderYamlForGo(own);
  });
}

/**
 * A security finding that is a mistake rather than a danger, which the import mends instead of
 * refusing the files: a host name (hostname: or control_plane_host) that is not one but has no
 * control character or line break (those are line-break/control-character findings, textProblem).
 * The hostname is left out of the site; control_plane_host is taken by its host when hostProblem
 * finds one in it (a URL or host:port), else it stays a refusal: the provider writes it into the
 * server URL.
 */
function isMistake(f: Finding): boolean {
  if (f.code !== 'host-invalid') return false;
  const at = f.path.join('.');
  return at === 'hostname' || (at === 'cluster.control_plane_host' && typeof f.fix?.value === 'string');
}

/** The host the site takes from a control_plane_host the file wrote as a URL or host:port (hostProblem's suggestion). */
function fixedHost(security: readonly Finding[], host: string): string {
  const mistake = security.find((f) => isMistake(f) && f.path.join('.') === 'cluster.control_plane_host');
  return typeof mistake?.fix?.value === 'string' ? mistake.fix.value : host;
}

/**
 * A cloud-config carrying a value that could run a command or add a line on the device is not
 * carried into a site: the import gives no nodes, and the findings say why.
 */
function refuseUnsafe(site: Site, findings: Finding[]): ImportResult {
  // The files' own findings name file and line; the site's catch what only the site shows.
  const unsafe = findings.some(isSecurityFinding)
    ? findings.filter(isSecurityFinding)
    : siteSecurityFindings(site).map((f) => ({ ...f, message: `the site built from these files: ${f.message}` }));
  return unsafe.length === 0 ? { site, findings } : { site: { ...site, nodes: [] }, findings: unsafe };
}
