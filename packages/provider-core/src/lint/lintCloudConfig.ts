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
    const member = clusterMemberOf(f, AGREED_KEYS);
    if (!member) return;
    members.push(member);
    const hostname = cloudConfigOutline(f.text).topLevel.get('hostname');
    const name = hostname?.kind === 'scalar' && hostname.value ? hostname.value : f.name;
    nodes.push({ name, role: member.role, address: '', path: [f.name] });
  });
  return runRules('cloudConfigs', { nodes, members });
}
