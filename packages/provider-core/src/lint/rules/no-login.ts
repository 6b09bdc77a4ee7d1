/** `no-login`: *no login* is chosen. */
import { siteLogin } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const noLogin = defineRule({
  code: 'no-login',
  severity: { site: 'warning' },
  title: '*no login* is chosen',
  docs: 'Nobody can log in to check or repair a node.',
  check: {
    site: siteLogin,
  },
});
