/**
 * Everything the designer shows about the whole site at once: the findings, each node's status
 * and the NO_PROXY each node computes. One expansion serves all three; the designer runs this in
 * a Web Worker so a 1,000-node site never stalls typing.
 */
import { lintSite } from '../lint/lintSite.js';
import { isSecurityFinding, sortFindings, type Finding } from '../lint/finding.js';
import { expandSite } from '../site/expandSite.js';
import type { Site } from '../site/siteSchema.js';
import { noProxyOf } from './noProxyOf.js';
import { checkSite, publicSiteCheck } from '../check/checkSite.js';
import type { SiteCheck } from '../check/checkResult.js';
import { countFindings, type FindingCounts } from './findingCounts.js';

export type NodeStatus = 'ok' | 'warnings' | 'errors';

export interface SiteAnalysis {
  findings: Finding[];
  /** How many findings of each severity, for tab titles, badges and the export dialog. */
  counts: FindingCounts;
  nodeStatus: NodeStatus[];
  /** Per node, NO_PROXY as the provider writes it ('' for none, null when it writes nothing). */
  noProxy: (string | null)[];
  /** The boot check: per node, whether it comes up and joins, RKE2's message if not, and what the device needs. */
  check: SiteCheck;
}

export function analyseSite(site: Site): SiteAnalysis {
  const expanded = expandSite(site);
  const findings = sortFindings(lintSite(site, expanded));
  const nodeStatus: NodeStatus[] = site.nodes.map(() => 'ok');
  const raise = (index: number, severity: Finding['severity']) => {
    if (severity === 'error') nodeStatus[index] = 'errors';
    else if (severity === 'warning' && nodeStatus[index] === 'ok') nodeStatus[index] = 'warnings';
  };
  for (const finding of findings) {
    const [section, index] = finding.path;
    if (section === 'nodes' && typeof index === 'number' && nodeStatus[index] !== undefined) raise(index, finding.severity);
    // The boot check's findings name a site field as their cause but are about the nodes it failed:
    // those are marked from the check below, not all of them.
    else if (finding.code === 'rke2-refuses-start') continue;
    // Every node's files are made from the site's settings, so an error in them (the missing token of a
    // share link, the control-plane host) is every node's, and an unsafe value anywhere stops them all.
    // A site-wide warning (no login) stays in the header's count: on every badge it would hide the nodes'
    // own warnings.
    else if (finding.severity === 'error' || isSecurityFinding(finding)) nodeStatus.fill('errors');
  }
  // lintSite already ran the check on this expansion (its failures are findings); checkSite returns that run.
  const check = publicSiteCheck(checkSite(site, expanded));
  // A node RKE2 would not start is in error even when the cause is a site field (cluster DNS, the endpoint).
  check.nodes.forEach((n, i) => {
    if (!n.ok) nodeStatus[i] = 'errors';
  });
  return {
    findings,
    counts: countFindings(findings),
    nodeStatus,
    noProxy: site.nodes.map((_, i) => (expanded.nodes[i] ? noProxyOf(expanded.nodes[i].plan) : null)),
    check,
  };
}
