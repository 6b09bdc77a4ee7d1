/**
 * The analysis of an earlier site value, shown for the current one while the current one's own
 * analysis runs. Per-node results follow their node rather than their position: a node that is
 * the very same object in both sites (edits replace only what they change) keeps its status, its
 * findings, its NO_PROXY and its check; a node that is new or was edited has no result yet (a hole
 * in the arrays, which the designer shows as "being checked"). Findings about the site as a whole
 * are kept as they are.
 */
import type { SiteCheck } from '../check/checkResult.js';
import type { Finding } from '../lint/finding.js';
import type { Site } from '../site/siteSchema.js';
import { countFindings } from './findingCounts.js';
import type { SiteAnalysis } from './siteAnalysis.js';

/** For each node of `to`, its index in `from`, or undefined when it is not there unchanged. */
function previousIndexes(from: Site, to: Site): (number | undefined)[] {
  const at = new Map(from.nodes.map((node, i) => [node, i]));
  return to.nodes.map((node) => at.get(node));
}

/** `values` re-ordered for `to`'s nodes; a node with no previous index is a hole. */
function follow<T>(values: readonly T[], indexes: readonly (number | undefined)[]): T[] {
  const out: T[] = [];
  out.length = indexes.length;
  indexes.forEach((j, i) => {
    if (j !== undefined && j < values.length) out[i] = values[j]!;
  });
  return out;
}

export function analysisFollowingNodes(analysis: SiteAnalysis, from: Site, to: Site): SiteAnalysis {
  if (from === to || from.nodes === to.nodes) return analysis;
  const indexes = previousIndexes(from, to);
  const now = new Map<number, number>();
  indexes.forEach((j, i) => j !== undefined && now.set(j, i));
  const findings: Finding[] = [];
  for (const finding of analysis.findings) {
    const [section, index, ...rest] = finding.path;
    if (section !== 'nodes' || typeof index !== 'number') findings.push(finding);
    else if (now.has(index)) findings.push({ ...finding, path: ['nodes', now.get(index)!, ...rest] });
  }
  const check: SiteCheck = { ...analysis.check, nodes: follow(analysis.check.nodes, indexes) };
  return {
    ...analysis,
    findings,
    counts: countFindings(findings),
    nodeStatus: follow(analysis.nodeStatus, indexes),
    noProxy: follow(analysis.noProxy, indexes),
    check,
  };
}
