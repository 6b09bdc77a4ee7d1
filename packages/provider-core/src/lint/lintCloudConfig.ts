/**
 * Findings for cloud-configs written by hand or by other tools, before they reach a device: what
 * the provider will do with them (it runs the port) and the traps it does not warn about.
 * Paths start at the document root (`['cluster', 'config', 'token']`); lines count in the file.
 */
import { cloudConfigOutline } from '../kairos/cloudConfigOutline.js';
import { KAIROS_ROLES } from '../kairos/clusterSchema.js';
import { decodeCloudConfig } from '../kairos/decodeCloudConfig.js';
import { isBareIpv6 } from '../net/ipAddress.js';
import { describeFailure, runPlugin } from '../provider/runPlugin.js';
import { parseRke2Version, type Rke2Version } from '../site/designerRules.js';
import { readRke2Config } from '../site/readRke2Config.js';
import { lintRke2Config } from './configKeyRules.js';
import type { Finding } from './finding.js';
import { lintNoProxy, lintProxyUrls } from './noProxyRules.js';
import { cloudConfigSecurityFindings } from './securityRules.js';
import { tokenFindings, unreadableConfigFindings } from './siteRules.js';
import { lintTopology, type TopologyNode } from './topologyRules.js';

export interface CloudConfigLintOptions {
  /** The node's address with prefix, when known (what the device's getNodeCIDR returns). */
  nodeCidr?: string;
  /** RKE2 version the node runs (default v1.36). */
  rke2Version?: string;
}

const LOWER_CASE_PROXY = ['http_proxy', 'https_proxy', 'no_proxy'];
const ARCHIVE = /\.(tar(\.(gz|zst|bz2|lz4))?|tgz|tzst|tbz)$/;

export function lintCloudConfig(text: string, options: CloudConfigLintOptions = {}): Finding[] {
  const version: Rke2Version = parseRke2Version(options.rke2Version ?? 'v1.36') ?? { minor: 36, patch: undefined };
  const plan = runPlugin(text, { nodeCidr: options.nodeCidr ?? '' });
  if (plan.kind === 'sdk-error') {
    return [
      ...cloudConfigSecurityFindings(text, null),
      { severity: 'error', code: 'provider-panic', message: describeFailure(plan)!, path: [], line: plan.line },
    ];
  }
  if (plan.kind === 'no-cluster') {
    return [
      ...cloudConfigSecurityFindings(text, null),
      {
        severity: 'info',
        code: 'no-cluster-section',
        message: 'there is no cluster: section, so the RKE2 provider does nothing on this node',
        path: ['cluster'],
      },
    ];
  }
  const { cluster } = plan;
  const outline = cloudConfigOutline(text);
  const lineOf = (key: string) => {
    const line = outline.clusterKeyLines.get(key);
    return line ? { line } : {};
  };
  const configText = cluster.config ?? '';
  const read = readRke2Config(configText);
  const findings: Finding[] = cloudConfigSecurityFindings(text, { cluster, config: read, outline });
  if (cluster.role === undefined || cluster.role === '') {
    findings.push({
      severity: 'warning',
      code: 'role-missing',
      message: 'no role is set: the node runs as a server that joins the control plane (like "controlplane")',
      path: ['cluster', 'role'],
      fix: { description: 'set the role explicitly', value: 'controlplane' },
    });
  } else if (!(KAIROS_ROLES as readonly string[]).includes(cluster.role)) {
    findings.push({
      severity: 'warning',
      code: 'role-unknown',
      message: `role "${cluster.role}" is not init, controlplane or worker: the provider treats it as a server that joins`,
      path: ['cluster', 'role'],
      ...lineOf('role'),
    });
  }
  findings.push(
    ...tokenFindings(cluster.cluster_token ?? '', ['cluster', 'cluster_token']).map((f) => ({ ...f, ...lineOf('cluster_token') })),
  );
  const host = cluster.control_plane_host ?? '';
  if (isBareIpv6(host) && cluster.role !== 'init') {
    findings.push({
      severity: 'error',
      code: 'ipv6-server-url',
      message: `the provider writes server: https://${host}:9345 without brackets, which RKE2 cannot parse; write the host as [${host}] or use a DNS name`,
      path: ['cluster', 'control_plane_host'],
      ...lineOf('control_plane_host'),
      fix: { description: 'put the address in brackets', value: `[${host}]` },
    });
  }
  const env = cluster.env ?? {};
  for (const key of Object.keys(env).filter((k) => LOWER_CASE_PROXY.includes(k))) {
    findings.push({
      severity: 'warning',
      code: 'proxy-lowercase-ignored',
      message: `env ${key} is ignored: the provider only reads ${key.toUpperCase()}`,
      path: ['cluster', 'env', key],
      fix: { description: `rename to ${key.toUpperCase()}`, value: key.toUpperCase() },
    });
  }
  findings.push(
    ...lintProxyUrls([
      [['cluster', 'env', 'HTTP_PROXY'], env['HTTP_PROXY'] ?? '', 'env HTTP_PROXY'],
      [['cluster', 'env', 'HTTPS_PROXY'], env['HTTPS_PROXY'] ?? '', 'env HTTPS_PROXY'],
    ]).map((f) => ({ ...f, ...lineOf('env') })),
    ...lintNoProxy({
      httpProxy: env['HTTP_PROXY'] ?? '',
      httpsProxy: env['HTTPS_PROXY'] ?? '',
      noProxy: env['NO_PROXY'] ?? '',
      controlPlaneHost: host,
      nodeAddresses: options.nodeCidr ? [options.nodeCidr] : [],
      path: ['cluster', 'env', 'NO_PROXY'],
    }),
  );
  if (cluster.import_local_images && ARCHIVE.test(cluster.local_images_path ?? '')) {
    findings.push({
      severity: 'warning',
      code: 'images-not-tar',
      message: `local_images_path "${cluster.local_images_path}" names an archive; it must be the folder holding the *.tar archives (the import script copies only *.tar)`,
      path: ['cluster', 'local_images_path'],
      ...lineOf('local_images_path'),
    });
  }
  const configPath = ['cluster', 'config'];
  if (!read.ok) {
    findings.push(
      ...unreadableConfigFindings(read, configPath, 'config', false).map((f) => ({
        ...f,
        line: read.line + outline.configLineOffset,
        column: read.column + outline.configColumnOffset,
      })),
    );
  } else {
    const role = cluster.role === 'worker' ? 'agent' : 'server';
    findings.push(
      ...lintRke2Config(read, {
        path: configPath,
        lineOffset: outline.configLineOffset,
        role,
        version,
        controlPlaneHost: host,
        designer: false,
      }),
    );
    const failure = describeFailure(plan);
    if (failure) findings.push({ severity: 'error', code: 'provider-panic', message: failure, path: configPath, ...lineOf('config') });
  }
  if (plan.kind === 'written' && !plan.merged.ok) {
    findings.push({
      severity: 'error',
      code: 'jq-merge-failed',
      message: `the provider's jq merge fails (${plan.merged.error.trim()}), leaving /etc/rancher/rke2/config.yaml empty`,
      path: configPath,
    });
  }
  return findings;
}

export interface CloudConfigFile {
  name: string;
  text: string;
}

/** Lints each file, then the set as one cluster (one init node, odd etcd count, unique names). */
export function lintCloudConfigs(
  files: readonly CloudConfigFile[],
  options: CloudConfigLintOptions = {},
): { file: string; findings: Finding[] }[] {
  const results = files.map((f) => ({ file: f.name, findings: lintCloudConfig(f.text, options) }));
  if (files.length < 2) return results;
  const nodes: TopologyNode[] = [];
  files.forEach((f) => {
    const decoded = decodeCloudConfig(f.text);
    if (decoded.kind !== 'cluster') return;
    const hostname = cloudConfigOutline(f.text).topLevel.get('hostname');
    const name = hostname?.kind === 'scalar' && hostname.value ? hostname.value : f.name;
    nodes.push({ name, role: decoded.cluster.role ?? '', address: '', path: [f.name] });
  });
  const topology = lintTopology(nodes);
  return topology.length > 0 ? [...results, { file: '(all files)', findings: topology }] : results;
}
