/** `noproxy-missing-host`: NO_PROXY misses the control plane or a node network. */
import { cloudConfigProxy } from '../cloudConfigChecks.js';
import { siteProxy } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const noproxyMissingHost = defineRule({
  code: 'noproxy-missing-host',
  severity: { site: 'warning', cloudConfig: 'warning' },
  severityNote:
    "a cloud-config linted without --node-cidr whose control_plane_host is an IP address gets a note: the provider adds the node's own subnet to NO_PROXY, and the host may be in it",
  title: 'NO_PROXY misses the control plane or a node network',
  docs: "With a proxy, NO_PROXY must cover the control-plane host (on joining nodes; the init node joins nothing) and every node network, matched as Go's golang.org/x/net/http/httpproxy does (what RKE2 and containerd use); otherwise nodes reach each other through the proxy. The provider adds cluster-cidr, service-cidr and the node's own subnet itself (provider-rke2 pkg/provider/provider.go getDefaultNoProxy, getNodeCIDR), so an IP host in that subnet needs no entry.",
  check: {
    site: siteProxy,
    cloudConfig: cloudConfigProxy,
  },
});
