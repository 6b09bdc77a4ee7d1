/** `proxy-lowercase-ignored`: a lower-case proxy variable. */
import { defineRule } from './defineRule.js';

const LOWER_CASE_PROXY = ['http_proxy', 'https_proxy', 'no_proxy'];

export const proxyLowercaseIgnored = defineRule({
  code: 'proxy-lowercase-ignored',
  severity: { cloudConfig: 'warning' },
  title: 'a lower-case proxy variable',
  docs: 'The provider copies only `HTTP_PROXY`, `HTTPS_PROXY` and `NO_PROXY` from `env`; `http_proxy` and the like are ignored.',
  check: {
    cloudConfig: ({ decoded }) =>
      Object.keys(decoded?.cluster.env ?? {})
        .filter((key) => LOWER_CASE_PROXY.includes(key))
        .map((key) => ({
          severity: 'warning',
          code: 'proxy-lowercase-ignored',
          message: `env ${key} is ignored: the provider only reads ${key.toUpperCase()}`,
          path: ['cluster', 'env', key],
          fix: { description: `rename to ${key.toUpperCase()}`, value: key.toUpperCase() },
        })),
  },
});
