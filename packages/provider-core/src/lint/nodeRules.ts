/**
 * Checks on one node's own fields: Kubernetes naming rules (k8s/names.ts) for the node name, labels
 * and taints, and the address (format, and a usable host address: net/nodeAddress.ts). Codes: node-name-invalid, label-invalid, taint-invalid, address-invalid.
 */
import { dns1123SubdomainProblem, labelProblem, taintProblem } from '../k8s/names.js';
import { parseCidr } from '../net/ipAddress.js';
import { nodeAddressProblem } from '../net/nodeAddress.js';
import type { SiteNode } from '../site/siteSchema.js';
import type { Finding, FindingPath } from './finding.js';

export function lintNodeFields(node: SiteNode, path: FindingPath): Finding[] {
  const findings: Finding[] = [];
  const nameProblem = dns1123SubdomainProblem(node.name);
  if (nameProblem) {
    const suggestion = node.name
      .toLowerCase()
      .replace(/[^a-z0-9.-]+/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '')
      .slice(0, 63);
    findings.push({
      severity: 'error',
      code: 'node-name-invalid',
      message: `node name "${node.name}" is not a valid Kubernetes node name: ${nameProblem}`,
      path: [...path, 'name'],
      ...(suggestion ? { fix: { description: `rename to "${suggestion}"`, value: suggestion } } : {}),
    });
  }
  // The same rule as `rke2-edge check --address` and the designer's addresses for opened cloud-configs.
  const addressProblem = node.address === '' ? null : nodeAddressProblem(node.address);
  if (addressProblem) {
    findings.push({
      severity: 'error',
      code: 'address-invalid',
      message: parseCidr(node.address)
        ? `address "${node.address}": ${addressProblem}`
        : `address "${node.address}" must be an IP address with its prefix, e.g. 192.168.1.10/24`,
      path: [...path, 'address'],
    });
  }
  node.labels.forEach((label, i) => {
    const problem = labelProblem(label);
    if (problem)
      findings.push({ severity: 'error', code: 'label-invalid', message: `label "${label}": ${problem}`, path: [...path, 'labels', i] });
  });
  node.taints.forEach((taint, i) => {
    const problem = taintProblem(taint);
    if (problem)
      findings.push({ severity: 'error', code: 'taint-invalid', message: `taint "${taint}": ${problem}`, path: [...path, 'taints', i] });
  });
  return findings;
}
