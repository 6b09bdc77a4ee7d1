/** Runs one open request (files or a share link) in its own Web Worker. */
import type { OpenResult } from '@rke2-edge/provider-core';
import type { OpenRequest } from './openRequest.js';

/** Runs one open request in its own worker, which is ended with the answer. */
export function openInWorker(request: OpenRequest): Promise<OpenResult> {
  const worker = new Worker(new URL('./open.worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve) => {
    const done = (result: OpenResult) => {
      worker.terminate();
      resolve(result);
    };
    worker.onmessage = (event: MessageEvent<string>) => done(JSON.parse(event.data) as OpenResult);
    worker.onerror = (event) =>
      done({ ok: false, message: `it could not be opened: the designer's reader stopped (${event.message || 'no reason given'})` });
    const transfer = request.kind === 'files' ? request.files.map((f) => f.bytes.buffer) : [];
    worker.postMessage(request, transfer);
  });
}
