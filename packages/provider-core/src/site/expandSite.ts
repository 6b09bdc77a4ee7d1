/**
 * From a site to what each node gets: its cloud-config (user-data), its meta-data, and what the
 * Kairos RKE2 provider will do with that cloud-config at boot, computed by the port from the very
 * text that goes on the USB stick.
 */
import { runPlugin, type PluginOutcome } from '../provider/runPlugin.js';
import { utf8Length } from '../bytes/utf8.js';
import { formatBytes, LIMITS } from '../limits.js';
import type { GoObject } from '../yaml/goJson.js';
import type { Rke2ConfigRead } from './readRke2Config.js';
import { designerFilesOf, designerSteps } from './designerStages.js';
import { renderCloudConfig, renderMetaData } from './renderCloudConfig.js';
import { rke2ConfigFor, siteContext, type SiteContext } from './rke2ConfigFor.js';
import type { Site, SiteNode } from './siteSchema.js';

export interface ExpandedNode {
  index: number;
  node: SiteNode;
  /** The `#cloud-config` text: the node's user-data. */
  userData: string;
  metaData: string;
  /** The RKE2 settings inside `cluster.config`. */
  config: GoObject;
  /** Files the cloud-config's own stages write (registries.yaml, Pod Security config), as [path, content]. */
  designerFiles: [string, string][];
  /** What the provider does with userData at boot: the yip file, each file, merged config.yaml, or the failure. */
  plan: PluginOutcome;
  nodeExtra: Rke2ConfigRead;
  removedProviderKeys: string[];
  restoredCidrs: string[];
}

export interface ExpandedSite {
  site: Site;
  context: SiteContext;
  /** One per site node, in order; empty when the site is too large to expand (`tooLarge`). */
  nodes: ExpandedNode[];
  /** Why the nodes were not expanded: their user-data together would exceed LIMITS.expandedSharedBytes. */
  tooLarge: string | null;
}

export function expandNode(context: SiteContext, index: number): ExpandedNode {
  const node = context.site.nodes[index];
  if (!node) throw new RangeError(`the site has no node ${index}`);
  const nodeConfig = rke2ConfigFor(context, node);
  const steps = designerSteps(context, node, nodeConfig.config);
  const userData = renderCloudConfig(context, node, nodeConfig.config, steps);
  return {
    index,
    node,
    userData,
    metaData: renderMetaData(context.site.name, node),
    designerFiles: designerFilesOf(steps),
    plan: runPlugin(userData, { nodeCidr: node.address }),
    ...nodeConfig,
  };
}

/**
 * Every node's user-data repeats the site's shared settings, so a site whose shared part is large
 * (thousands of SSH keys, registries) times many nodes would expand to gigabytes and exhaust
 * memory. Measured before anything is rendered; the reason is reported as a too-large finding.
 */
const roughly = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`;

/** More nodes than LIMITS.nodes: the site is not expanded, linted or checked any further. */
export function tooManyNodesMessage(site: Site): string | null {
  if (site.nodes.length <= LIMITS.nodes) return null;
  return `the site has ${site.nodes.length} nodes; the designer accepts at most ${LIMITS.nodes} in one site`;
}

function expansionTooLarge(site: Site): string | null {
  const tooMany = tooManyNodesMessage(site);
  if (tooMany !== null) return tooMany;
  if (site.nodes.length === 0) return null;
  const shared = utf8Length(JSON.stringify({ ...site, nodes: [] }));
  if (shared * site.nodes.length <= LIMITS.expandedSharedBytes) return null;
  const most = Math.floor(LIMITS.expandedSharedBytes / site.nodes.length);
  return `every node's configuration carries the site's shared settings, ${roughly(shared)} here; with ${site.nodes.length} nodes the site would expand to ${roughly(shared * site.nodes.length)}, more than the designer makes (${formatBytes(LIMITS.expandedSharedBytes)}): keep the shared settings (SSH keys, registries, certificates, extra config, lists) under ${roughly(most)}, or use fewer nodes`;
}

export function expandSite(site: Site): ExpandedSite {
  const context = siteContext(site);
  const tooLarge = expansionTooLarge(site);
  if (tooLarge) return { site, context, nodes: [], tooLarge };
  return { site, context, nodes: site.nodes.map((_, i) => expandNode(context, i)), tooLarge: null };
}
