/**
 * Asks for the analysis of the latest site only: while one runs, newer requests replace each
 * other, and an answer for an outdated site is dropped. The transport is a Web Worker in the
 * browser and a plain function in tests.
 */
import type { Site, SiteAnalysis } from '@rke2-edge/provider-core';
import { Observable } from '../state/observable.js';

export interface AnalysisRequest {
  id: number;
  site: Site;
}
export type AnalysisResponse = { id: number; ok: true; analysis: SiteAnalysis } | { id: number; ok: false; error: string };

export interface AnalysisTransport {
  post(request: AnalysisRequest): void;
  onResponse(handler: (response: AnalysisResponse) => void): void;
  close(): void;
}

export type AnalysisState =
  | { status: 'idle' }
  | { status: 'pending'; previous: SiteAnalysis | null; forSite: Site }
  | { status: 'done'; analysis: SiteAnalysis; forSite: Site }
  | { status: 'failed'; error: string; previous: SiteAnalysis | null };

export class AnalysisClient extends Observable<AnalysisState> {
  private nextId = 1;
  private running: AnalysisRequest | null = null;
  private queued: Site | null = null;
  private last: SiteAnalysis | null = null;

  constructor(private readonly transport: AnalysisTransport) {
    super({ status: 'idle' });
    transport.onResponse((response) => this.receive(response));
  }

  request(site: Site): void {
    const state = this.getState();
    if (state.status === 'done' && state.forSite === site) return;
    this.set({ status: 'pending', previous: this.last, forSite: site });
    if (this.running) {
      this.queued = site;
      return;
    }
    this.send(site);
  }

  private send(site: Site) {
    this.running = { id: this.nextId++, site };
    this.transport.post(this.running);
  }

  private receive(response: AnalysisResponse) {
    if (!this.running || response.id !== this.running.id) return;
    const site = this.running.site;
    this.running = null;
    if (this.queued) {
      const queued = this.queued;
      this.queued = null;
      if (response.ok) this.last = response.analysis;
      this.set({ status: 'pending', previous: this.last, forSite: queued });
      this.send(queued);
      return;
    }
    if (response.ok) {
      this.last = response.analysis;
      this.set({ status: 'done', analysis: response.analysis, forSite: site });
    } else {
      this.set({ status: 'failed', error: response.error, previous: this.last });
    }
  }

  close(): void {
    this.transport.close();
  }
}

/** The analysis to show now: the latest finished one, even while a newer one runs. */
export function currentAnalysis(state: AnalysisState): SiteAnalysis | null {
  switch (state.status) {
    case 'done':
      return state.analysis;
    case 'idle':
      return null;
    default:
      return state.previous;
  }
}

export function workerTransport(): AnalysisTransport {
  const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
  let lastId = 0;
  return {
    post: (request) => {
      lastId = request.id;
      // As JSON text: serialising a site of megabytes that way is much quicker on the main thread
      // than a structured clone of all its objects (pnpm bench, "open largest").
      worker.postMessage(JSON.stringify(request));
    },
    onResponse: (handler) => {
      worker.addEventListener('message', (e: MessageEvent<AnalysisResponse>) => handler(e.data));
      // A worker that cannot load or crashes answers nothing: turn that into a failed answer.
      worker.addEventListener('error', (e) => handler({ id: lastId, ok: false, error: e.message || 'the analysis worker stopped' }));
    },
    close: () => worker.terminate(),
  };
}
