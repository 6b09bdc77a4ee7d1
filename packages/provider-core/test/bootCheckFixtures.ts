/** Helpers for the boot check's tests: a node's check, and a rule run on a device changed by hand. */
import { expandSite } from '../src/site/expandSite.js';
import type { Site } from '../src/site/siteSchema.js';
import { checkSite } from '../src/check/checkSite.js';
import { bootDevice, type Device } from '../src/check/deviceModel.js';
import type { StartFailure, StartInput, StartRule } from '../src/check/startRule.js';

/** The failures of one rule for one node of a site, through the whole check (user-data → device → rule). */
export function ruleFailures(site: Site, nodeIndex: number, rule: string): StartFailure[] {
  return checkSite(site).nodes[nodeIndex]!.failures.filter((f) => f.rule === rule);
}

/** A rule run on node `nodeIndex`'s device after `edit` changed it (for what no site can produce). */
export function ruleOnEditedDevice(
  site: Site,
  nodeIndex: number,
  rule: StartRule,
  edit: (device: Device, devices: Device[]) => void,
): StartFailure[] {
  const expanded = expandSite(site);
  const devices = expanded.nodes.map(bootDevice);
  edit(devices[nodeIndex]!, devices);
  const input: StartInput = { site, expanded, node: expanded.nodes[nodeIndex]!, device: devices[nodeIndex]!, devices };
  return rule(input);
}
