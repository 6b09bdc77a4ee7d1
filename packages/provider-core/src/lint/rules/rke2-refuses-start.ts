/** `rke2-refuses-start`: RKE2 would not start. */
import { siteBootCheck } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const rke2RefusesStart = defineRule({
  code: 'rke2-refuses-start',
  severity: { site: 'error' },
  title: 'RKE2 would not start',
  docs: "The boot check's failures (see \"Will it come up?\"): RKE2's (or kubelet's) own message and its source, on the field that causes it. Failures where the provider writes nothing are `provider-panic` or `jq-merge-failed` instead.",
  check: {
    site: siteBootCheck,
  },
});
