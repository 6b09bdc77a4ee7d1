import { useState } from 'react';
import { useSiteState } from '../state/siteContext.js';
import type { NodeId } from '../state/nodeIds.js';
import { selectedIndex, selectionAt, type NodeSelection } from './nodeSelection.js';

/** The selected node of the open site: its id, its index now, and ways to select by id or by index. */
export function useNodeSelection() {
  const { nodeIds } = useSiteState();
  const [selection, setSelection] = useState<NodeSelection>(() => selectionAt(nodeIds, 0));
  const index = selectedIndex(nodeIds, selection);
  return {
    id: nodeIds[index] ?? null,
    index,
    select: (id: NodeId) => setSelection({ id, index: Math.max(0, nodeIds.indexOf(id)) }),
    selectIndex: (i: number) => setSelection(selectionAt(nodeIds, i)),
  };
}
