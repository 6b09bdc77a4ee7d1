/** `login-missing`: no way to log in. */
import { siteLogin } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const loginMissing = defineRule({
  code: 'login-missing',
  severity: { site: 'error' },
  title: 'no way to log in',
  docs: "No SSH key and no password hash, and no explicit *no login*: Kairos creates no user, so nobody can run the README's checks.",
  check: {
    site: siteLogin,
  },
});
