/** `vip-is-node-address`: a kube-vip VIP that a node has. */
import { siteEndpoint } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const vipIsNodeAddress = defineRule({
  code: 'vip-is-node-address',
  severity: { site: 'error' },
  title: 'a kube-vip VIP that a node has',
  docs: 'kube-vip moves the VIP between the servers, so it must be an address no node has.',
  check: {
    site: siteEndpoint,
  },
});
