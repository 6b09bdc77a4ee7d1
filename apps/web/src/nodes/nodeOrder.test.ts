import { NodeSchema } from '@rke2-edge/provider-core';
import { describe, expect, it } from 'vitest';
import { nodeOrder } from './nodeOrder.js';

const nodes = [
  NodeSchema.parse({ name: 'w-10', role: 'worker', address: '10.0.0.10/24' }),
  NodeSchema.parse({ name: 'cp-1', role: 'init', address: '10.0.0.9/24' }),
  NodeSchema.parse({ name: 'w-2', role: 'worker', address: 'oops' }),
  NodeSchema.parse({ name: 'cp-2', role: 'controlplane', address: '10.0.0.100/24' }),
];

describe('nodeOrder', () => {
  it('keeps the site order by default and reverses it on demand', () => {
    expect(nodeOrder(nodes, [], { key: 'order', descending: false })).toEqual([0, 1, 2, 3]);
    expect(nodeOrder(nodes, [], { key: 'order', descending: true })).toEqual([3, 2, 1, 0]);
  });

  it('sorts names with numbers as a person would', () => {
    expect(nodeOrder(nodes, [], { key: 'name', descending: false }).map((i) => nodes[i]!.name)).toEqual(['cp-1', 'cp-2', 'w-2', 'w-10']);
  });

  it('sorts addresses numerically with unreadable ones last', () => {
    expect(nodeOrder(nodes, [], { key: 'address', descending: false })).toEqual([1, 0, 3, 2]);
  });

  it('sorts by role and by status, worst first, stably', () => {
    expect(nodeOrder(nodes, [], { key: 'role', descending: false })).toEqual([1, 3, 0, 2]);
    expect(nodeOrder(nodes, ['ok', 'warnings', 'errors', 'ok'], { key: 'status', descending: false })).toEqual([2, 1, 0, 3]);
  });

  it('sorts by MAC address ignoring case, nodes without one last', () => {
    const withMacs = nodes.map((n, i) => ({ ...n, mac: ['52:54:00:00:00:0B', '', '52:54:00:00:00:0a', '52:54:00:00:00:01'][i]! }));
    expect(nodeOrder(withMacs, [], { key: 'mac', descending: false })).toEqual([3, 2, 0, 1]);
  });
});
