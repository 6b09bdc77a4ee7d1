/** `address-invalid`: not a usable host address with its prefix (net/nodeAddress.ts). */
import { siteAddressing, siteNodeFields } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const addressInvalid = defineRule({
  code: 'address-invalid',
  severity: { site: 'error' },
  title: 'not a usable node address with its prefix',
  docs: 'A node address must be an IP address with its prefix (`192.168.1.10/24`) that a host can have: not the unspecified, loopback, multicast or reserved address, nor the network or broadcast address of its prefix (RFC 1122 3.2.1.3; both ends of a /31, RFC 3021). Static addressing needs one.',
  check: {
    site: (ctx) => [...siteNodeFields(ctx), ...siteAddressing(ctx)],
  },
});
