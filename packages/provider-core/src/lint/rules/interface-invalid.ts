/** `interface-invalid`: not a Linux interface name. */
import { siteEndpoint, siteSecurity } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const interfaceInvalid = defineRule({
  code: 'interface-invalid',
  severity: { site: 'error' },
  security: true,
  title: 'not a Linux interface name',
  docs: "kube-vip's or a node's interface is not a Linux interface name; it is written into the node's network configuration.",
  check: {
    site: (ctx) => [...siteSecurity(ctx), ...siteEndpoint(ctx)],
  },
});
