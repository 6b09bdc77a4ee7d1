/** `load-balancer-required`: what the load balancer must do. */
import { siteEndpoint } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const loadBalancerRequired = defineRule({
  code: 'load-balancer-required',
  severity: { site: 'info' },
  title: 'what the load balancer must do',
  docs: 'The load balancer must forward TCP 9345 (registration) and 6443 (API) to every server (docs.rke2.io/install/ha, "Configure the Fixed Registration Address"); the designer cannot check it.',
  check: {
    site: siteEndpoint,
  },
});
