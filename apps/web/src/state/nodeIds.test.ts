import { createSite, siteEdits, type Site } from '@rke2-edge/provider-core';
import { describe, expect, it } from 'vitest';
import { followNodeIds, freshNodeIds, type NodeId } from './nodeIds.js';

function threeNodes(): Site {
  return siteEdits.addNode(siteEdits.addNode(siteEdits.addNode(createSite({ name: 's', nodes: [] }), 'init')));
}

describe('followNodeIds', () => {
  const follow = (before: Site, after: Site, ids: NodeId[]) => {
    let n = 0;
    return followNodeIds(before.nodes, ids, after.nodes, () => `new-${++n}` as NodeId);
  };

  it('keeps the ids of the nodes that stay when one above them is removed', () => {
    const site = threeNodes();
    const ids = freshNodeIds(site.nodes);
    expect(follow(site, siteEdits.removeNode(site, 0), ids)).toEqual([ids[1], ids[2]]);
  });

  it('gives a duplicate a new id and keeps the others', () => {
    const site = threeNodes();
    const ids = freshNodeIds(site.nodes);
    expect(follow(site, siteEdits.duplicateNode(site, 0), ids)).toEqual([ids[0], 'new-1', ids[1], ids[2]]);
  });

  it('keeps the id of a node edited in place, and of a node that was moved', () => {
    const site = threeNodes();
    const ids = freshNodeIds(site.nodes);
    const renamed = siteEdits.updateNode(site, 1, { ...site.nodes[1]!, name: 'x' });
    expect(follow(site, renamed, ids)).toEqual(ids);
    const reversed = { ...site, nodes: [...site.nodes].reverse() };
    expect(follow(site, reversed, ids)).toEqual([...ids].reverse());
  });

  it('gives the same object twice in a list two ids', () => {
    const site = threeNodes();
    const ids = freshNodeIds(site.nodes);
    const twice = { ...site, nodes: [...site.nodes, site.nodes[0]!] };
    expect(new Set(follow(site, twice, ids)).size).toBe(4);
  });
});
