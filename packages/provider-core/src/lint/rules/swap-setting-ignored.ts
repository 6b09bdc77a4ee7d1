/** `swap-setting-ignored`: kubelet arguments for swap on a node the provider turns swap off on. */
import { cloudConfigPitfalls } from '../cloudConfigChecks.js';
import { defineRule } from './defineRule.js';

export const swapSettingIgnored = defineRule({
  code: 'swap-setting-ignored',
  severity: { cloudConfig: 'info' },
  title: 'swap settings on a node without swap',
  docs: '`kubelet-arg` `fail-swap-on=false` or `feature-gates=NodeSwap=true` let the kubelet run with swap, but provider-rke2 comments out the swap lines of `/etc/fstab` and runs `swapoff -a` at every boot ("disable disk swap" stage), so the setting does nothing.',
  check: { cloudConfig: cloudConfigPitfalls },
});
