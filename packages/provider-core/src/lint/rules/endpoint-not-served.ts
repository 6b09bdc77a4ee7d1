/** `endpoint-not-served`: nothing serves the control-plane host. */
import { siteEndpoint } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const endpointNotServed = defineRule({
  code: 'endpoint-not-served',
  severity: { site: 'error' },
  title: 'nothing serves the control-plane host',
  docs: "With the `init-node` endpoint, an IP host that is not the init node's address (both named): every joining node would wait for it forever.",
  check: {
    site: siteEndpoint,
  },
});
