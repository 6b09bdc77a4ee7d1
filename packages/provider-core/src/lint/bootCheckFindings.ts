/**
 * The boot check's verdicts as findings (code rke2-refuses-start), so that "lints clean" means
 * "every node comes up": one error per failure RKE2 would stop on, with RKE2's own message and the
 * site field that causes it. Failures where the provider writes nothing are already reported by
 * lintSite's own provider-panic / jq-merge-failed findings and are not repeated.
 */
import { checkSite } from '../check/checkSite.js';
import type { ExpandedSite } from '../site/expandSite.js';
import type { Site } from '../site/siteSchema.js';
import type { Finding } from './finding.js';

export function bootCheckFindings(site: Site, expanded: ExpandedSite): Finding[] {
  return checkSite(site, expanded).nodes.flatMap((node) =>
    node.failures
      .filter((failure) => failure.rule !== 'provider')
      .map((failure): Finding => ({
        severity: 'error',
        code: 'rke2-refuses-start',
        message: `${node.node} (${node.service}) would not come up: ${failure.message} [${failure.source}]`,
        path: failure.path,
      })),
  );
}
