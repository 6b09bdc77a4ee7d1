/** `duplicate-tls-san`: a TLS SAN is repeated. */
import { cloudConfigConfig } from '../cloudConfigChecks.js';
import { siteConfigKeys, siteSettings } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const duplicateTlsSan = defineRule({
  code: 'duplicate-tls-san',
  severity: { site: 'warning', cloudConfig: 'warning' },
  title: 'a TLS SAN is repeated',
  docs: 'A SAN listed twice, or equal to the control-plane host that the provider already adds to `tls-san`.',
  check: {
    site: (ctx) => [...siteSettings(ctx), ...siteConfigKeys(ctx)],
    cloudConfig: cloudConfigConfig,
  },
});
