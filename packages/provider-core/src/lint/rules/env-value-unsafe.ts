/** `env-value-unsafe`: a value systemd would read as syntax. */
import { cloudConfigSecurity } from '../cloudConfigChecks.js';
import { siteSecurity } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const envValueUnsafe = defineRule({
  code: 'env-value-unsafe',
  severity: { site: 'error', cloudConfig: 'error' },
  security: true,
  title: 'a value systemd would read as syntax',
  docs: 'A proxy, NO_PROXY or `cluster-cidr`/`service-cidr` (also in extra config) with a line break, quote, backslash, `$` or `` ` ``: they become lines of `/etc/default/rke2-*`, an EnvironmentFile.',
  check: {
    site: siteSecurity,
    cloudConfig: cloudConfigSecurity,
  },
});
