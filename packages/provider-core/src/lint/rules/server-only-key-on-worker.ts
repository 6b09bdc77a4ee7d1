/** `server-only-key-on-worker`: a server-only setting on a worker. */
import { cloudConfigConfig } from '../cloudConfigChecks.js';
import { siteConfigKeys } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const serverOnlyKeyOnWorker = defineRule({
  code: 'server-only-key-on-worker',
  severity: { site: 'warning', cloudConfig: 'warning' },
  title: 'a server-only setting on a worker',
  docs: "A setting that only servers read, in a worker's own config: the worker ignores it.",
  check: {
    site: siteConfigKeys,
    cloudConfig: cloudConfigConfig,
  },
});
