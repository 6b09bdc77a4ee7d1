/** One node's expansion, recomputed only when the site or the node changes. */
import { expandNode, nodeArtifacts, siteContext, siteSecurityFindings, type ExpandedNode, type Finding, type NodeArtifacts, type Site } from '@rke2-edge/provider-core';
import { useMemo } from 'react';

export interface NodeView {
  expanded: ExpandedNode;
  artifacts: NodeArtifacts;
  /** Values that must not reach a device: while there are any, the node's files are not handed out. */
  unsafe: Finding[];
}

export function viewNode(site: Site, index: number): NodeView | null {
  if (!site.nodes[index]) return null;
  const context = siteContext(site);
  const expanded = expandNode(context, index);
  const unsafe = siteSecurityFindings(site, { clusterExtra: context.clusterExtra, nodeExtras: new Map([[index, expanded.nodeExtra]]) });
  return { expanded, artifacts: nodeArtifacts(expanded), unsafe };
}

export function useNodeView(site: Site, index: number): NodeView | null {
  return useMemo(() => viewNode(site, index), [site, index]);
}
