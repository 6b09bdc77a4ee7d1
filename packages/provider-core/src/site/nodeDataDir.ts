/**
 * RKE2's data-dir on a node: the `data-dir` of its final config when it is a safe absolute path,
 * else RKE2's default (rancher/rke2 pkg/cli/cmds: `/var/lib/rancher/rke2`). Static pods, image
 * archives and etcd's data live under it, so every generator that writes there uses this.
 * An unsafe value is reported by securityRules and never reaches a file or a command.
 */
import { isShellSafePath } from '../text/shellSafePath.js';
import type { GoObject } from '../yaml/goJson.js';

export const DEFAULT_DATA_DIR = '/var/lib/rancher/rke2';

/** A path without its trailing slashes (`/` stays `/`). */
export const trimSlash = (p: string): string => (p.length > 1 ? p.replace(/\/+$/, '') : p);

export function nodeDataDir(config: GoObject): string {
  const dataDir = config.get('data-dir');
  return typeof dataDir === 'string' && dataDir.startsWith('/') && isShellSafePath(dataDir) ? trimSlash(dataDir) : DEFAULT_DATA_DIR;
}
