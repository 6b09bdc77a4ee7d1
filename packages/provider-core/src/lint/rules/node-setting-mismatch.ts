/** `node-setting-mismatch`: nodes of one cluster whose containerd pulls or runs images differently. */
import { cloudConfigSetAgreement } from '../clusterAgreementRules.js';
import { defineRule } from './defineRule.js';

export const nodeSettingMismatch = defineRule({
  code: 'node-setting-mismatch',
  severity: { cloudConfigs: 'warning' },
  title: 'nodes disagree on registries.yaml or SELinux',
  docs: "selinux and the registries.yaml the stages write should be the same on every node: otherwise images that pull on one node stay in ImagePullBackOff on another, and SELinux denials depend on where a pod lands. (system-default-registry is the servers' own: a worker takes the server's, and one set on a worker is `deprecated-key`.)",
  check: { cloudConfigs: cloudConfigSetAgreement },
});
