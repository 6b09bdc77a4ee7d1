/** `no-init`: no node creates the cluster. */
import { cloudConfigSetTopology } from '../cloudConfigChecks.js';
import { siteTopology } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const noInit = defineRule({
  code: 'no-init',
  severity: { site: 'error', cloudConfigs: 'error' },
  title: 'no node creates the cluster',
  docs: 'Exactly one node must have the role `init`: without it no server creates the cluster and no node can join.',
  check: {
    site: siteTopology,
    cloudConfigs: cloudConfigSetTopology,
  },
});
