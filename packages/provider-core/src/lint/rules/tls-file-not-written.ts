/** `tls-file-not-written`: a registry TLS file named without content. */
import { siteRegistryTls } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const tlsFileNotWritten = defineRule({
  code: 'tls-file-not-written',
  severity: { site: 'warning' },
  title: 'a registry TLS file named without content',
  docs: 'A registry CA/cert/key path without content: the file must already be in the OS image, or containerd cannot connect to the registry.',
  check: {
    site: siteRegistryTls,
  },
});
