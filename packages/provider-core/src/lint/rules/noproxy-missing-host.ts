/** `noproxy-missing-host`: NO_PROXY misses the control plane or a node network. */
import { cloudConfigProxy } from '../cloudConfigChecks.js';
import { siteProxy } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const noproxyMissingHost = defineRule({
  code: 'noproxy-missing-host',
  severity: { site: 'warning', cloudConfig: 'warning' },
  title: 'NO_PROXY misses the control plane or a node network',
  docs: "With a proxy, NO_PROXY must cover the control-plane host and every node network, matched as Go's golang.org/x/net/http/httpproxy does (what RKE2 and containerd use); otherwise nodes reach each other through the proxy.",
  check: {
    site: siteProxy,
    cloudConfig: cloudConfigProxy,
  },
});
