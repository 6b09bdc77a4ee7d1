/** `image-source-incomplete`: the image source is not set up. */
import { siteAirGap } from '../siteChecks.js';
import { defineRule } from './defineRule.js';

export const imageSourceIncomplete = defineRule({
  code: 'image-source-incomplete',
  severity: { site: 'error' },
  title: 'the image source is not set up',
  docs: 'Images through the proxy without a proxy, or from a mirror without a system default registry or a mirror: nodes would pull from the internet.',
  check: {
    site: siteAirGap,
  },
});
