/** `label-invalid`: not a Kubernetes label. */
import { siteNodeFields } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const labelInvalid = defineRule({
  code: 'label-invalid',
  severity: { site: 'error' },
  title: 'not a Kubernetes label',
  docs: "A label is `key=value` with an optional DNS prefix on the key and at most 63 letters, digits, `-`, `_` or `.` in each name (Kubernetes' qualified-name rule).",
  check: {
    site: siteNodeFields,
  },
});
