/** `node-name-invalid`: not a Kubernetes node name. */
import { siteNodeFields } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const nodeNameInvalid = defineRule({
  code: 'node-name-invalid',
  severity: { site: 'error' },
  title: 'not a Kubernetes node name',
  docs: 'A node name must be a DNS-1123 subdomain: lower-case letters, digits, `-` and `.`, at most 253 characters; `fix.value` suggests one.',
  check: {
    site: siteNodeFields,
  },
});
