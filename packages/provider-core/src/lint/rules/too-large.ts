/** `too-large`: more than the designer accepts. */
import { cloudConfigSecurity } from '../cloudConfigChecks.js';
import { siteSecurity } from '../siteChecks.js';
import { formatBytes, LIMITS } from '../../limits.js';
import { defineRule } from './defineRule.js';

export const tooLarge = defineRule({
  code: 'too-large',
  severity: { site: 'error', cloudConfig: 'error' },
  security: true,
  title: 'more than the designer accepts',
  docs:
    `More than ${LIMITS.nodes.toLocaleString('en-US')} nodes, an extra config over ${formatBytes(LIMITS.extraConfigBytes)}, ` +
    `a cloud-config over ${formatBytes(LIMITS.cloudConfigBytes)}, registry certificates over ${formatBytes(LIMITS.registryTlsBytes)} ` +
    `or more than ${LIMITS.registries} registries, shared settings × nodes over ${formatBytes(LIMITS.expandedSharedBytes)}, ` +
    `YAML nested more than ${LIMITS.yamlDepth.toLocaleString('en-US')} levels deep.`,
  check: {
    site: siteSecurity,
    cloudConfig: cloudConfigSecurity,
  },
});
