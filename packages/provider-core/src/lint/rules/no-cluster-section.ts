/** `no-cluster-section`: no `cluster:` section. */
import { cloudConfigOutcome } from '../cloudConfigChecks.js';
import { defineRule } from './defineRule.js';

export const noClusterSection = defineRule({
  code: 'no-cluster-section',
  severity: { cloudConfig: 'info' },
  title: 'no `cluster:` section',
  docs: 'Without a `cluster:` section the RKE2 provider does nothing on the node (oracle case 33).',
  check: {
    cloudConfig: cloudConfigOutcome,
  },
});
