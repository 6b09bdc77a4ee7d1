/** `duplicate-address`: two nodes with one address. */
import { siteTopology } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const duplicateAddress = defineRule({
  code: 'duplicate-address',
  severity: { site: 'error' },
  title: 'two nodes with one address',
  docs: 'Two nodes given the same IP address.',
  check: {
    site: siteTopology,
  },
});
