/** React access to the site store and the whole-site analysis. */
import type { SiteAnalysis } from '@rke2-edge/provider-core';
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { FieldMessage } from '@rke2-edge/ui';
import type { SiteState, SiteStore } from './siteStore.js';

export const SiteStoreContext = createContext<SiteStore | null>(null);

export function useSiteStore(): SiteStore {
  const store = useContext(SiteStoreContext);
  if (!store) throw new Error('useSiteStore outside SiteStoreContext');
  return store;
}

export function useSiteState(): SiteState {
  const store = useSiteStore();
  return useSyncExternalStore(store.subscribe, store.getState);
}

export interface AnalysisView {
  analysis: SiteAnalysis | null;
  pending: boolean;
  /** Why the last analysis failed, if it did. */
  error: string | null;
  messagesByField: Map<string, FieldMessage[]>;
}

export const AnalysisContext = createContext<AnalysisView>({ analysis: null, pending: true, error: null, messagesByField: new Map() });
export const useAnalysis = () => useContext(AnalysisContext);
