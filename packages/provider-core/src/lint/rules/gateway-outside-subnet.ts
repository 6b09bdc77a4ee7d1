/** `gateway-outside-subnet`: a gateway outside a static node's subnet. */
import { siteAddressing } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const gatewayOutsideSubnet = defineRule({
  code: 'gateway-outside-subnet',
  severity: { site: 'error' },
  title: "a gateway outside a static node's subnet",
  docs: 'networkd adds the default route through `Gateway=` only when the gateway is on the link (systemd.network(5), `Gateway=`, `GatewayOnLink=`).',
  check: {
    site: siteAddressing,
  },
});
