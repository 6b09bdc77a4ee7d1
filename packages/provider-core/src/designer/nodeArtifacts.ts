/**
 * Every file the designer can show for one node, in the order the preview lists them: what goes
 * on the stick (user-data, meta-data), what the cloud-config's own stages write, and what the
 * provider writes at boot ending with the merged config.yaml.
 */
import { describeFailure } from '../provider/runPlugin.js';
import { MERGED_CONFIG_PATH } from '../provider/constants.js';
import type { ExpandedNode } from '../site/expandSite.js';

export type ArtifactLanguage = 'yaml' | 'shell' | 'plaintext';

export interface NodeArtifact {
  /** Stable across nodes and edits, so a diff or a selection can name the same artifact. */
  id: string;
  path: string;
  /** Who writes it and when, in a few words. */
  origin: 'on the stick' | 'cloud-config stage' | 'provider' | 'provider jq merge';
  language: ArtifactLanguage;
  text: string;
}

export interface NodeArtifacts {
  artifacts: NodeArtifact[];
  /** Set when the provider would fail on this node: why, in plain words. Provider files are then absent. */
  failure: string | null;
}

function languageOf(path: string): ArtifactLanguage {
  if (path.startsWith('/etc/default/')) return 'shell';
  return /\.ya?ml$|^user-data$|^meta-data$/.test(path) ? 'yaml' : 'plaintext';
}

/** The env file is rke2-server on servers and rke2-agent on workers: one id, so a diff can compare them. */
const idOf = (path: string) => path.replace(/^\/etc\/default\/rke2-(server|agent)$/, '/etc/default/rke2-{server|agent}');

const artifact = (path: string, origin: NodeArtifact['origin'], text: string): NodeArtifact => ({
  id: idOf(path),
  path,
  origin,
  language: languageOf(path),
  text,
});

export function nodeArtifacts(node: ExpandedNode): NodeArtifacts {
  const onStick = [artifact('user-data', 'on the stick', node.userData), artifact('meta-data', 'on the stick', node.metaData)];
  const staged = node.designerFiles.map(([path, content]) => artifact(path, 'cloud-config stage', content));
  const { plan } = node;
  if (plan.kind !== 'written') {
    const failure =
      plan.kind === 'no-cluster' ? 'This cloud-config has no cluster section, so the RKE2 provider does nothing.' : describeFailure(plan);
    return { artifacts: [...onStick, ...staged], failure };
  }
  const merged = plan.merged.ok ? plan.merged.text : '';
  return {
    artifacts: [
      ...onStick,
      ...staged,
      artifact(plan.path, 'provider', plan.clusterKairosYaml),
      ...plan.files.map((f) => artifact(f.path, 'provider', f.content)),
      artifact(MERGED_CONFIG_PATH, 'provider jq merge', merged),
    ],
    failure: plan.merged.ok
      ? null
      : `The provider's jq merge fails (${plan.merged.shown.trim()}), so ${MERGED_CONFIG_PATH} is left empty and RKE2 starts without its settings.`,
  };
}
