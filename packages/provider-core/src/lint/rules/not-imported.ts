/** `not-imported`: something the import cannot carry into the site. */
import { defineRule } from './defineRule.js';

export const notImported = defineRule({
  code: 'not-imported',
  severity: { import: 'warning' },
  severityNote:
    'error when a file is not read at all or its config is unusable; info for what the site writes differently (a quoted octal, a bracketed IPv6 host)',
  title: 'something the import cannot carry into the site',
  docs: 'Reported by `importCloudConfigs` (see Import) for what a site cannot represent or must change: different tokens, lower-case or other `env` keys, `providerConfig`, `ca_certs`, other top-level keys or stages, config that is not valid YAML.',
  // importCloudConfigs reports it while it builds a site; no linter looks for it.
  check: {},
});
