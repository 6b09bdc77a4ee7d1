/**
 * From a site to what each node gets: its cloud-config (user-data), its meta-data, and what the
 * Kairos RKE2 provider will do with that cloud-config at boot, computed by the port from the very
 * text that goes on the USB stick.
 */
import { runPlugin, type PluginOutcome } from '../provider/runPlugin.js';
import type { GoObject } from '../yaml/goJson.js';
import type { Rke2ConfigRead } from './readRke2Config.js';
import { designerFilesFor } from './designerStages.js';
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
  nodes: ExpandedNode[];
}

export function expandNode(context: SiteContext, index: number): ExpandedNode {
  const node = context.site.nodes[index];
  if (!node) throw new RangeError(`the site has no node ${index}`);
  const nodeConfig = rke2ConfigFor(context, node);
  const userData = renderCloudConfig(context, node, nodeConfig.config);
  return {
    index,
    node,
    userData,
    metaData: renderMetaData(context.site.name, node),
    designerFiles: designerFilesFor(context, node),
    plan: runPlugin(userData, { nodeCidr: node.address }),
    ...nodeConfig,
  };
}

export function expandSite(site: Site): ExpandedSite {
  const context = siteContext(site);
  return { site, context, nodes: site.nodes.map((_, i) => expandNode(context, i)) };
}
