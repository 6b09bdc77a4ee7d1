import { describe, expect, it } from 'vitest';
import { haSite } from '../../test/siteFixtures.js';
import { analysisFollowingNodes } from './followNodes.js';
import { analyseSite } from './siteAnalysis.js';

describe('analysisFollowingNodes', () => {
  const site = haSite();
  const broken = { ...site, nodes: site.nodes.map((n, i) => (i === 3 ? { ...n, address: 'bad' } : n)) };
  const before = analyseSite(broken);

  it('moves per-node results with their node when a node above is removed', () => {
    expect(before.nodeStatus[3]).toBe('errors');
    const removed = { ...broken, nodes: broken.nodes.filter((_, i) => i !== 2) };
    const shown = analysisFollowingNodes(before, broken, removed);
    expect(shown.nodeStatus[2]).toBe('errors');
    expect(shown.nodeStatus.slice(3)).toEqual(before.nodeStatus.slice(4));
    expect(shown.check.nodes[2]?.node).toBe(broken.nodes[3]!.name);
    expect(shown.findings.filter((f) => f.code === 'address-invalid').map((f) => f.path)).toEqual([['nodes', 2, 'address']]);
    expect(shown.counts.error).toBe(shown.findings.filter((f) => f.severity === 'error').length);
  });

  it('has no result yet for an edited or new node, and keeps site-wide findings', () => {
    const edited = { ...broken, nodes: broken.nodes.map((n, i) => (i === 3 ? { ...n, address: '10.0.0.99/24' } : n)) };
    const shown = analysisFollowingNodes(before, broken, edited);
    expect(shown.nodeStatus[3]).toBeUndefined();
    expect(shown.check.nodes[3]).toBeUndefined();
    expect(shown.findings.some((f) => f.path[0] === 'nodes' && f.path[1] === 3)).toBe(false);
    expect(shown.nodeStatus[0]).toBe(before.nodeStatus[0]);
    const siteWide = before.findings.filter((f) => f.path[0] !== 'nodes');
    expect(shown.findings).toEqual(expect.arrayContaining(siteWide));
  });

  it('is the analysis itself when the nodes did not change', () => {
    const renamed = { ...broken, name: 'other' };
    expect(analysisFollowingNodes(before, broken, renamed)).toBe(before);
  });
});
