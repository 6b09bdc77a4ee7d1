/** `line-break`: a line break in a one-line field. */
import { cloudConfigSecurity } from '../cloudConfigChecks.js';
import { siteSecurity } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const lineBreak = defineRule({
  code: 'line-break',
  severity: { site: 'error', cloudConfig: 'error' },
  security: true,
  title: 'a line break in a one-line field',
  docs: 'LF, CR, U+0085, U+2028 or U+2029 in a host, proxy, name, user, SSH key, token, label, taint, TLS SAN or path: it would add a line to the file or command the value lands in.',
  check: {
    site: siteSecurity,
    cloudConfig: cloudConfigSecurity,
  },
});
