/** `proxy-invalid`: not a proxy URL. */
import { cloudConfigProxy } from '../cloudConfigChecks.js';
import { siteProxy } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const proxyInvalid = defineRule({
  code: 'proxy-invalid',
  severity: { site: 'error', cloudConfig: 'error' },
  title: 'not a proxy URL',
  docs: 'A proxy that is not an `http://`, `https://` or `socks5://` URL with a host, which RKE2 and containerd cannot use.',
  check: {
    site: siteProxy,
    cloudConfig: cloudConfigProxy,
  },
});
