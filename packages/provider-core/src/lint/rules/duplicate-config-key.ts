/** `duplicate-config-key`: a key written twice in a cloud-config's `config`; the last one wins silently. */
import { cloudConfigConfig } from '../cloudConfigChecks.js';
import { defineRule } from './defineRule.js';

export const duplicateConfigKey = defineRule({
  code: 'duplicate-config-key',
  severity: { cloudConfig: 'warning' },
  title: 'a config key written twice',
  docs: "provider-rke2 reads `config` with sigs.k8s.io/yaml (yaml.v2), which keeps a repeated key's last value without an error (yaml.v3 would refuse it), so the earlier line is ignored on the device. The finding is at the later line and names the earlier one.",
  check: { cloudConfig: cloudConfigConfig },
});
