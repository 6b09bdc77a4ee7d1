/**
 * The analysis of the current site, as a query keyed by the site value's identity: each edit is a
 * new query, the previous answer stays on screen while it runs, and an answer for a replaced site
 * lands in that site's query, never over a newer one. Small sites are analysed at once; large ones
 * after a short pause in typing, so a burst of keystrokes costs one run.
 */
import { analysisFollowingNodes, type Site, type SiteAnalysis } from '@rke2-edge/provider-core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { messagesByField } from '../findings/fieldPaths.js';
import type { AnalysisView } from '../state/siteContext.js';
import type { AnalyseSite } from './analysisRunner.js';
import { siteIdentity } from './siteIdentity.js';

export const LARGE_SITE_NODES = 100;
export const LARGE_SITE_PAUSE_MS = 150;

/** True once the site has not changed for the pause (at once for a small site). */
function useSettled(site: Site | null): boolean {
  const large = site !== null && site.nodes.length > LARGE_SITE_NODES;
  const [settled, setSettled] = useState<Site | null>(null);
  useEffect(() => {
    if (!large) return;
    const timer = setTimeout(() => setSettled(site), LARGE_SITE_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [site, large]);
  return !large || settled === site;
}

export function useSiteAnalysis(site: Site | null, analyse: AnalyseSite): AnalysisView {
  const settled = useSettled(site);
  const query = useQuery({
    queryKey: ['analysis', site ? siteIdentity(site) : 0],
    // The answer keeps the site it is about, so an earlier answer shown meanwhile can follow the nodes.
    queryFn: async ({ signal }): Promise<{ site: Site; analysis: SiteAnalysis }> => ({
      site: site!,
      analysis: await analyse(site!, signal),
    }),
    enabled: site !== null && settled,
    placeholderData: keepPreviousData,
    // The answer for one site value never changes; only the current one is worth keeping.
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
  const data = query.data;
  // An earlier site's answer, shown while this one's runs: its per-node results follow their node
  // (removing a node above must not move its neighbour's error onto it).
  const analysis = useMemo(() => (data && site ? analysisFollowingNodes(data.analysis, data.site, site) : null), [data, site]);
  const byField = useMemo(() => messagesByField(analysis?.findings ?? []), [analysis]);
  return {
    analysis,
    pending: !query.isError && (query.isPending || query.isPlaceholderData || query.isFetching),
    error: query.error?.message ?? null,
    messagesByField: byField,
  };
}
