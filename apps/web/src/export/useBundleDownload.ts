/**
 * Building the export zip as a mutation: the bundle is built in a Web Worker (progress in percent),
 * downloaded when it is ready, and a failure is the mutation's error.
 */
import { safeSegment, type Site } from '@rke2-edge/provider-core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { siteIdentity } from '../lint/siteIdentity.js';
import { buildBundleInWorker, type BundleOutcome, type BundleRequest } from './bundleClient.js';
import { downloadBytes } from './download.js';

export type BuildBundle = (request: BundleRequest, onProgress: (percent: number) => void) => Promise<BundleOutcome>;

export interface BundleDownload {
  /** Builds and downloads the zip; `force` builds it despite errors (never despite unsafe values). */
  start(force: boolean): void;
  building: boolean;
  percent: number;
  /** What was downloaded, or why nothing was. */
  result: { ok: true; message: string } | { ok: false; message: string } | null;
}

export function useBundleDownload(site: Site, iso: boolean, build: BuildBundle = buildBundleInWorker): BundleDownload {
  const [percent, setPercent] = useState(0);
  const name = safeSegment(site.name, 'site');
  const mutation = useMutation({
    mutationKey: ['export', siteIdentity(site)],
    mutationFn: async (force: boolean) => {
      setPercent(0);
      const outcome = await build({ site, iso, force }, setPercent);
      if (!outcome.ok) throw new Error(outcome.reason);
      return outcome;
    },
    onSuccess: (outcome) => downloadBytes(`${name}.zip`, outcome.bytes, 'application/zip'),
  });
  const done = mutation.data;
  return {
    start: (force) => mutation.mutate(force),
    building: mutation.isPending,
    percent,
    result: mutation.error
      ? { ok: false, message: mutation.error.message }
      : done
        ? {
            ok: true,
            message: `Downloaded ${name}.zip: ${site.nodes.length} node(s), ${done.fileCount} files, ${(done.bytes.length / 1024).toFixed(0)} KB.`,
          }
        : null,
  };
}
