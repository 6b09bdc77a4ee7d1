/** `profile-invalid-for-version`: a CIS profile the RKE2 version does not accept. */
import { cloudConfigConfig } from '../cloudConfigChecks.js';
import { siteConfigKeys } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const profileInvalidForVersion = defineRule({
  code: 'profile-invalid-for-version',
  severity: { site: 'error', cloudConfig: 'error' },
  title: 'a CIS profile the RKE2 version does not accept',
  docs: 'RKE2 refuses a `profile` its version does not know, e.g. `cis-1.23` from v1.30.',
  check: {
    site: siteConfigKeys,
    cloudConfig: cloudConfigConfig,
  },
});
