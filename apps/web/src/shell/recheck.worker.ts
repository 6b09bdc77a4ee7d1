/// <reference lib="webworker" />
/**
 * Runs the Device check of opened cloud-configs again off the main thread (recheckClient.ts): with
 * 2,000 files open, one run takes seconds, and the address fields must not freeze while it runs.
 */
import { recheckCloudConfigs } from '@rke2-edge/provider-core';
import type { RecheckRequest } from './recheckClient.js';

self.onmessage = (event: MessageEvent<RecheckRequest>) => {
  const { id, files, input } = event.data;
  self.postMessage({ id, checks: recheckCloudConfigs(files, input) });
};
