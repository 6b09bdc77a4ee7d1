/** Runs one bundle build in a Web Worker and resolves with its bytes, reporting progress. */
import type { Site } from '@rke2-edge/provider-core';

export interface BundleRequest {
  site: Site;
  iso: boolean;
  force: boolean;
}

export type BundleMessage =
  | { type: 'progress'; percent: number }
  | { type: 'done'; ok: true; bytes: Uint8Array; fileCount: number }
  | { type: 'done'; ok: false; reason: string };

export type BundleOutcome = Extract<BundleMessage, { type: 'done' }>;

export function buildBundleInWorker(request: BundleRequest, onProgress: (percent: number) => void): Promise<BundleOutcome> {
  const worker = new Worker(new URL('./bundle.worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve) => {
    worker.onmessage = (event: MessageEvent<BundleMessage>) => {
      if (event.data.type === 'progress') onProgress(event.data.percent);
      else {
        worker.terminate();
        resolve(event.data);
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      resolve({ type: 'done', ok: false, reason: `the bundle worker failed: ${event.message}` });
    };
    worker.postMessage(request);
  });
}
