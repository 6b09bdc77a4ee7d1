/** `nameserver-invalid`: a DNS server that is not an IP address. */
import { siteAddressing } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const nameserverInvalid = defineRule({
  code: 'nameserver-invalid',
  severity: { site: 'error' },
  title: 'a DNS server that is not an IP address',
  docs: "networkd's `DNS=` takes addresses only.",
  check: {
    site: siteAddressing,
  },
});
