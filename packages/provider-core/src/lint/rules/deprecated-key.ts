/** `deprecated-key`: a deprecated RKE2 setting. */
import { cloudConfigConfig } from '../cloudConfigChecks.js';
import { siteConfigKeys } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const deprecatedKey = defineRule({
  code: 'deprecated-key',
  severity: { site: 'warning', cloudConfig: 'warning' },
  title: 'a deprecated RKE2 setting',
  docs: 'The catalog marks the setting deprecated (for agents, or everywhere), with its note.',
  check: {
    site: siteConfigKeys,
    cloudConfig: cloudConfigConfig,
  },
});
