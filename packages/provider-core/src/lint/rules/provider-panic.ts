/** `provider-panic`: the provider would stop without configuring RKE2. */
import { cloudConfigConfig, cloudConfigOutcome } from '../cloudConfigChecks.js';
import { siteConfigKeys, sitePlans, siteSettings } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const providerPanic = defineRule({
  code: 'provider-panic',
  severity: { site: 'error', cloudConfig: 'error' },
  severityNote: "site: warning when an extra config sets a CIDR that is not text, which the designer replaces with the site's value",
  title: 'the provider would stop without configuring RKE2',
  docs: 'A config without `cluster-cidr`/`service-cidr`, config that is not a map or not valid YAML (with its line and column), a document the Kairos SDK cannot decode, or a site without a control-plane host: provider-rke2 panics and writes nothing (oracle cases 04, 29, 30, 43).',
  check: {
    site: (ctx) => [...siteSettings(ctx), ...siteConfigKeys(ctx), ...sitePlans(ctx)],
    cloudConfig: (ctx) => [...cloudConfigOutcome(ctx), ...cloudConfigConfig(ctx)],
  },
});
