/**
 * Runs site analyses in a Web Worker, one at a time. A request whose caller gave up (react-query
 * aborts the query of a site that was replaced) is never sent if it has not started; one already
 * running finishes in the worker and its answer goes to its own, abandoned query.
 */
import type { Site, SiteAnalysis } from '@rke2-edge/provider-core';

export interface AnalysisRequest {
  id: number;
  site: Site;
}
export type AnalysisResponse = { id: number; ok: true; analysis: SiteAnalysis } | { id: number; ok: false; error: string };

/** The worker as the runner sees it: in the browser a Web Worker, in tests a fake. */
export interface AnalysisTransport {
  post(request: AnalysisRequest): void;
  onResponse(handler: (response: AnalysisResponse) => void): void;
}

/** Analyses one site; rejects with the worker's error, or with the signal's reason once aborted. */
export type AnalyseSite = (site: Site, signal?: AbortSignal) => Promise<SiteAnalysis>;

interface Job {
  request: AnalysisRequest;
  signal: AbortSignal | undefined;
  resolve: (analysis: SiteAnalysis) => void;
  reject: (error: Error) => void;
}

export function serialAnalysis(transport: AnalysisTransport): AnalyseSite {
  const waiting: Job[] = [];
  let running: Job | null = null;
  let nextId = 1;

  const startNext = () => {
    while (!running && waiting.length > 0) {
      const job = waiting.shift()!;
      if (job.signal?.aborted) continue;
      running = job;
      transport.post(job.request);
    }
  };
  transport.onResponse((response) => {
    const job = running;
    if (!job || response.id !== job.request.id) return;
    running = null;
    if (response.ok) job.resolve(response.analysis);
    else job.reject(new Error(response.error));
    startNext();
  });

  return (site, signal) =>
    new Promise<SiteAnalysis>((resolve, reject) => {
      const job: Job = { request: { id: nextId++, site }, signal, resolve, reject };
      signal?.addEventListener('abort', () => {
        const at = waiting.indexOf(job);
        if (at >= 0) waiting.splice(at, 1);
        reject(signal.reason instanceof Error ? signal.reason : new Error('the analysis was cancelled'));
      });
      waiting.push(job);
      startNext();
    });
}

/** The analysis Web Worker, started on the first request (never for a page that stays on the start screen). */
export function workerTransport(): AnalysisTransport {
  let worker: Worker | null = null;
  let handler: (response: AnalysisResponse) => void = () => undefined;
  let lastId = 0;
  const start = () => {
    const created = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
    created.addEventListener('message', (e: MessageEvent<AnalysisResponse>) => handler(e.data));
    // A worker that cannot load or crashes answers nothing: turn that into a failed answer.
    // A worker that failed is dropped: the next request starts a new one instead of waiting forever on it.
    created.addEventListener('error', (e) => {
      created.terminate();
      if (worker === created) worker = null;
      handler({ id: lastId, ok: false, error: e.message || 'the analysis worker stopped' });
    });
    return created;
  };
  return {
    post: (request) => {
      worker ??= start();
      lastId = request.id;
      // As JSON text: serialising a site of megabytes that way is much quicker on the main thread
      // than a structured clone of all its objects (pnpm bench, "open largest").
      worker.postMessage(JSON.stringify(request));
    },
    onResponse: (h) => void (handler = h),
  };
}
