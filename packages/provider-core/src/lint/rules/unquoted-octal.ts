/** `unquoted-octal`: an unquoted octal mode. */
import { cloudConfigConfig } from '../cloudConfigChecks.js';
import { siteConfigKeys } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const unquotedOctal = defineRule({
  code: 'unquoted-octal',
  severity: { site: 'warning', cloudConfig: 'error' },
  title: 'an unquoted octal mode',
  docs: '`write-kubeconfig-mode: 0644` is read as the number 420, which RKE2 then reads as octal; the designer writes it quoted.',
  check: {
    site: siteConfigKeys,
    cloudConfig: cloudConfigConfig,
  },
});
