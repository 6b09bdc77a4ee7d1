/** `ambiguous-key`: two YAML keys that become one JSON key, so the device picks either value. */
import { cloudConfigConfig } from '../cloudConfigChecks.js';
import { siteConfigKeys } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const ambiguousKey = defineRule({
  code: 'ambiguous-key',
  severity: { site: 'error', cloudConfig: 'error' },
  title: 'two keys that become the same setting',
  docs: '`1: a` and `"1": b` (or `true:` and `"true":`) are different YAML keys that sigs.k8s.io/yaml turns into the same JSON key; it walks a Go map in random order, so the real provider writes either value from one boot to the next. The preview cannot say which.',
  check: {
    site: siteConfigKeys,
    cloudConfig: cloudConfigConfig,
  },
});
