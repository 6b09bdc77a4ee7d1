/** `image-archive-missing`: a needed image archive is not listed. */
import { siteAirGap } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const imageArchiveMissing = defineRule({
  code: 'image-archive-missing',
  severity: { site: 'error' },
  title: 'a needed image archive is not listed',
  docs: "An archive the site's RKE2 version, CNI, ingress or Multus needs (rancher/rke2 scripts/build-images, scripts/package-images): an air-gapped node cannot pull its images.",
  check: {
    site: siteAirGap,
  },
});
