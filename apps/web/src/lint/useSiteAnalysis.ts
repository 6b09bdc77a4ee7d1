/**
 * The analysis of the current site, computed in a Web Worker. Small sites are analysed at once;
 * large ones after a short pause in typing, so a burst of keystrokes costs one run.
 */
import type { Site } from '@rke2-edge/provider-core';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { messagesByField } from '../findings/fieldPaths.js';
import type { AnalysisView } from '../state/siteContext.js';
import { AnalysisClient, currentAnalysis, workerTransport, type AnalysisState, type AnalysisTransport } from './analysisClient.js';

export const LARGE_SITE_NODES = 100;
export const LARGE_SITE_PAUSE_MS = 150;

const IDLE: AnalysisState = { status: 'idle' };
const noSubscription = () => () => undefined;

export function useSiteAnalysis(site: Site | null, transport: () => AnalysisTransport = workerTransport): AnalysisView {
  const [client, setClient] = useState<AnalysisClient | null>(null);
  useEffect(() => {
    const created = new AnalysisClient(transport());
    setClient(created);
    return () => created.close();
  }, [transport]);
  useEffect(() => {
    if (!site || !client) return;
    if (site.nodes.length <= LARGE_SITE_NODES) {
      client.request(site);
      return;
    }
    const timer = setTimeout(() => client.request(site), LARGE_SITE_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [client, site]);
  const state = useSyncExternalStore(client?.subscribe ?? noSubscription, client?.getState ?? (() => IDLE));
  const analysis = currentAnalysis(state);
  const byField = useMemo(() => messagesByField(analysis?.findings ?? []), [analysis]);
  const pending = state.status !== 'failed' && (state.status !== 'done' || state.forSite !== site);
  return { analysis, pending, error: state.status === 'failed' ? state.error : null, messagesByField: byField };
}
