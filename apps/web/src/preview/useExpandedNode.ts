/**
 * One node's expansion and what the preview shows of it, recomputed only when the site or the node
 * changes. In presentation mode the files and stages shown come from the site with its secrets
 * masked (provider-core maskSecrets); `expanded` stays the real node, for the downloads.
 */
import {
  expandNode,
  maskedNodePreview,
  nodePreview,
  siteContext,
  type BootStep,
  type ExpandedNode,
  type MaskedSite,
  type NodeArtifacts,
  type Site,
} from '@rke2-edge/provider-core';
import { useMemo } from 'react';

export interface NodeView {
  expanded: ExpandedNode;
  artifacts: NodeArtifacts;
  steps: BootStep[];
}

export function viewNode(site: Site, index: number, masked: MaskedSite | null): NodeView | null {
  if (!site.nodes[index]) return null;
  const expanded = expandNode(siteContext(site), index);
  const shown = masked ? maskedNodePreview(masked, index) : null;
  return { expanded, ...(shown ?? nodePreview(expanded)) };
}

/** `masked`: presentation mode's masked site of `site` (null while the mode is off). */
export function useNodeView(site: Site, index: number, masked: MaskedSite | null): NodeView | null {
  return useMemo(() => viewNode(site, index, masked), [site, index, masked]);
}
