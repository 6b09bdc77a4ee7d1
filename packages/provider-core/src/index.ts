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
export { mergeConfigD, type ConfigDFile, type MergeResult } from './jq/mergeConfigD.js';
export { renderMergedConfig, formatJqNumber } from './jq/renderJq.js';
export type { JqValue, JqObject } from './jq/jqValue.js';
export { yamlToJson, type YamlToJsonResult } from './yaml/yamlToJson.js';
export { emitYamlV3, type YamlNode } from './yaml/yamlV3Emitter.js';
export { RKE2_CATALOG, catalogEntry, nearestCatalogKey, type CatalogEntry } from './catalog/rke2Catalog.js';
export { parseIp, parseCidr, networkOf, isBareIpv6 } from './net/ipAddress.js';
export {
  SiteSchema,
  NodeSchema,
  RegistryMirrorSchema,
  RegistryConfigSchema,
  SITE_SCHEMA_VERSION,
  RKE2_VERSIONS,
  DEFAULT_RKE2_VERSION,
  CNI_PLUGINS,
  INGRESS_CONTROLLERS,
  POD_SECURITY_LEVELS,
  SECRETS_ENCRYPTION_PROVIDERS,
  AFTER_INSTALL,
  CONTROL_PLANE_ENDPOINTS,
  IMAGE_SOURCES,
  ADDRESSING_MODES,
  KUBE_VIP_IMAGE,
  isServerRole,
  type ControlPlaneEndpoint,
  type ImageSource,
  type Site,
  type SiteInput,
  type SiteNode,
  type NodeRole,
} from './site/siteSchema.js';
export { createSite, parseSite, siteErrorText, type ParseSiteResult } from './site/createSite.js';
export { generateClusterToken, tokenWeakness } from './site/clusterToken.js';
export * as designerRules from './site/designerRules.js';
export { expandSite, expandNode, type ExpandedSite, type ExpandedNode } from './site/expandSite.js';
export { siteContext, rke2ConfigFor, type SiteContext } from './site/rke2ConfigFor.js';
export { importCloudConfigs, type ImportResult, type CloudConfigText } from './import/importCloudConfigs.js';
export {
  FindingSchema,
  FINDING_CODES,
  SECURITY_CODES,
  isSecurityFinding,
  sortFindings,
  formatFinding,
  type Finding,
  type FindingCode,
  type Severity,
} from './lint/finding.js';
export { lintSite } from './lint/lintSite.js';
export { RULES as FINDING_RULES } from './lint/rules/registry.js';
export type { Rule as FindingRule, LintContext } from './lint/rules/defineRule.js';
export { siteSecurityFindings, type SiteConfigReads } from './lint/securityRules.js';
export { LIMITS, formatBytes } from './limits.js';
export { lintCloudConfig, lintCloudConfigs, type CloudConfigLintOptions } from './lint/lintCloudConfig.js';
export { buildBundle, bundleFiles, deviceFiles, type BundleOptions, type BundleResult, type BundleFile } from './bundle/buildBundle.js';
export { renderYamlForGo } from './yaml/renderYamlForGo.js';
export { rke2ConfigJsonSchema, type JsonSchema } from './catalog/rke2ConfigJsonSchema.js';
export { SITE_TEMPLATES, siteTemplate, type SiteTemplate } from './designer/siteTemplates.js';
export { SITE_TEMPLATE_INFO, type SiteTemplateInfo } from './designer/siteTemplateInfo.js';
export { sitePorts, portsForRole, type PortRule } from './designer/rke2Ports.js';
export { portTable, serverOnlyPorts, type PortRow } from './designer/portTable.js';
export { effectivePodSecurity } from './site/podSecurityConfig.js';
export { siteSheet, type SiteSheet, type SheetNode, type DhcpReservation, type NeedsGroup } from './designer/siteSheet.js';
export { nodeLabels, LABELS_MAX, type NodeLabel, type NodeLabels } from './designer/nodeLabels.js';
export { runSheet, type RunSheetRow } from './designer/runSheet.js';
export { noProxyOf } from './designer/noProxyOf.js';
export { MERGED_CONFIG_PATH } from './provider/constants.js';
export { nodeArtifacts, type NodeArtifact, type NodeArtifacts, type ArtifactLanguage } from './designer/nodeArtifacts.js';
export { bootTimeline, BOOT_STAGE, type BootStep } from './designer/bootTimeline.js';
export * as siteEdits from './designer/siteEdits.js';
export { analyseSite, type SiteAnalysis, type NodeStatus } from './designer/siteAnalysis.js';
export { countFindings, type FindingCounts } from './designer/findingCounts.js';
export { analysisFollowingNodes } from './designer/followNodes.js';
export {
  maskSecrets,
  maskedNodePreview,
  nodePreview,
  maskAnalysis,
  redactStrings,
  type MaskedSite,
  type NodePreview,
} from './designer/maskSecrets.js';
export { checkSite, publicSiteCheck } from './check/checkSite.js';
export type { CloudConfigFileCheck } from './import/checkCloudConfigs.js';
/** A node address's own problem (no host address) and a set's (an IP twice): the CLI's --address and the designer agree. */
export { nodeAddressProblem, nodeAddressesProblems } from './net/nodeAddress.js';
export {
  CheckFailureSchema,
  NodeCheckSchema,
  SiteCheckSchema,
  type CheckFailure,
  type NodeCheck,
  type SiteCheck,
} from './check/checkResult.js';
export { buildIso, primaryName, type IsoFile, type IsoOptions } from './bundle/iso9660.js';
export { cidataIso, CIDATA_LABEL, CIDATA_ISO_NAME } from './bundle/cidataIso.js';
export { readBundle, type ReadBundleResult } from './bundle/readBundle.js';
export { encodeShareFragment, decodeShareFragment, withoutSecrets, type OmittedSecret, type OpenShareResult } from './share/shareLink.js';
export { SHARE_PREFIX } from './share/sharePrefix.js';
export { safeSegment } from './bundle/safeName.js';
export { parseSiteBytes } from './site/createSite.js';
export { readZipDirectory, readZipEntry, type ZipEntry, type ZipDirectoryResult, type ZipEntryResult } from './bundle/readZip.js';
export { openInputs } from './open/openInputs.js';
export { classifyInput, type InputClass, type InputKind } from './open/classifyInput.js';
export { openShareLink, isShareLink } from './open/openShareLink.js';
export type { OpenResult, NamedBytes, FileSetNote } from './open/openResult.js';
export { printable } from './lint/unsafeText.js';
export {
  checkAddressProblem,
  checkedNodeAddresses,
  recheckCloudConfigs,
  usableAddresses,
  type CheckInput,
  type OpenedCloudConfig,
} from './open/recheckCloudConfigs.js';
// Upgrade view (issue 14): what moving the site to a later RKE2 minor changes for it.
export {
  upgradePlan,
  upgradeTargets,
  type UpgradePlan,
  type UpgradeFinding,
  type UpgradeCheck,
  type UpgradeCode,
} from './designer/upgradeModel.js';
export type { Rke2Minor } from './designer/upgradeFacts.js';
export type { FactSource } from './designer/factSource.js';
export {
  nodeCompliance,
  complianceEvidence,
  type NodeCompliance,
  type ComplianceControl,
  type ComplianceEvidence,
} from './designer/complianceModel.js';
export { COMPLIANCE_CONTROLS, type ComplianceControlId } from './designer/complianceFacts.js';
export type { ArtifactLine } from './designer/artifactLines.js';
export { failureTopology, type FailureTopology, type FailureNode } from './designer/failureTopology.js';
export {
  failureOutcome,
  worstSingleFailure,
  VERDICT_LABELS,
  type FailureOutcome,
  type FailureVerdict,
  type NodeOutcome,
  type EtcdOutcome,
  type EndpointOutcome,
  type ApiOutcome,
  type WorstSingleFailure,
} from './designer/failureModel.js';
