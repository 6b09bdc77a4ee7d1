/** `node-setting-mismatch`: nodes of one cluster whose containerd pulls or runs images differently. */
import { cloudConfigSetAgreement } from '../clusterAgreementRules.js';
import { defineRule } from './defineRule.js';

export const nodeSettingMismatch = defineRule({
  code: 'node-setting-mismatch',
  severity: { cloudConfigs: 'warning' },
  title: 'nodes disagree on images or SELinux',
  docs: 'system-default-registry, selinux and the registries.yaml the stages write should be the same on every node: otherwise images that pull on one node stay in ImagePullBackOff on another, and SELinux denials depend on where a pod lands.',
  check: { cloudConfigs: cloudConfigSetAgreement },
});
