/** `duplicate-node-name`: two nodes with one name. */
import { cloudConfigSetTopology } from '../cloudConfigChecks.js';
import { siteTopology } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const duplicateNodeName = defineRule({
  code: 'duplicate-node-name',
  severity: { site: 'error', cloudConfigs: 'error' },
  title: 'two nodes with one name',
  docs: 'Kubernetes node names must be unique. A cloud-config\'s node name is `node-name` in `cluster.config`, else its `hostname`; the server refuses the second node (k3s pkg/nodepassword: "Node password rejected, duplicate hostname…"). `with-node-id: true`, or a hostname Kairos renders per device (`{{ trunc 4 .MachineID }}`), makes the name unique.',
  check: {
    site: siteTopology,
    cloudConfigs: cloudConfigSetTopology,
  },
});
