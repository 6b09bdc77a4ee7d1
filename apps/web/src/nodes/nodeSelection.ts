/**
 * The selected node, held by id so it follows the node when nodes above it are removed, added or
 * reordered. `index` is where it was last seen: when the node itself is gone (removed, or an undo
 * took it away), the selection falls back to that place in the list.
 */
import type { NodeId } from '../state/nodeIds.js';

export interface NodeSelection {
  id: NodeId | null;
  index: number;
}

/** Where the selection is in `ids` now (0 for an empty list). */
export function selectedIndex(ids: readonly NodeId[], selection: NodeSelection): number {
  const found = selection.id === null ? -1 : ids.indexOf(selection.id);
  return found >= 0 ? found : Math.max(0, Math.min(selection.index, ids.length - 1));
}

export const selectionAt = (ids: readonly NodeId[], index: number): NodeSelection => ({ id: ids[index] ?? null, index });
