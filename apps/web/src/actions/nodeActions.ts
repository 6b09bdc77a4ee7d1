/** The nodes table's edits, naming nodes by id; provider-core's siteEdits does the work on the list. */
import { siteEdits, type NodeRole, type Site, type SiteNode } from '@rke2-edge/provider-core';
import type { NodeId } from '../state/nodeIds.js';
import { defineSiteAction, type NodeIndex } from './action.js';

const nameOf = (site: Site, indexOf: NodeIndex, node: NodeId) => site.nodes[indexOf(node)]?.name || 'node';

/** Applies `edit` to the node's current index; a node that is gone leaves the site as it is. */
const atNode = (site: Site, indexOf: NodeIndex, node: NodeId, edit: (index: number) => Site) => {
  const index = indexOf(node);
  return index < 0 ? site : edit(index);
};

export const addNode = defineSiteAction<{ role: NodeRole }>({
  id: 'node.add',
  label: ({ role }) => `Add ${role}`,
  perform: (site, { role }) => siteEdits.addNode(site, role),
});

export const addWorkers = defineSiteAction<siteEdits.BulkWorkers>({
  id: 'node.addWorkers',
  label: ({ count }) => `Add ${count} workers`,
  perform: (site, args) => siteEdits.addWorkers(site, args),
});

export const duplicateNode = defineSiteAction<{ node: NodeId }>({
  id: 'node.duplicate',
  label: ({ node }, site, indexOf) => `Duplicate ${nameOf(site, indexOf, node)}`,
  perform: (site, { node }, indexOf) => atNode(site, indexOf, node, (i) => siteEdits.duplicateNode(site, i)),
});

export const removeNode = defineSiteAction<{ node: NodeId }>({
  id: 'node.remove',
  label: ({ node }, site, indexOf) => `Remove ${nameOf(site, indexOf, node)}`,
  perform: (site, { node }, indexOf) => atNode(site, indexOf, node, (i) => siteEdits.removeNode(site, i)),
});

export const setNodeRole = defineSiteAction<{ node: NodeId; role: NodeRole }>({
  id: 'node.setRole',
  label: ({ node }, site, indexOf) => `Set ${nameOf(site, indexOf, node)} role`,
  perform: (site, { node, role }, indexOf) => atNode(site, indexOf, node, (i) => siteEdits.setNodeRole(site, i, role)),
});

/** A node form's edit: `value` is the whole node as the form validated it; `field` names what changed. */
export const updateNode = defineSiteAction<{ node: NodeId; value: SiteNode; field: string }>({
  id: 'node.update',
  label: ({ value, field }) => `Edit ${value.name} ${field}`.trim(),
  perform: (site, { node, value }, indexOf) => atNode(site, indexOf, node, (i) => siteEdits.updateNode(site, i, value)),
});
