/** `gateway-missing`: static addressing without a gateway. */
import { siteAddressing } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const gatewayMissing = defineRule({
  code: 'gateway-missing',
  severity: { site: 'warning' },
  title: 'static addressing without a gateway',
  docs: 'Nodes with static addressing get no default route: they reach only their own subnet.',
  check: {
    site: siteAddressing,
  },
});
