/** `image-archive-unknown`: an image archive RKE2 does not know. */
import { siteAirGap } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const imageArchiveUnknown = defineRule({
  code: 'image-archive-unknown',
  severity: { site: 'warning' },
  title: 'an image archive RKE2 does not know',
  docs: 'An `rke2-images*` name RKE2 does not publish for the version, or a file RKE2 does not load (k3s-io/k3s pkg/agent/containerd, preloadFile).',
  check: {
    site: siteAirGap,
  },
});
