/** `wrong-type`: a value that does not fit the setting. */
import { cloudConfigConfig } from '../cloudConfigChecks.js';
import { siteConfigKeys, siteSettings } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const wrongType = defineRule({
  code: 'wrong-type',
  severity: { site: 'error', cloudConfig: 'error' },
  title: 'a value that does not fit the setting',
  docs: 'A value outside the catalog type or enum (`cni: [canal, multus]`), a CIDR setting that is not a CIDR list, or a kubeconfig mode that is not octal.',
  check: {
    site: (ctx) => [...siteSettings(ctx), ...siteConfigKeys(ctx)],
    cloudConfig: cloudConfigConfig,
  },
});
