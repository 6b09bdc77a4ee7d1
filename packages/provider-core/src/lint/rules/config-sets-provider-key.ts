/** `config-sets-provider-key`: config sets `token` or `server`, which the provider writes itself. */
import { cloudConfigConfig } from '../cloudConfigChecks.js';
import { siteConfigKeys } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const configSetsProviderKey = defineRule({
  code: 'config-sets-provider-key',
  severity: { site: 'warning', cloudConfig: 'error' },
  title: 'config sets `token` or `server`, which the provider writes itself',
  docs: 'jq concatenates the two values (`"abc" + "abc"`), so the node cannot join (oracle cases 27, 28); the designer leaves the key out of a site\'s extra config.',
  check: {
    site: siteConfigKeys,
    cloudConfig: cloudConfigConfig,
  },
});
