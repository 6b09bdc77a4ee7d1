/**
 * The boot check's verdict for one node, as provider-core's analysis computes it (`analysis.check`,
 * one entry per site node, in site order). The web app only shows it.
 */
import type { NodeCheck, SiteAnalysis } from '@rke2-edge/provider-core';

export type { NodeCheck };

export function nodeCheckOf(analysis: SiteAnalysis | null, index: number): NodeCheck | undefined {
  return analysis?.check.nodes[index];
}
