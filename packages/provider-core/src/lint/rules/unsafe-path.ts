/** `unsafe-path`: a path that is not safe on the device. */
import { cloudConfigSecurity } from '../cloudConfigChecks.js';
import { siteSecurity } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const unsafePath = defineRule({
  code: 'unsafe-path',
  severity: { site: 'error', cloudConfig: 'error' },
  security: true,
  title: 'a path that is not safe on the device',
  docs: 'Images folder, `local_images_path`, `cluster_root_path`, `cluster_config_path`, install device, registry CA/cert/key files: a `.` or `..` folder, certificate content written outside `/etc/rancher/rke2/tls/`, not absolute, or a character other than letters, digits and `. _ - / : + @ , =`; the provider pastes some of them unquoted into a shell line run as root.',
  check: {
    site: siteSecurity,
    cloudConfig: cloudConfigSecurity,
  },
});
