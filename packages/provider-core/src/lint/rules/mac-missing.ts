/** `mac-missing`: a DHCP reservation without a MAC address. */
import { siteAddressing } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const macMissing = defineRule({
  code: 'mac-missing',
  severity: { site: 'info' },
  title: 'a DHCP reservation without a MAC address',
  docs: "Nobody can reserve the node's address in DHCP without its MAC; the print sheet leaves room to write it down.",
  check: {
    site: siteAddressing,
  },
});
