/**
 * Opened cloud-configs checked again with what the user knows and no file says: each node's
 * address and whether a load balancer of theirs answers at control_plane_host (the boot check,
 * import/checkCloudConfigs.ts, takes both as options, like `rke2-edge check --address NAME=CIDR
 * --load-balancer`). Also which of the opened site's nodes each file became, so the addresses the
 * check used can be set on them.
 */
import { decodeCloudConfig } from '../kairos/decodeCloudConfig.js';
import { cloudConfigFileChecks, type CloudConfigFileCheck } from '../import/checkCloudConfigs.js';
import type { CloudConfigText } from '../import/importCloudConfigs.js';
import { parseIp } from '../net/ipAddress.js';
import { nodeAddressProblem } from '../net/nodeAddress.js';

/** One opened cloud-config: its name and text as read, and the index of the site node it became (null: not imported). */
export interface OpenedCloudConfig extends CloudConfigText {
  siteNode: number | null;
}

/**
 * What the user says for the check: an address with prefix by file index ('' or absent: not given;
 * by index, as two files may share a name and a name is no node's), and the load balancer.
 */
export interface CheckInput {
  addresses: readonly string[];
  loadBalancer: boolean;
}

/**
 * The site node each file became. importCloudConfigs makes one node per file Kairos decodes with a
 * cluster: section, in file order (readNode there), so the nodes are those files' in turn.
 */
export function openedCloudConfigs(texts: readonly CloudConfigText[]): OpenedCloudConfig[] {
  let next = 0;
  return texts.map(({ name, text }) => ({ name, text, siteNode: decodeCloudConfig(text).kind === 'cluster' ? next++ : null }));
}

/** Why an address typed for the check cannot be used, or null (empty means not given); the rules of `check --address`. */
export function checkAddressProblem(text: string): string | null {
  const value = text.trim();
  if (value === '') return null;
  if (!value.includes('/') && parseIp(value)) return `${value} has no prefix length: write the address with its prefix, e.g. ${value}/24`;
  return nodeAddressProblem(value);
}

/** The typed addresses the check can use, by file index: the empty and the invalid ones are ''. */
export function usableAddresses(input: CheckInput, files: number): string[] {
  return Array.from({ length: files }, (_, i) => {
    const text = (input.addresses[i] ?? '').trim();
    return checkAddressProblem(text) === null ? text : '';
  });
}

/** Each file's Device check again, with the usable addresses given and the load balancer as chosen. */
export function recheckCloudConfigs(files: readonly OpenedCloudConfig[], input: CheckInput): CloudConfigFileCheck[] {
  return cloudConfigFileChecks(files, { fileAddresses: usableAddresses(input, files.length), loadBalancer: input.loadBalancer });
}

/** The addresses a check used that a site node can take: given or read from the file (an assumed /32 is a guess), by site node. */
export function checkedNodeAddresses(
  files: readonly OpenedCloudConfig[],
  checks: readonly CloudConfigFileCheck[],
): { siteNode: number; address: string }[] {
  return files.flatMap((file, i) => {
    const check = checks[i];
    if (file.siteNode === null || !check || (check.addressFrom !== 'given' && check.addressFrom !== 'file')) return [];
    return [{ siteNode: file.siteNode, address: check.address }];
  });
}
