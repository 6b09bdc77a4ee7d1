/** `ipv6-server-url`: a bare IPv6 control-plane host. */
import { cloudConfigCluster } from '../cloudConfigChecks.js';
import { siteSettings } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const ipv6ServerUrl = defineRule({
  code: 'ipv6-server-url',
  severity: { site: 'info', cloudConfig: 'error' },
  title: 'a bare IPv6 control-plane host',
  docs: 'The provider writes `server: https://fd00::1:9345` without brackets, which RKE2 cannot parse; a designed site passes the host in brackets and adds it to `tls-san`, a cloud-config must be fixed.',
  check: {
    site: siteSettings,
    cloudConfig: cloudConfigCluster,
  },
});
