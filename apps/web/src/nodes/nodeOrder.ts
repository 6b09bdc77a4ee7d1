/** The order the nodes table shows: the site's own order or sorted by a column (stable). */
import type { NodeStatus, SiteNode } from '@rke2-edge/provider-core';
import { parseCidr } from '@rke2-edge/provider-core';

export type SortKey = 'order' | 'name' | 'role' | 'address' | 'mac' | 'status';
export interface Sort {
  key: SortKey;
  descending: boolean;
}

const ROLE_RANK = { init: 0, controlplane: 1, worker: 2 } as const;
const STATUS_RANK: Record<NodeStatus, number> = { errors: 0, warnings: 1, ok: 2 };

/** Addresses compare numerically (10.0.0.9 before 10.0.0.10); unreadable ones last, by text. */
function addressKey(address: string): string {
  const cidr = parseCidr(address);
  if (!cidr) return `2${address}`;
  const ip = address.split('/')[0]!;
  return ip.includes(':')
    ? `1${ip}`
    : `0${ip
        .split('.')
        .map((o) => o.padStart(3, '0'))
        .join('.')}`;
}

export function nodeOrder(nodes: readonly SiteNode[], status: readonly (NodeStatus | undefined)[], sort: Sort): number[] {
  const indices = nodes.map((_, i) => i);
  if (sort.key === 'order') return sort.descending ? indices.reverse() : indices;
  const key = (i: number): string | number => {
    const node = nodes[i]!;
    switch (sort.key) {
      case 'name':
        return node.name;
      case 'role':
        return ROLE_RANK[node.role];
      case 'address':
        return addressKey(node.address);
      case 'mac':
        // Case-insensitive; nodes without a MAC last.
        return node.mac ? `0${node.mac.toLowerCase()}` : '1';
      default:
        return STATUS_RANK[status[i] ?? 'ok'];
    }
  };
  const keys = indices.map(key);
  const direction = sort.descending ? -1 : 1;
  return indices.sort((a, b) => {
    const x = keys[a]!;
    const y = keys[b]!;
    // Names compare as a person reads them (w-2 before w-10); address keys are already padded.
    const c =
      typeof x === 'number' && typeof y === 'number'
        ? x - y
        : sort.key === 'name'
          ? String(x).localeCompare(String(y), 'en', { numeric: true })
          : x < y
            ? -1
            : x > y
              ? 1
              : 0;
    return c === 0 ? a - b : c * direction;
  });
}
