/** `proxy-lowercase-ignored`: a lower-case proxy variable. */
import { cloudConfigProxy } from '../cloudConfigChecks.js';
import { defineRule } from './defineRule.js';

export const proxyLowercaseIgnored = defineRule({
  code: 'proxy-lowercase-ignored',
  severity: { cloudConfig: 'warning' },
  title: 'a lower-case proxy variable',
  docs: 'The provider copies only `HTTP_PROXY`, `HTTPS_PROXY` and `NO_PROXY` from `env`; `http_proxy` and the like are ignored.',
  check: {
    cloudConfig: cloudConfigProxy,
  },
});
