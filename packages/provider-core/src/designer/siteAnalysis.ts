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

export type NodeStatus = 'ok' | 'warnings' | 'errors';

export interface SiteAnalysis {
  findings: Finding[];
  nodeStatus: NodeStatus[];
  /** Per node, NO_PROXY as the provider writes it ('' for none, null when it writes nothing). */
  noProxy: (string | null)[];
}

export function analyseSite(site: Site): SiteAnalysis {
  const expanded = expandSite(site);
  const findings = sortFindings(lintSite(site, expanded));
  const nodeStatus: NodeStatus[] = site.nodes.map(() => 'ok');
  for (const finding of findings) {
    const [section, index] = finding.path;
    // An unsafe value anywhere in the site stops every node's files from being made.
    if (isSecurityFinding(finding) && (section !== 'nodes' || typeof index !== 'number')) nodeStatus.fill('errors');
    if (section !== 'nodes' || typeof index !== 'number' || nodeStatus[index] === undefined) continue;
    if (finding.severity === 'error') nodeStatus[index] = 'errors';
    else if (finding.severity === 'warning' && nodeStatus[index] === 'ok') nodeStatus[index] = 'warnings';
  }
  return { findings, nodeStatus, noProxy: expanded.nodes.map((n) => noProxyOf(n.plan)) };
}
