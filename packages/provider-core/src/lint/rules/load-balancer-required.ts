/** `load-balancer-required`: what the load balancer must do. */
import { cloudConfigSetAgreement } from '../clusterAgreementRules.js';
import { siteEndpoint } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const loadBalancerRequired = defineRule({
  code: 'load-balancer-required',
  severity: { site: 'info', cloudConfigs: 'info' },
  title: 'what the load balancer must do',
  docs: 'The load balancer must forward TCP 9345 (registration) and 6443 (API) to every server (docs.rke2.io/install/ha, "Configure the Fixed Registration Address"); the designer cannot check it. In a set of cloud-configs where every server gives its address (`node-ip`, `advertise-address`), an IP `control_plane_host` that is none of them needs one (or a VIP); `rke2-edge check --load-balancer` checks the set that way.',
  check: {
    site: siteEndpoint,
    cloudConfigs: cloudConfigSetAgreement,
  },
});
