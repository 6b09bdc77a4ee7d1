/**
 * Everything the Kairos RKE2 plugin does with a cloud-config on `agent.boot`, as data:
 * decode it like the SDK, run the provider, render cluster.kairos.yaml, and run the jq merge that
 * the "Install RKE2 Configuration Files" stage will run at boot.
 */
import { decodeCloudConfig } from '../kairos/decodeCloudConfig.js';
import type { Cluster } from '../kairos/clusterSchema.js';
import { renderClusterKairosYaml } from '../kairos/renderClusterKairosYaml.js';
import type { YipConfig, YipFile } from '../kairos/yipSchema.js';
import { mergeConfigD, type MergeResult } from '../jq/mergeConfigD.js';
import { clusterProvider, type ProviderOptions } from './clusterProvider.js';
import { CLUSTER_PROVIDER_CONFIG_FILE, CONFIGURATION_PATH } from './constants.js';
import type { ProviderPanic } from './proxyEnv.js';

export type PluginOutcome =
  /** No `cluster:` section: the plugin answers and writes nothing (oracle case 33). */
  | { kind: 'no-cluster' }
  /** The SDK could not decode the document: an error answer, nothing written (case 43). */
  | { kind: 'sdk-error'; message: string; line: number; position?: { line: number; column: number } }
  /** The Go provider panics: exit 2, nothing written, no Kubernetes configuration at boot. */
  | { kind: 'panic'; cluster: Cluster; panic: ProviderPanic }
  | {
      kind: 'written';
      cluster: Cluster;
      /** Where the device writes the yip file (cluster_config_path or the default). */
      path: string;
      yip: YipConfig;
      /** The exact bytes of that file. */
      clusterKairosYaml: string;
      files: YipFile[];
      /** /etc/rancher/rke2/config.yaml after the stage's jq command. */
      merged: MergeResult;
    };

export function filesOf(yip: YipConfig): YipFile[] {
  return Object.values(yip.stages).flatMap((stages) => stages.flatMap((stage) => stage.files ?? []));
}

export function mergedConfigOf(files: YipFile[]): MergeResult {
  return mergeConfigD(files.filter((f) => f.path.startsWith(`${CONFIGURATION_PATH}/`) && f.path.endsWith('.yaml')));
}

/** Runs the provider for an already decoded cluster section. */
export function runProviderForCluster(cluster: Cluster, options: ProviderOptions): PluginOutcome {
  const result = clusterProvider(cluster, options);
  if (!result.ok) return { kind: 'panic', cluster, panic: result.panic };
  const files = filesOf(result.yip);
  return {
    kind: 'written',
    cluster,
    path: cluster.cluster_config_path || CLUSTER_PROVIDER_CONFIG_FILE,
    yip: result.yip,
    clusterKairosYaml: renderClusterKairosYaml(result.yip),
    files,
    merged: mergedConfigOf(files),
  };
}

/** Runs the plugin on a whole cloud-config text. */
export function runPlugin(cloudConfig: string, options: ProviderOptions): PluginOutcome {
  const decoded = decodeCloudConfig(cloudConfig);
  if (decoded.kind === 'no-cluster') return decoded;
  if (decoded.kind === 'error' && decoded.crash) {
    const reason = 'the Kairos SDK crashes while reading the cloud-config (a Go runtime error inside yaml.v3)';
    return { kind: 'panic', cluster: {}, panic: { kind: 'panic', goPanic: decoded.message, at: '', reason } };
  }
  if (decoded.kind === 'error') {
    const { line, position } = decoded;
    return {
      kind: 'sdk-error',
      message: `failed to parse config from boot event: ${decoded.message}`,
      line,
      ...(position ? { position } : {}),
    };
  }
  return runProviderForCluster(decoded.cluster, options);
}

/**
 * A plain-words explanation of a failed outcome, for a field technician. The SDK's error is kept as
 * Go words it, line breaks included ("yaml: unmarshal errors:\n  line 4: …\n  line 8: …"): the
 * terminal output indents its further lines under the finding (lint/finding.ts formatFinding).
 */
export function describeFailure(outcome: PluginOutcome): string | null {
  if (outcome.kind === 'panic') {
    const where = outcome.panic.at ? ` at ${outcome.panic.at}` : '';
    return `This node would get no Kubernetes configuration at boot: ${outcome.panic.reason}. The provider stops with "${outcome.panic.goPanic}"${where}; nothing is written.`;
  }
  if (outcome.kind === 'sdk-error') {
    return `This node would get no Kubernetes configuration at boot: Kairos cannot read the cloud-config (${outcome.message}).`;
  }
  return null;
}
