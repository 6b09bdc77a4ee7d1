/**
 * Findings for cloud-configs written by hand or by other tools, before they reach a device: what
 * the provider will do with them (it runs the port) and the traps it does not warn about. Each
 * file gets the registry's cloudConfig rules; a set of files, its cloudConfigs rules (as one cluster).
 */
import { cloudConfigOutline } from '../kairos/cloudConfigOutline.js';
import { cloudConfigRuleContext } from './cloudConfigChecks.js';
import { AGREED_KEYS } from './clusterAgreementRules.js';
import { clusterMemberOf, type ClusterMember } from './clusterMembers.js';
import type { Finding } from './finding.js';
import { runRules } from './rules/runRules.js';
import { renderedMachineIdName } from './securityChecks.js';
import type { TopologyNode } from './topologyRules.js';
import { cloudConfigDepthProblem } from '../yaml/yamlDepthLimit.js';

export interface CloudConfigLintOptions {
  /** The node's address with prefix, when known (what the device's getNodeCIDR returns). */
  nodeCidr?: string;
  /** RKE2 version the node runs (default v1.36). */
  rke2Version?: string;
}

export function lintCloudConfig(text: string, options: CloudConfigLintOptions = {}): Finding[] {
  // Nested deeper than rke2-edge reads: that alone, worded as this tool's limit (nothing else is checked).
  const deep = cloudConfigDepthProblem(text);
  if (deep) return [{ severity: 'error', code: 'too-large', message: deep.message, path: deep.path, line: deep.line }];
  return runRules('cloudConfig', cloudConfigRuleContext(text, options.nodeCidr, options.rke2Version));
}

export interface CloudConfigFile {
  name: string;
  text: string;
}

/**
 * Lints each file, then the set as one cluster: one init node, an odd etcd count, unique names,
 * and what must agree between the files (clusterAgreementRules.ts).
 */
export function lintCloudConfigs(
  files: readonly CloudConfigFile[],
  options: CloudConfigLintOptions = {},
): { file: string; findings: Finding[] }[] {
  const results = files.map((f) => ({ file: f.name, findings: lintCloudConfig(f.text, options) }));
  const cluster = lintCloudConfigSet(files);
  return cluster.length > 0 ? [...results, { file: '(all files)', findings: cluster }] : results;
}

/** The findings about the set as one cluster only (what no single file shows): the designer's notes on opened files. */
export function lintCloudConfigSet(files: readonly CloudConfigFile[]): Finding[] {
  if (files.length < 2) return [];
  const nodes: TopologyNode[] = [];
  const members: ClusterMember[] = [];
  files.forEach((f) => {
    if (cloudConfigDepthProblem(f.text)) return; // its own lint says it was not checked
    const member = clusterMemberOf(f, [...AGREED_KEYS, ...NAME_KEYS]);
    if (!member) return;
    members.push(member);
    nodes.push(topologyNodeOf(f, member));
  });
  return runRules('cloudConfigs', { nodes, members });
}

/** The config keys that decide a node's name (k3s: node-name, else the host name; with-node-id adds the node ID). */
const NAME_KEYS = ['node-name', 'with-node-id'];

/**
 * A file's node for the topology rules. Its name is what RKE2 registers: `node-name` from
 * cluster.config, else the hostname (a file without one gets Kairos' generated name, the file's
 * name stands for it). A name with the node ID added (with-node-id) or rendered per device
 * ({{ .MachineID }}) cannot repeat.
 */
function topologyNodeOf(f: CloudConfigFile, member: ClusterMember): TopologyNode {
  const hostname = cloudConfigOutline(f.text).topLevel.get('hostname');
  const hostnameValue = hostname?.kind === 'scalar' ? hostname.value : '';
  const nodeName = member.settings.get('node-name');
  const node = { role: member.role, address: '', path: [f.name] };
  const withNodeId = member.settings.get('with-node-id')?.value === 'true';
  if (nodeName?.set && nodeName.value) {
    const path = [f.name, 'cluster', 'config', nodeName.writtenAs ?? 'node-name'];
    const nameSource = { key: 'node-name' as const, path, file: f.name, ...(nodeName.line ? { line: nodeName.line } : {}) };
    return { ...node, name: nodeName.value, nameSource, uniqueName: withNodeId };
  }
  if (!hostnameValue) return { ...node, name: f.name, uniqueName: true };
  return {
    ...node,
    name: hostnameValue,
    nameSource: { key: 'hostname', path: [f.name, 'hostname'], file: f.name, ...(hostname?.line ? { line: hostname.line } : {}) },
    uniqueName: withNodeId || renderedMachineIdName(hostnameValue) !== null,
  };
}
