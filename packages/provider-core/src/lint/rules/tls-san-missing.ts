/** `tls-san-missing`: a bracketed IPv6 control-plane host whose address is not a SAN. */
import { cloudConfigPitfalls } from '../cloudConfigChecks.js';
import { defineRule } from './defineRule.js';

export const tlsSanMissing = defineRule({
  code: 'tls-san-missing',
  severity: { cloudConfig: 'warning' },
  title: 'the control-plane address missing from the certificate',
  docs: 'The provider adds `control_plane_host` to `tls-san` on every server, so a DNS name or a load balancer address is covered; `[fd00::1]` is added with its brackets, which is not an IP address (k3s reads a SAN that parses as an IP as an IP SAN), so the bare address must be listed in `tls-san`, as the designer does for its sites.',
  check: { cloudConfig: cloudConfigPitfalls },
});
