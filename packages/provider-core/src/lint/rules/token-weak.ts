/** `token-weak`: a guessable cluster token. */
import { cloudConfigCluster } from '../cloudConfigChecks.js';
import { siteSettings } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const tokenWeak = defineRule({
  code: 'token-weak',
  severity: { site: 'error', cloudConfig: 'error' },
  title: 'a guessable cluster token',
  docs: 'An empty token, fewer than 16 characters, repetitive, sequential or built on a guessable word: anyone who guesses it can join a node to the cluster.',
  check: {
    site: siteSettings,
    cloudConfig: cloudConfigCluster,
  },
});
