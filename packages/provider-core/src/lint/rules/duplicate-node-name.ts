/** `duplicate-node-name`: two nodes with one name. */
import { cloudConfigSetTopology } from '../cloudConfigChecks.js';
import { siteTopology } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const duplicateNodeName = defineRule({
  code: 'duplicate-node-name',
  severity: { site: 'error', cloudConfigs: 'error' },
  title: 'two nodes with one name',
  docs: 'Kubernetes node names must be unique.',
  check: {
    site: siteTopology,
    cloudConfigs: cloudConfigSetTopology,
  },
});
