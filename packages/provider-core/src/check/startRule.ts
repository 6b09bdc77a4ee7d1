/**
 * One of RKE2's start-up rules, ported from its source: given a node's device as the provider
 * leaves it (deviceModel.ts) and the site around it, what RKE2 (or kubelet) says when it refuses.
 */
import type { FindingPath } from '../finding/findingPath.js';
import type { ExpandedNode, ExpandedSite } from '../site/expandSite.js';
import type { Site } from '../site/siteSchema.js';
import type { CheckFailure } from './checkResult.js';
import type { Device } from './deviceModel.js';
import type { JqValue } from '../jq/jqValue.js';

export interface StartInput {
  site: Site;
  expanded: ExpandedSite;
  node: ExpandedNode;
  device: Device;
  /** Every node's device, in site order (a joining node needs something that serves its server URL). */
  devices: readonly Device[];
}

/** A failure with the site field that causes it, for findings (not part of the --json output). */
export interface StartFailure extends CheckFailure {
  path: FindingPath;
}

export type StartRule = (input: StartInput) => StartFailure[];

/** A value of the merged config.yaml as RKE2's config-file parser turns it into flag text. */
export function configText(value: JqValue | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A list setting (`node-label`, `tls-san`…): a YAML list or a comma-separated string, as RKE2 reads it. */
export function configList(value: JqValue | undefined): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => configList(v));
  const text = configText(value);
  return text === undefined
    ? []
    : text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
}

/** Where a config key comes from, for the finding's path: the node's extra config, the site's, or the node. */
export function configKeyPath(input: StartInput, key: string, formPath?: FindingPath): FindingPath {
  const { node, expanded } = input;
  if (node.nodeExtra.ok && node.nodeExtra.config.has(key)) return ['nodes', node.index, 'extraConfig'];
  if (expanded.context.clusterExtra.ok && expanded.context.clusterExtra.config.has(key)) return ['extraConfig'];
  return formPath ?? ['nodes', node.index];
}
