/**
 * Where a finding belongs in the editor: the section that shows it, the field it is about (a
 * finding on `nodes.3.labels.1` belongs to node 3's labels field) and the element id to focus.
 */
import type { Finding } from '@rke2-edge/provider-core';
import type { FieldMessage } from '@rke2-edge/ui';

export const SECTIONS = ['cluster', 'nodes', 'network', 'security', 'airgap', 'os', 'advanced'] as const;
export type SectionId = (typeof SECTIONS)[number];

export const SECTION_LABELS: Record<SectionId, string> = {
  cluster: 'Cluster',
  nodes: 'Nodes',
  network: 'Network & proxy',
  security: 'Security',
  airgap: 'Air-gap & registries',
  os: 'Kairos OS',
  advanced: 'Advanced',
};

type Path = readonly (string | number)[];

/** The part of a finding's path that names a field of the editor. */
export function fieldPathOf(path: Path): Path {
  const [head, second] = path;
  if (head === 'nodes') return typeof second === 'number' ? path.slice(0, 3) : path.slice(0, 1);
  if (head === 'name' || head === 'description' || head === 'rke2Version' || head === 'extraConfig') return path.slice(0, 1);
  if (head === 'os' || (head === 'cluster' && second === 'kubeVip')) return path.slice(0, 3);
  if (head === 'airGap' && (second === 'mirrors' || second === 'registryConfigs')) return path.slice(0, 4);
  return path.slice(0, 2);
}

export const fieldId = (path: Path): string => `field-${path.join('.')}`;

export function sectionOf(path: Path): SectionId {
  switch (path[0]) {
    case 'nodes':
      return 'nodes';
    case 'network':
    case 'proxy':
      return 'network';
    case 'security':
      return 'security';
    case 'airGap':
      return 'airgap';
    case 'os':
      return 'os';
    case 'extraConfig':
      return 'advanced';
    default:
      return 'cluster';
  }
}

/** The node a finding is about, if any. */
export function nodeIndexOf(path: Path): number | null {
  return path[0] === 'nodes' && typeof path[1] === 'number' ? path[1] : null;
}

export function describeFinding(finding: Finding): string {
  const where = finding.line ? `Line ${finding.line}${finding.column ? `, column ${finding.column}` : ''}: ` : '';
  return `${where}${finding.message}`;
}

/** Findings grouped by the field they belong to (key: fieldId). */
export function messagesByField(findings: readonly Finding[]): Map<string, FieldMessage[]> {
  const byField = new Map<string, FieldMessage[]>();
  for (const finding of findings) {
    const id = fieldId(fieldPathOf(finding.path));
    const list = byField.get(id) ?? [];
    list.push({ severity: finding.severity, text: describeFinding(finding) });
    byField.set(id, list);
  }
  return byField;
}

/** The element to focus for a finding: its field, or the closest enclosing one that exists. */
export function focusTargetIds(path: Path): string[] {
  const field = fieldPathOf(path);
  return Array.from({ length: field.length }, (_, i) => fieldId(field.slice(0, field.length - i)));
}
