/// <reference lib="webworker" />
/** Builds the site's zip off the main thread, reporting progress; the bytes are transferred back. */
import { buildBundle, type Site } from '@rke2-edge/provider-core';
import type { BundleRequest, BundleMessage } from './bundleClient.js';

self.onmessage = async (event: MessageEvent<BundleRequest>) => {
  const { site, iso, force } = event.data;
  const post = (message: BundleMessage, transfer: Transferable[] = []) => self.postMessage(message, transfer);
  try {
    const result = await buildBundle(site as Site, {
      format: 'zip',
      iso,
      force,
      onProgress: (percent) => post({ type: 'progress', percent }),
    });
    if (result.ok) post({ type: 'done', ok: true, bytes: result.bytes, fileCount: result.files.length }, [result.bytes.buffer]);
    else post({ type: 'done', ok: false, reason: result.reason });
  } catch (e) {
    post({ type: 'done', ok: false, reason: `the bundle could not be built: ${(e as Error).message}` });
  }
};
