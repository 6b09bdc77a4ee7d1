/** Public API of @rke2-edge/provider-core. */
export { ClusterSchema, KAIROS_ROLES, type Cluster } from './kairos/clusterSchema.js';
export { YipConfigSchema, YipFileSchema, YipStageSchema, type YipConfig, type YipFile, type YipStage } from './kairos/yipSchema.js';
export { decodeCloudConfig, type DecodedCloudConfig } from './kairos/decodeCloudConfig.js';
export { renderClusterKairosYaml } from './kairos/renderClusterKairosYaml.js';
export { clusterProvider, serviceName, type ProviderOptions, type ProviderResult } from './provider/clusterProvider.js';
export { proxyEnv, defaultNoProxy, type ProviderPanic } from './provider/proxyEnv.js';
export { resetPlan, type ResetPlan } from './provider/resetPlan.js';
export { runPlugin, runProviderForCluster, describeFailure, filesOf, type PluginOutcome } from './provider/runPlugin.js';
export * as providerConstants from './provider/constants.js';
export { mergeConfigD, jqAdd, type ConfigDFile, type MergeResult } from './jq/mergeConfigD.js';
export { renderMergedConfig, formatJqNumber } from './jq/renderJq.js';
export type { JqValue, JqObject } from './jq/jqValue.js';
export { yamlToJson, type YamlToJsonResult } from './yaml/yamlToJson.js';
export { emitYamlV3, type YamlNode } from './yaml/yamlV3Emitter.js';
