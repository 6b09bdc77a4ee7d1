/**
 * The compliance view's model: for one node, each security control (CIS profile, FIPS, SELinux,
 * Pod Security, secrets encryption) with whether the design has it on, what it enforces
 * (complianceFacts.ts, with sources), the exact lines of the node's generated files that do it,
 * what the device must bring (check/deviceNeeds.ts) and the findings about it. A control that is
 * off shows the lines turning it on would add, taken from the same node expanded with it on.
 *
 * Each state is read from the merged RKE2 config the node really gets (form, site extra config,
 * node extra config), as RKE2 reads it: a bool flag through yaml/goBool.ts flagOn, and a
 * `pod-security-admission-config-file` the designer does not write as a file whose level the
 * design cannot know.
 *
 * Lines are found by reading the files (artifactLines.ts): the user-data's `cluster.config`
 * block, its `install.grub_options` and its `stages.initramfs` steps; the merged
 * /etc/rancher/rke2/config.yaml RKE2 reads; the sysctl.d file and the Pod Security admission file.
 */
import type { FactSource } from './factSource.js';
import { KAIROS_ROLES } from '../kairos/clusterSchema.js';
import { FIPS_IMAGE_NEED, SELINUX_IMAGE_NEED } from '../check/deviceNeeds.js';
import type { Finding, FindingCode } from '../lint/finding.js';
import { MERGED_CONFIG_PATH } from '../provider/constants.js';
import { CIS_SYSCTL_CONF_PATH, ETCD_USER, PROTECT_KERNEL_DEFAULTS_SYSCTLS, profileNeedsKernelParameters } from '../site/cisSteps.js';
import { expandNode, type ExpandedNode } from '../site/expandSite.js';
import { nodeDataDir } from '../site/nodeDataDir.js';
import { POD_SECURITY_CONFIG_PATH } from '../site/podSecurityConfig.js';
import { DESIGNER_FILES_STAGE } from '../site/renderCloudConfig.js';
import { rke2ConfigFor, siteContext, type SiteContext } from '../site/rke2ConfigFor.js';
import { isServerRole, type Site } from '../site/siteSchema.js';
import { GoInt, type GoObject, type GoValue } from '../yaml/goJson.js';
import type { RawNode } from '../yaml/readYamlDocument.js';
import {
  artifactLine,
  embeddedYaml,
  entryOf,
  itemsOf,
  readYamlTree,
  scalarText,
  sysctlConfLines,
  valueAt,
  type ArtifactLine,
} from './artifactLines.js';
import {
  CIS_EXEMPT_NAMESPACES,
  cisEnforces,
  customPodSecurityEnforces,
  CONTROL_SOURCES,
  CONTROL_TITLES,
  COMPLIANCE_CONTROLS,
  FIPS_ENFORCES,
  podSecurityEnforces,
  secretsEncryptionEnforces,
  SELINUX_ENFORCES,
  TURNING_ON,
  type ComplianceControlId,
} from './complianceFacts.js';
import { nodeArtifacts, type NodeArtifact } from './nodeArtifacts.js';
import { flagOn } from '../yaml/goBool.js';

export interface ComplianceControl {
  id: ComplianceControlId;
  title: string;
  on: boolean;
  /** The setting in a few words: `profile: cis`, `restricted`, `aescbc`, `off`. */
  state: string;
  enforces: string[];
  /** The lines of this node's files that implement it, in file order. */
  lines: ArtifactLine[];
  /** Why this node has no lines although the control is on (it lives on the servers), or null. */
  note: string | null;
  /** When off: what turning it on changes, the lines it would add to this node and what the device would need. */
  turningOn: { change: string; lines: ArtifactLine[]; deviceNeeds: string[] } | null;
  /** What the device must bring for it (the same words as the device check's list). */
  deviceNeeds: string[];
  findings: Finding[];
  sources: readonly FactSource[];
}

export interface NodeCompliance {
  index: number;
  name: string;
  role: string;
  controls: ComplianceControl[];
}

/** The site fields behind each control, and the finding codes about it wherever they point. */
const CONTROL_FIELDS: Record<ComplianceControlId, { fields: readonly (keyof Site['security'])[]; codes: readonly FindingCode[] }> = {
  cis: { fields: ['cisProfile'], codes: ['profile-invalid-for-version'] },
  fips: { fields: ['fips'], codes: ['fips-incompatible'] },
  selinux: { fields: ['selinux'], codes: [] },
  'pod-security': { fields: ['podSecurity', 'podSecurityExemptNamespaces'], codes: [] },
  'secrets-encryption': { fields: ['secretsEncryptionProvider'], codes: ['fips-incompatible'] },
};

/** The device needs (check/deviceNeeds.ts) that belong to a control. */
const CONTROL_NEEDS: Partial<Record<ComplianceControlId, string>> = { fips: FIPS_IMAGE_NEED, selinux: SELINUX_IMAGE_NEED };

/** How each control is turned on, for the "turning it on" lines; secrets encryption is always on. */
const TURN_ON: Partial<Record<ComplianceControlId, Partial<Site['security']>>> = {
  cis: { cisProfile: true },
  fips: { fips: true, secretsEncryptionProvider: 'aescbc' },
  selinux: { selinux: true },
  'pod-security': { podSecurity: 'restricted' },
};

/** A node's files, read once: the user-data tree, its `cluster.config`, the merged config and the other files by path. */
interface NodeFiles {
  byId: Map<string, NodeArtifact>;
  userData: NodeArtifact;
  userDataRoot: RawNode | undefined;
  config: ReturnType<typeof embeddedYaml>;
  mergedRoot: RawNode | undefined;
}

function readNodeFiles(node: ExpandedNode): NodeFiles {
  const { artifacts } = nodeArtifacts(node);
  const byId = new Map(artifacts.map((a) => [a.id, a]));
  const userData = byId.get('user-data')!;
  const userDataRoot = readYamlTree(userData.text, 'v3');
  const merged = byId.get(MERGED_CONFIG_PATH);
  return {
    byId,
    userData,
    userDataRoot,
    config: embeddedYaml(entryOf(valueAt(userDataRoot, ['cluster']), 'config')),
    mergedRoot: merged && merged.text !== '' ? readYamlTree(merged.text, 'v2') : undefined,
  };
}

/** A key of the RKE2 config: its line in the user-data's `cluster.config` and in the merged config.yaml. */
function configKeyLines(files: NodeFiles, key: string): ArtifactLine[] {
  const lines: ArtifactLine[] = [];
  const inUserData = entryOf(files.config?.root, key);
  if (inUserData && files.config) lines.push(artifactLine(files.userData, files.config.fileLine(inUserData.key.line)));
  const merged = files.byId.get(MERGED_CONFIG_PATH);
  const inMerged = entryOf(files.mergedRoot, key);
  if (merged && inMerged) lines.push(artifactLine(merged, inMerged.key.line));
  return lines;
}

/** The designer's boot steps in the user-data (`stages.initramfs`). */
const designerSteps = (files: NodeFiles): RawNode[] => itemsOf(valueAt(files.userDataRoot, ['stages', DESIGNER_FILES_STAGE]));

/** The `path:` line of each step's file entry written to `path`, in the user-data. */
function stageFileLines(files: NodeFiles, path: string): ArtifactLine[] {
  return designerSteps(files).flatMap((step) =>
    itemsOf(valueAt(step, ['files']))
      .map((file) => entryOf(file, 'path'))
      .filter((entry) => entry !== undefined && scalarText(entry.value) === path)
      .map((entry) => artifactLine(files.userData, entry!.key.line)),
  );
}

function cisLines(files: NodeFiles): ArtifactLine[] {
  const lines = configKeyLines(files, 'profile');
  const cisKeys = Object.keys(PROTECT_KERNEL_DEFAULTS_SYSCTLS);
  for (const step of designerSteps(files)) {
    const sysctl = valueAt(step, ['sysctl']);
    for (const key of cisKeys) {
      const entry = entryOf(sysctl, key);
      if (entry) lines.push(artifactLine(files.userData, entry.key.line));
    }
    const etcd = entryOf(valueAt(step, ['users']), ETCD_USER);
    if (etcd) lines.push(artifactLine(files.userData, etcd.key.line));
  }
  lines.push(...stageFileLines(files, CIS_SYSCTL_CONF_PATH));
  const conf = files.byId.get(CIS_SYSCTL_CONF_PATH);
  if (conf) {
    const keyLines = sysctlConfLines(conf.text);
    for (const key of cisKeys) {
      const line = keyLines.get(key);
      if (line !== undefined) lines.push(artifactLine(conf, line));
    }
  }
  return lines;
}

function fipsLines(files: NodeFiles): ArtifactLine[] {
  const cmdline = entryOf(valueAt(files.userDataRoot, ['install', 'grub_options']), 'extra_cmdline');
  const words = scalarText(cmdline?.value)?.split(/\s+/) ?? [];
  return cmdline && words.includes('fips=1') ? [artifactLine(files.userData, cmdline.key.line)] : [];
}

function podSecurityLines(files: NodeFiles, fromCis: boolean): ArtifactLine[] {
  if (fromCis) return configKeyLines(files, 'profile');
  const lines = [...configKeyLines(files, 'pod-security-admission-config-file'), ...stageFileLines(files, POD_SECURITY_CONFIG_PATH)];
  const admission = files.byId.get(POD_SECURITY_CONFIG_PATH);
  if (!admission) return lines;
  const plugin = itemsOf(valueAt(readYamlTree(admission.text, 'v2'), ['plugins'])).find(
    (p) => scalarText(valueAt(p, ['name'])) === 'PodSecurity',
  );
  const configuration = valueAt(plugin, ['configuration']);
  for (const mode of ['enforce', 'audit', 'warn']) {
    const entry = entryOf(valueAt(configuration, ['defaults']), mode);
    if (entry) lines.push(artifactLine(admission, entry.key.line));
  }
  const namespaces = entryOf(valueAt(configuration, ['exemptions']), 'namespaces');
  if (namespaces) lines.push(artifactLine(admission, namespaces.key.line));
  for (const item of itemsOf(namespaces?.value)) if (item.line !== namespaces?.key.line) lines.push(artifactLine(admission, item.line));
  return lines;
}

/** The file order of the preview, then line order: how the view lists them. */
function inFileOrder(files: NodeFiles, lines: ArtifactLine[]): ArtifactLine[] {
  const order = [...files.byId.keys()];
  const seen = new Set<string>();
  return lines
    .filter((l) => !seen.has(`${l.file}:${l.line}`) && seen.add(`${l.file}:${l.line}`))
    .sort((a, b) => order.indexOf(a.file) - order.indexOf(b.file) || a.line - b.line);
}

interface ControlState {
  on: boolean;
  state: string;
  enforces: string[];
  lines: ArtifactLine[];
  note: string | null;
}

const SERVERS_ONLY = 'The API servers enforce it: a worker has no line of its own for it.';

/** A config value as it reads in YAML: `true`, `"true"`, `1`. */
function valueText(value: GoValue | undefined): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof GoInt) return String(value.value);
  return String(value);
}

/**
 * The Pod Security admission config the API servers get, read from a server's merged RKE2 config
 * (form, site and node extra config): a `pod-security-admission-config-file` RKE2 is given is
 * used as it is and RKE2 writes none of its own (rke2 pkg/rke2/psa.go; ../shared/rke2-options.md
 * fact 8). Only the designer's own file, when it writes one, has a level the design knows. Without
 * the key RKE2 writes rke2-pss.yaml: "restricted" with a CIS profile, "privileged" without.
 */
type PodSecurityInForce = { kind: 'level'; level: Site['security']['podSecurity']; fromCis: boolean } | { kind: 'custom'; file: string };

function podSecurityInForce(context: SiteContext, serverConfig: GoObject): PodSecurityInForce {
  const file = serverConfig.get('pod-security-admission-config-file');
  const given = typeof file === 'string' ? file.trim() : '';
  if (given !== '') {
    const designers = given === POD_SECURITY_CONFIG_PATH && context.podSecurityConfig !== null;
    return designers ? { kind: 'level', level: context.site.security.podSecurity, fromCis: false } : { kind: 'custom', file: given };
  }
  const profile = serverConfig.get('profile');
  const cis = typeof profile === 'string' && profileNeedsKernelParameters(profile);
  return { kind: 'level', level: cis ? 'restricted' : 'privileged', fromCis: cis };
}

/** The merged RKE2 config of the node, or for a worker that of the site's first server (the API servers enforce Pod Security). */
function apiServerConfig(context: SiteContext, node: ExpandedNode): GoObject {
  if (isServerRole(node.node.role)) return node.config;
  const server = context.site.nodes.find((n) => isServerRole(n.role));
  return server ? rke2ConfigFor(context, server).config : node.config;
}

function controlState(id: ComplianceControlId, site: Site, node: ExpandedNode, files: NodeFiles): ControlState {
  const { config } = node;
  const server = isServerRole(node.node.role);
  switch (id) {
    case 'cis': {
      const value = config.get('profile');
      const profile = typeof value === 'string' ? value : '';
      const on = profileNeedsKernelParameters(profile);
      return {
        on,
        state: on ? `profile: ${profile}` : 'off',
        enforces: cisEnforces(on ? profile : 'cis'),
        lines: on ? cisLines(files) : [],
        note: null,
      };
    }
    case 'fips':
      return {
        on: site.security.fips,
        state: site.security.fips ? 'fips=1' : 'off',
        enforces: [...FIPS_ENFORCES],
        lines: fipsLines(files),
        note: null,
      };
    case 'selinux': {
      // RKE2 hands config values to its CLI flags as text: "true" and 1 turn the bool flag on too.
      const on = flagOn(config.get('selinux'));
      return {
        on,
        state: on ? `selinux: ${valueText(config.get('selinux'))}` : 'off',
        enforces: [...SELINUX_ENFORCES],
        lines: on ? configKeyLines(files, 'selinux') : [],
        note: null,
      };
    }
    case 'pod-security': {
      const context = siteContext(site);
      const inForce = podSecurityInForce(context, apiServerConfig(context, node));
      if (inForce.kind === 'custom') {
        return {
          on: true,
          state: `custom admission config at ${inForce.file}; its level cannot be read from the design`,
          enforces: customPodSecurityEnforces(inForce.file, context.podSecurityConfig !== null),
          lines: server ? configKeyLines(files, 'pod-security-admission-config-file') : [],
          note: server ? null : SERVERS_ONLY,
        };
      }
      const { level, fromCis } = inForce;
      const exempt = fromCis ? CIS_EXEMPT_NAMESPACES : site.security.podSecurityExemptNamespaces;
      const lines = level === 'privileged' ? [] : podSecurityLines(files, fromCis);
      const note = level !== 'privileged' && !fromCis && !server ? SERVERS_ONLY : null;
      return { on: level !== 'privileged', state: level, enforces: podSecurityEnforces(level, exempt, fromCis), lines, note };
    }
    case 'secrets-encryption': {
      const provider = config.get('secrets-encryption-provider');
      const cipher = typeof provider === 'string' ? provider : site.security.secretsEncryptionProvider;
      return {
        on: true,
        state: cipher,
        enforces: secretsEncryptionEnforces(cipher, nodeDataDir(config)),
        lines: server ? configKeyLines(files, 'secrets-encryption-provider') : [],
        note: server ? null : 'Servers encrypt Secrets in etcd; a worker stores none, so it has no line for it.',
      };
    }
  }
}

function findingsAbout(id: ComplianceControlId, findings: readonly Finding[], index: number): Finding[] {
  const { fields, codes } = CONTROL_FIELDS[id];
  return findings.filter((f) => {
    const [section, at] = f.path;
    if (section === 'nodes' && at !== index) return false;
    return codes.includes(f.code) || (section === 'security' && (fields as readonly unknown[]).includes(at));
  });
}

/**
 * The compliance of node `index`: one entry per control. `findings` are the site's (lint's)
 * findings; `expanded` is the node's expansion when the caller already has it.
 */
export function nodeCompliance(
  site: Site,
  index: number,
  findings: readonly Finding[] = [],
  expanded?: ExpandedNode,
): NodeCompliance | null {
  const siteNode = site.nodes[index];
  if (!siteNode) return null;
  const node = expanded ?? expandNode(siteContext(site), index);
  const files = readNodeFiles(node);
  const controls = COMPLIANCE_CONTROLS.map((id): ComplianceControl => {
    const state = controlState(id, site, node, files);
    const need = CONTROL_NEEDS[id];
    return {
      id,
      title: CONTROL_TITLES[id],
      ...state,
      lines: inFileOrder(files, state.lines),
      turningOn: state.on ? null : turningOn(id, site, index),
      // Read from the node's own config: a selinux turned on in extra config needs the SELinux image too.
      deviceNeeds: need !== undefined && state.on ? [need] : [],
      findings: findingsAbout(id, findings, index),
      sources: CONTROL_SOURCES[id],
    };
  });
  return { index, name: siteNode.name, role: siteNode.role, controls };
}

/** The lines node `index` would get with control `id` on (the same node, expanded from the site with it on). */
function turningOn(id: ComplianceControlId, site: Site, index: number): ComplianceControl['turningOn'] {
  const change = TURN_ON[id];
  const need = CONTROL_NEEDS[id];
  const deviceNeeds = need === undefined ? [] : [need];
  if (!change) return { change: TURNING_ON[id], lines: [], deviceNeeds };
  const toggled: Site = { ...site, security: { ...site.security, ...change } };
  const node = expandNode(siteContext(toggled), index);
  const files = readNodeFiles(node);
  return { change: TURNING_ON[id], lines: inFileOrder(files, controlState(id, toggled, node, files).lines), deviceNeeds };
}

/** The evidence page: the site's facts and, per role present, the compliance of its first node. */
export interface ComplianceEvidence {
  siteName: string;
  rke2Version: string;
  roles: NodeCompliance[];
}

export function complianceEvidence(site: Site, findings: readonly Finding[] = []): ComplianceEvidence {
  const roles: NodeCompliance[] = [];
  for (const role of KAIROS_ROLES) {
    const index = site.nodes.findIndex((n) => n.role === role);
    const compliance = index === -1 ? null : nodeCompliance(site, index, findings);
    if (compliance) roles.push(compliance);
  }
  return { siteName: site.name, rke2Version: site.rke2Version, roles };
}
