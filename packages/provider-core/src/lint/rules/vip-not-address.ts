/** `vip-not-address`: a kube-vip VIP that is a name. */
import { siteEndpoint } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const vipNotAddress = defineRule({
  code: 'vip-not-address',
  severity: { site: 'error' },
  title: 'a kube-vip VIP that is a name',
  docs: 'kube-vip holds an IP address, not a name (kube-vip/kube-vip `pkg/vip/address.go`).',
  check: {
    site: siteEndpoint,
  },
});
