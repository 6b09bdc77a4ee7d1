/** `multiple-init`: a second init node. */
import { cloudConfigSetTopology } from '../cloudConfigChecks.js';
import { siteTopology } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const multipleInit = defineRule({
  code: 'multiple-init',
  severity: { site: 'error', cloudConfigs: 'error' },
  title: 'a second init node',
  docs: 'A second `init` node starts a separate cluster instead of joining the first.',
  check: {
    site: siteTopology,
    cloudConfigs: cloudConfigSetTopology,
  },
});
