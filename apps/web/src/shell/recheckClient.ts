/**
 * The Device check of opened cloud-configs, run again with what the user typed: in a Web Worker
 * (recheck.worker.ts) that lives as long as the opened files' check, so typing never waits for it;
 * where there are no workers (tests, old browsers) on the main thread, after the same pause.
 */
import { recheckCloudConfigs, type CheckInput, type CloudConfigFileCheck, type OpenedCloudConfig } from '@rke2-edge/provider-core';

export interface RecheckRequest {
  id: number;
  files: readonly OpenedCloudConfig[];
  input: CheckInput;
}

export type Recheck = (files: readonly OpenedCloudConfig[], input: CheckInput) => Promise<CloudConfigFileCheck[]>;

/**
 * One worker for a set of opened files. One run at a time; a request made while one runs waits, and a
 * newer request replaces a waiting one (whose callers get the newer result), so typing never queues
 * out-of-date checks of every file.
 */
export function recheckRunner(): Recheck {
  if (typeof Worker === 'undefined') return (files, input) => Promise.resolve(recheckCloudConfigs(files, input));
  type Waiter = { resolve: (checks: CloudConfigFileCheck[]) => void; reject: (e: Error) => void };
  let worker: Worker | null = null;
  let next = 0;
  let running: Waiter[] | null = null;
  let queued: { files: readonly OpenedCloudConfig[]; input: CheckInput; waiters: Waiter[] } | null = null;
  const send = (files: readonly OpenedCloudConfig[], input: CheckInput, waiters: Waiter[]) => {
    running = waiters;
    const request: RecheckRequest = { id: next++, files, input };
    worker!.postMessage(request);
  };
  const settle = (outcome: (w: Waiter) => void) => {
    for (const w of running ?? []) outcome(w);
    running = null;
    if (queued) {
      const { files, input, waiters } = queued;
      queued = null;
      if (worker) send(files, input, waiters);
      else for (const w of waiters) w.reject(new Error('the check stopped'));
    }
  };
  return (files, input) => {
    if (!worker) {
      worker = new Worker(new URL('./recheck.worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (event: MessageEvent<{ id: number; checks: CloudConfigFileCheck[] }>) =>
        settle((w) => w.resolve(event.data.checks));
      worker.onerror = (event) => {
        worker?.terminate();
        worker = null;
        settle((w) => w.reject(new Error(event.message || 'the check stopped')));
      };
    }
    return new Promise<CloudConfigFileCheck[]>((resolve, reject) => {
      const waiter = { resolve, reject };
      if (running === null) send(files, input, [waiter]);
      else queued = { files, input, waiters: [...(queued?.waiters ?? []), waiter] };
    });
  };
}
