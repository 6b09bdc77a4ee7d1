/**
 * Stable node ids. The site.json format has no node ids (and must not get one), so the store keeps
 * them beside the site: an array parallel to `site.nodes`, saved with every history entry, so undo
 * and redo bring back the ids that went with each site. After an edit, `followNodeIds` carries ids
 * over: a node object that is still in the list keeps its id wherever it moved (remove, duplicate,
 * reorder); a new object in the place of one that is gone takes that one's id (a node edited in
 * place: `updateNode`, `setNodeRole`, a whole site loaded from another tab); anything else is new.
 * A parallel array rather than a WeakMap keyed by node object, because the same object may appear
 * twice in a list and must still get two ids.
 */
import type { SiteNode } from '@rke2-edge/provider-core';

export type NodeId = string & { readonly __brand: 'NodeId' };

let counter = 0;
const newNodeId = (): NodeId => `node-${++counter}` as NodeId;

export const freshNodeIds = (nodes: readonly SiteNode[]): NodeId[] => nodes.map(() => newNodeId());

export function followNodeIds(
  previous: readonly SiteNode[],
  previousIds: readonly NodeId[],
  next: readonly SiteNode[],
  fresh: () => NodeId = newNodeId,
): NodeId[] {
  const byObject = new Map<SiteNode, number[]>();
  previous.forEach((node, i) => byObject.set(node, [...(byObject.get(node) ?? []), i]));
  const used = new Set<number>();
  const kept = next.map((node) => {
    const i = byObject.get(node)?.find((p) => !used.has(p));
    if (i !== undefined) used.add(i);
    return i;
  });
  return next.map((_, position) => {
    const i = kept[position];
    if (i !== undefined) return previousIds[i]!;
    if (position < previous.length && !used.has(position)) {
      used.add(position);
      return previousIds[position]!;
    }
    return fresh();
  });
}
