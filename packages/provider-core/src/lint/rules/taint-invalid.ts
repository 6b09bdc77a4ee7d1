/** `taint-invalid`: not a Kubernetes taint. */
import { siteNodeFields } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const taintInvalid = defineRule({
  code: 'taint-invalid',
  severity: { site: 'error' },
  title: 'not a Kubernetes taint',
  docs: 'A taint is `key=value:Effect` (the value optional), Effect being NoSchedule, PreferNoSchedule or NoExecute.',
  check: {
    site: siteNodeFields,
  },
});
