/** `role-missing`: no role is set. */
import { cloudConfigCluster } from '../cloudConfigChecks.js';
import { defineRule } from './defineRule.js';

export const roleMissing = defineRule({
  code: 'role-missing',
  severity: { cloudConfig: 'warning' },
  title: 'no role is set',
  docs: 'Without a role the provider runs the node as a server that joins (like `controlplane`); `fix.value` sets it explicitly.',
  check: {
    cloudConfig: cloudConfigCluster,
  },
});
