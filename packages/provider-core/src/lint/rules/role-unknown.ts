/** `role-unknown`: a role other than init, controlplane or worker. */
import { cloudConfigCluster } from '../cloudConfigChecks.js';
import { defineRule } from './defineRule.js';

export const roleUnknown = defineRule({
  code: 'role-unknown',
  severity: { cloudConfig: 'warning' },
  title: 'a role other than init, controlplane or worker',
  docs: 'The provider treats any other role as a server that joins the control plane.',
  check: {
    cloudConfig: cloudConfigCluster,
  },
});
