/** `unknown-key`: not an RKE2 setting. */
import { cloudConfigConfig } from '../cloudConfigChecks.js';
import { siteConfigKeys } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const unknownKey = defineRule({
  code: 'unknown-key',
  severity: { site: 'warning', cloudConfig: 'warning' },
  title: 'not an RKE2 setting',
  docs: 'A key that is not in the RKE2 catalog is skipped by RKE2 with "Unknown flag"; `fix.value` is the nearest known key.',
  check: {
    site: siteConfigKeys,
    cloudConfig: cloudConfigConfig,
  },
});
