/**
 * What the `cluster.reset` event does (provider-rke2's HandleClusterReset): run the uninstall
 * script under the cluster root path with `/bin/sh -c`. Nothing happens without a cluster section.
 */
import type { Cluster } from '../kairos/clusterSchema.js';
import { clusterRootPath } from './clusterProvider.js';

export interface ResetPlan {
  command: string;
  args: string[];
}

/** Go's path.Clean, which filepath.Join applies on Linux. */
export function cleanPath(path: string): string {
  if (path === '') return '.';
  const rooted = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
      else if (!rooted) parts.push('..');
    } else parts.push(part);
  }
  const joined = parts.join('/');
  return rooted ? `/${joined}` : joined || '.';
}

export function resetPlan(cluster: Cluster | null): ResetPlan | null {
  if (cluster === null) return null;
  const script = cleanPath([clusterRootPath(cluster), '/opt/rke2/scripts', 'rke2-uninstall.sh'].filter(Boolean).join('/'));
  return { command: '/bin/sh', args: ['-c', script] };
}
