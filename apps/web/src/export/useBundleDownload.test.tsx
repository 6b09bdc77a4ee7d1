/** The export build as a mutation, with a real QueryClient, in jsdom, against a build the test controls. */
import { createSite } from '@rke2-edge/provider-core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BundleOutcome } from './bundleClient.js';
import { useBundleDownload, type BuildBundle } from './useBundleDownload.js';

/** A build that reports progress when told and finishes with the given outcome. */
function heldBuild() {
  let progress: (percent: number) => void = () => undefined;
  let finish: (outcome: BundleOutcome) => void = () => undefined;
  const requests: Parameters<BuildBundle>[0][] = [];
  const build: BuildBundle = (request, onProgress) => {
    requests.push(request);
    progress = onProgress;
    return new Promise((resolve) => (finish = resolve));
  };
  return { build, requests, progress: (p: number) => act(() => progress(p)), finish: (o: BundleOutcome) => act(async () => finish(o)) };
}

function renderDownload(build: BuildBundle) {
  const client = new QueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  const site = createSite({ name: 'plant-7' });
  return renderHook(() => useBundleDownload(site, true, build), { wrapper });
}

function captureDownloads() {
  const names: string[] = [];
  Object.assign(URL, { createObjectURL: () => 'blob:test', revokeObjectURL: () => undefined });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return names;
}
afterEach(() => vi.restoreAllMocks());

describe('useBundleDownload', () => {
  it('builds with the chosen options, reports progress, and downloads the zip when it is ready', async () => {
    const downloads = captureDownloads();
    const held = heldBuild();
    const hook = renderDownload(held.build);
    act(() => hook.result.current.start(true));
    await waitFor(() => expect(hook.result.current.building).toBe(true));
    expect(held.requests).toEqual([expect.objectContaining({ iso: true, force: true })]);
    await held.progress(40);
    expect(hook.result.current.percent).toBe(40);
    expect(downloads).toEqual([]);
    await held.finish({ type: 'done', ok: true, bytes: new Uint8Array(2048), fileCount: 5 });
    await waitFor(() => expect(hook.result.current.building).toBe(false));
    expect(downloads).toEqual(['plant-7.zip']);
    expect(hook.result.current.result).toEqual({ ok: true, message: 'Downloaded plant-7.zip: 1 node(s), 5 files, 2 KB.' });
  });

  it('says why nothing was downloaded when the build is refused', async () => {
    const downloads = captureDownloads();
    const held = heldBuild();
    const hook = renderDownload(held.build);
    act(() => hook.result.current.start(false));
    await waitFor(() => expect(held.requests).toHaveLength(1));
    await held.finish({ type: 'done', ok: false, reason: 'the site has unsafe values' });
    await waitFor(() => expect(hook.result.current.result).toEqual({ ok: false, message: 'the site has unsafe values' }));
    expect(downloads).toEqual([]);
  });
});
