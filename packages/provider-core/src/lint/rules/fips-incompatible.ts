/** `fips-incompatible`: FIPS with a secrets encryption that is not FIPS-approved. */
import { siteSettings } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const fipsIncompatible = defineRule({
  code: 'fips-incompatible',
  severity: { site: 'error' },
  title: 'FIPS with a secrets encryption that is not FIPS-approved',
  docs: 'FIPS mode needs the `aescbc` secrets encryption provider; `secretbox` is not FIPS-approved.',
  check: {
    site: siteSettings,
  },
});
