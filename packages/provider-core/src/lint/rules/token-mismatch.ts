/** `token-mismatch`: cloud-configs of one cluster with different cluster_tokens. */
import { cloudConfigSetAgreement } from '../clusterAgreementRules.js';
import { defineRule } from './defineRule.js';

export const tokenMismatch = defineRule({
  code: 'token-mismatch',
  severity: { cloudConfigs: 'error' },
  title: 'the files do not share one cluster_token',
  docs: 'A node joins only with the token the init node created the cluster with: RKE2 refuses the others, which never become Ready. The finding names both files and lines, not the tokens.',
  check: { cloudConfigs: cloudConfigSetAgreement },
});
