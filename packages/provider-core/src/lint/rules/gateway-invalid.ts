/** `gateway-invalid`: a gateway that is not an IP address. */
import { siteAddressing } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const gatewayInvalid = defineRule({
  code: 'gateway-invalid',
  severity: { site: 'error' },
  title: 'a gateway that is not an IP address',
  docs: "networkd's `Gateway=` takes an address.",
  check: {
    site: siteAddressing,
  },
});
