/**
 * The texts the preview shows for one cloud-config. Everything is computed by provider-core; this
 * only chooses what to display for each outcome.
 */
import { describeFailure, runPlugin } from '@rke2-edge/provider-core';

export interface PreviewPanel {
  title: string;
  text: string;
}

export type NodePreview = { kind: 'files'; panels: PreviewPanel[] } | { kind: 'message'; message: string };

export function nodePreview(cloudConfig: string, nodeCidr: string): NodePreview {
  const outcome = runPlugin(cloudConfig, { nodeCidr });
  if (outcome.kind === 'no-cluster') {
    return { kind: 'message', message: 'This cloud-config has no cluster: section, so the RKE2 provider does nothing.' };
  }
  if (outcome.kind !== 'written') return { kind: 'message', message: describeFailure(outcome) ?? '' };
  return {
    kind: 'files',
    panels: [
      { title: outcome.path, text: outcome.clusterKairosYaml },
      ...outcome.files.map((f) => ({ title: f.path, text: f.content })),
      {
        title: '/etc/rancher/rke2/config.yaml',
        text: outcome.merged.ok ? outcome.merged.text : `(left empty: ${outcome.merged.error})`,
      },
    ],
  };
}
