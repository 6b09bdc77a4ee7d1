/** `address-invalid`: not an address with its prefix. */
import { siteAddressing, siteNodeFields } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const addressInvalid = defineRule({
  code: 'address-invalid',
  severity: { site: 'error' },
  title: 'not an address with its prefix',
  docs: 'A node address must be an IP address with its prefix (`192.168.1.10/24`), and static addressing needs one.',
  check: {
    site: (ctx) => [...siteNodeFields(ctx), ...siteAddressing(ctx)],
  },
});
