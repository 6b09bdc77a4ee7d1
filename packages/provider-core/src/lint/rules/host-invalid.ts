/** `host-invalid`: not a host name or IP address. */
import { cloudConfigSecurity } from '../cloudConfigChecks.js';
import { siteSecurity } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const hostInvalid = defineRule({
  code: 'host-invalid',
  severity: { site: 'error', cloudConfig: 'error' },
  security: true,
  title: 'not a host name or IP address',
  docs: "The control-plane host with a scheme, port or path (`fix.value` is the host), or a node host name other than letters, digits, `-` and `.`: it becomes `server: https://HOST:9345` and the machine's name.",
  check: {
    site: siteSecurity,
    cloudConfig: cloudConfigSecurity,
  },
});
