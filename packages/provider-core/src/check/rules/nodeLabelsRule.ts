/**
 * kubelet refuses to start when `--node-labels` (RKE2's `node-label`) holds a `kubernetes.io` or
 * `k8s.io` label outside the set it may set on its own Node. Ported from kubernetes
 * staging/src/k8s.io/kubelet/pkg/apis/well_known_labels.go (kubeletLabels, kubeletLabelNamespaces,
 * IsKubeletLabel) and cmd/kubelet/app/options/options.go (ValidateKubeletFlags, isKubernetesLabel);
 * kubelet exits with "failed to validate kubelet flags: …" (cmd/kubelet/app/server.go) and RKE2
 * keeps restarting it, so the node never registers.
 */
import type { JqValue } from '../../jq/jqValue.js';
import { configList, configKeyPath, type StartFailure, type StartInput } from '../startRule.js';

const NODE_LABELS_SOURCE =
  'kubernetes cmd/kubelet/app/options/options.go, ValidateKubeletFlags; staging/src/k8s.io/kubelet/pkg/apis/well_known_labels.go, IsKubeletLabel';

/** KubeletLabels(), sorted as sets.String.List() returns them. */
const KUBELET_LABELS = [
  'beta.kubernetes.io/arch',
  'beta.kubernetes.io/instance-type',
  'beta.kubernetes.io/os',
  'failure-domain.beta.kubernetes.io/region',
  'failure-domain.beta.kubernetes.io/zone',
  'kubernetes.io/arch',
  'kubernetes.io/hostname',
  'kubernetes.io/os',
  'node.kubernetes.io/instance-type',
  'topology.kubernetes.io/region',
  'topology.kubernetes.io/zone',
] as const;
/** KubeletLabelNamespaces(), sorted. */
const KUBELET_LABEL_NAMESPACES = ['kubelet.kubernetes.io', 'node.kubernetes.io'] as const;

function labelNamespace(key: string): string {
  const slash = key.indexOf('/');
  return slash < 0 ? '' : key.slice(0, slash);
}

const inDomain = (namespace: string, domain: string) => namespace === domain || namespace.endsWith(`.${domain}`);

export function isKubernetesLabel(key: string): boolean {
  const namespace = labelNamespace(key);
  return inDomain(namespace, 'kubernetes.io') || inDomain(namespace, 'k8s.io');
}

export function isKubeletLabel(key: string): boolean {
  if ((KUBELET_LABELS as readonly string[]).includes(key)) return true;
  const namespace = labelNamespace(key);
  return KUBELET_LABEL_NAMESPACES.some((allowed) => inDomain(namespace, allowed));
}

/** `kubelet-arg` entries as written: one argument each (an argument's own commas separate its labels). */
function kubeletArgs(value: JqValue | undefined): string[] {
  const entries = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return entries.flatMap((entry) => (typeof entry === 'string' ? [entry] : []));
}

/** Label keys given to kubelet through `kubelet-arg: [node-labels=k=v,…]` (RKE2 passes each entry as `--ARG`). */
function kubeletArgLabelKeys(kubeletArgs: readonly string[]): string[] {
  return kubeletArgs.flatMap((arg) => {
    const m = /^(?:--)?node-labels=(.*)$/s.exec(arg.trim());
    return m
      ? m[1]!
          .split(',')
          .map((label) => label.split('=')[0]!.trim())
          .filter((key) => key !== '')
      : [];
  });
}

export function nodeLabelsRule(input: StartInput): StartFailure[] {
  const config = input.device.config;
  const keys = [
    ...configList(config?.get('node-label')).map((label) => label.split('=')[0]!.trim()),
    ...kubeletArgLabelKeys(kubeletArgs(config?.get('kubelet-arg'))),
  ];
  const unknown = [...new Set(keys.filter((key) => isKubernetesLabel(key) && !isKubeletLabel(key)))].sort();
  if (unknown.length === 0) return [];
  const message =
    // kubelet puts a line break before "--node-labels in …"; one line here, so every output shows it alike.
    `failed to validate kubelet flags: unknown 'kubernetes.io' or 'k8s.io' labels specified with --node-labels: [${unknown.join(' ')}] ` +
    `--node-labels in the 'kubernetes.io' namespace must begin with an allowed prefix (${KUBELET_LABEL_NAMESPACES.join(', ')}) ` +
    `or be in the specifically allowed set (${KUBELET_LABELS.join(', ')})`;
  const labels = input.node.node.labels;
  const index = labels.findIndex((l) => unknown.includes(l.split('=')[0]!.trim()));
  const inNodeLabel = configList(config?.get('node-label')).some((l) => unknown.includes(l.split('=')[0]!.trim()));
  const path = index >= 0 ? ['nodes', input.node.index, 'labels', index] : configKeyPath(input, inNodeLabel ? 'node-label' : 'kubelet-arg');
  return [{ rule: 'node-labels', message, source: NODE_LABELS_SOURCE, path }];
}
