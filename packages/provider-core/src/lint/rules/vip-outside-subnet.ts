/** `vip-outside-subnet`: a kube-vip VIP outside a server's network. */
import { siteEndpoint } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const vipOutsideSubnet = defineRule({
  code: 'vip-outside-subnet',
  severity: { site: 'error' },
  title: "a kube-vip VIP outside a server's network",
  docs: "kube-vip announces the VIP with ARP, which reaches only the servers' own network.",
  check: {
    site: siteEndpoint,
  },
});
