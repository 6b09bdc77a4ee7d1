/** `control-character`: a control character. */
import { cloudConfigSecurity } from '../cloudConfigChecks.js';
import { siteSecurity } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const controlCharacter = defineRule({
  code: 'control-character',
  severity: { site: 'error', cloudConfig: 'error' },
  security: true,
  title: 'a control character',
  docs: 'A control character, DEL, U+FFFE/U+FFFF, a lone surrogate or (in one-line fields) a bidirectional control in any text field or extra-config value; raw in a cloud-config, where yaml.v3 refuses the file (with line and column).',
  check: {
    site: siteSecurity,
    cloudConfig: cloudConfigSecurity,
  },
});
