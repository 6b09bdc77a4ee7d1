/** `jq-merge-failed`: the provider's jq merge fails. */
import { cloudConfigConfig } from '../cloudConfigChecks.js';
import { sitePlans } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const jqMergeFailed = defineRule({
  code: 'jq-merge-failed',
  severity: { site: 'error', cloudConfig: 'error' },
  title: "the provider's jq merge fails",
  docs: 'The provider merges `config.d` with jq; a merge that fails (e.g. `tls-san` given as a string while the provider adds a list) leaves `/etc/rancher/rke2/config.yaml` empty.',
  check: {
    site: sitePlans,
    cloudConfig: cloudConfigConfig,
  },
});
