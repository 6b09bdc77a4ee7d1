/** `too-large`: more than the designer accepts. */
import { cloudConfigSecurity } from '../cloudConfigChecks.js';
import { siteSecurity } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const tooLarge = defineRule({
  code: 'too-large',
  severity: { site: 'error', cloudConfig: 'error' },
  security: true,
  title: 'more than the designer accepts',
  docs: 'More than 2,000 nodes, an extra config over 16 KiB, a cloud-config over 1 MiB, registry certificates over 64 KiB or more than 32 registries, shared settings × nodes over 128 MiB.',
  check: {
    site: siteSecurity,
    cloudConfig: cloudConfigSecurity,
  },
});
