/** `mac-invalid`: not a MAC address. */
import { siteAddressing } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const macInvalid = defineRule({
  code: 'mac-invalid',
  severity: { site: 'error' },
  title: 'not a MAC address',
  docs: 'A MAC address must be six pairs of hex digits separated by `:`, the form `ip link` prints and DHCP servers take.',
  check: {
    site: siteAddressing,
  },
});
