/** `token-format`: a `K10…` cluster token RKE2 cannot read, or a full token on the init node. */
import { cloudConfigPitfalls } from '../cloudConfigChecks.js';
import { defineRule } from './defineRule.js';

export const tokenFormat = defineRule({
  code: 'token-format',
  severity: { cloudConfig: 'error' },
  severityNote: 'a full token on the init node is a warning (it works with custom CA certificates)',
  title: 'a cluster token RKE2 cannot read',
  docs: 'A token starting with `K10` is read as the full form `K10<ca-hash>::<user>:<password>` (k3s-io/k3s `pkg/clientaccess/token.go` `parseToken`): a CA hash that is not 64 lower-case hex characters, or credentials without `user:password`, stop RKE2; the init node takes only the plain secret unless custom CA certificates are installed. A plain secret may be any text (characters that break the YAML or a file line are `control-character` and `line-break`).',
  check: { cloudConfig: cloudConfigPitfalls },
});
