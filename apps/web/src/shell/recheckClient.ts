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

/** One worker for a set of opened files; each run answers its own request (runs are ordered, the caller keeps the latest). */
export function recheckRunner(): Recheck {
  if (typeof Worker === 'undefined') return (files, input) => Promise.resolve(recheckCloudConfigs(files, input));
  let worker: Worker | null = null;
  let next = 0;
  const waiting = new Map<number, { resolve: (checks: CloudConfigFileCheck[]) => void; reject: (e: Error) => void }>();
  return (files, input) => {
    if (!worker) {
      worker = new Worker(new URL('./recheck.worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (event: MessageEvent<{ id: number; checks: CloudConfigFileCheck[] }>) => {
        waiting.get(event.data.id)?.resolve(event.data.checks);
        waiting.delete(event.data.id);
      };
      worker.onerror = (event) => {
        for (const { reject } of waiting.values()) reject(new Error(event.message || 'the check stopped'));
        waiting.clear();
        worker?.terminate();
        worker = null;
      };
    }
    const id = next++;
    const request: RecheckRequest = { id, files, input };
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker!.postMessage(request);
    });
  };
}
