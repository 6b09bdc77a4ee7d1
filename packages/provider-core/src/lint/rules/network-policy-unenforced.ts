/** `network-policy-unenforced`: the CIS profile's NetworkPolicies with a CNI that does not enforce them. */
import { cloudConfigPitfalls } from '../cloudConfigChecks.js';
import { defineRule } from './defineRule.js';

export const networkPolicyUnenforced = defineRule({
  code: 'network-policy-unenforced',
  severity: { cloudConfig: 'warning' },
  severityNote: 'with `cni: none` it is a note (the CNI you install may enforce them)',
  title: 'NetworkPolicies that nothing enforces',
  docs: '`profile: cis` adds default NetworkPolicies to kube-system, kube-public and default (rancher/rke2 `pkg/rke2/np.go`); flannel alone enforces no NetworkPolicy (flannel-io/flannel#558), canal does through Calico, as do calico and cilium (docs.rke2.io/networking/basic_network_options).',
  check: { cloudConfig: cloudConfigPitfalls },
});
