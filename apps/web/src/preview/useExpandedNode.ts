/** One node's expansion, recomputed only when the site or the node changes. */
import { expandNode, nodeArtifacts, siteContext, type ExpandedNode, type NodeArtifacts, type Site } from '@rke2-edge/provider-core';
import { useMemo } from 'react';

export interface NodeView {
  expanded: ExpandedNode;
  artifacts: NodeArtifacts;
}

export function viewNode(site: Site, index: number): NodeView | null {
  if (!site.nodes[index]) return null;
  const expanded = expandNode(siteContext(site), index);
  return { expanded, artifacts: nodeArtifacts(expanded) };
}

export function useNodeView(site: Site, index: number): NodeView | null {
  return useMemo(() => viewNode(site, index), [site, index]);
}
