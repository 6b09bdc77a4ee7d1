/** `port-conflict`: two listeners on one port, or a NodePort range over RKE2's ports. */
import { cloudConfigPitfalls } from '../cloudConfigChecks.js';
import { defineRule } from './defineRule.js';

export const portConflict = defineRule({
  code: 'port-conflict',
  severity: { cloudConfig: 'error' },
  title: 'a port taken twice',
  docs: "`lb-server-port`, the kubelet's and control-plane components' `port`/`secure-port` arguments on a port another listener uses (supervisor 9345, API 6443, etcd 2379–2381, kubelet 10250, VXLAN 8472, canal 9099: docs.rke2.io/install/requirements, rancher/rke2#4602), or a `service-node-port-range` that includes one of them. The supervisor and API ports themselves are hard-coded in RKE2.",
  check: { cloudConfig: cloudConfigPitfalls },
});
