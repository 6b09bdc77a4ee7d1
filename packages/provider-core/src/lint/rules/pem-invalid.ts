/** `pem-invalid`: registry TLS content that is not the right PEM. */
import { siteRegistryTls } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const pemInvalid = defineRule({
  code: 'pem-invalid',
  severity: { site: 'error' },
  security: true,
  title: 'registry TLS content that is not the right PEM',
  docs: "A registry CA, certificate or key that is not the right PEM block, whose base64 does not decode to one DER structure, or an encrypted key (containerd reads them with Go's crypto/tls): nothing but a certificate or key is written to a device.",
  check: {
    site: siteRegistryTls,
  },
});
