/** `even-control-plane`: an even number of etcd members. */
import { cloudConfigSetTopology } from '../cloudConfigChecks.js';
import { siteTopology } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const evenControlPlane = defineRule({
  code: 'even-control-plane',
  severity: { site: 'warning', cloudConfigs: 'warning' },
  title: 'an even number of etcd members',
  docs: 'An even etcd member count tolerates no more failures than one server less and risks a split vote.',
  check: {
    site: siteTopology,
    cloudConfigs: cloudConfigSetTopology,
  },
});
