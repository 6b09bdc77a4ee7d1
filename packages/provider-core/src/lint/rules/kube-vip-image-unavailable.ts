/** `kube-vip-image-unavailable`: no source for the kube-vip image. */
import { siteEndpoint } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const kubeVipImageUnavailable = defineRule({
  code: 'kube-vip-image-unavailable',
  severity: { site: 'error' },
  title: 'no source for the kube-vip image',
  docs: "On an archives or mirror site, the kube-vip image is not covered by a mirror, the site's registry or an archive named for it: no server holds the VIP and no node joins.",
  check: {
    site: siteEndpoint,
  },
});
