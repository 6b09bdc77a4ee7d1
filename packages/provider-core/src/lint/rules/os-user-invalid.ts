/** `os-user-invalid`: a user name or password hash that would break /etc/passwd. */
import { cloudConfigSecurity } from '../cloudConfigChecks.js';
import { siteSecurity } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const osUserInvalid = defineRule({
  code: 'os-user-invalid',
  severity: { site: 'error', cloudConfig: 'error' },
  security: true,
  title: 'a user name or password hash that would break /etc/passwd',
  docs: "A user name other than lower-case letters, digits, `_` and `-` (shadow-utils' rule), or a password hash with `:` or a space, or (in a site) not a crypt hash: they become fields of `/etc/passwd` and `/etc/shadow`.",
  check: {
    site: siteSecurity,
    cloudConfig: cloudConfigSecurity,
  },
});
