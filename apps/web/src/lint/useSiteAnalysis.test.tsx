/** The analysis query with a real QueryClient, in jsdom, against an analysis whose answers the test releases. */
import { analyseSite, createSite, siteTemplate, type Site, type SiteAnalysis } from '@rke2-edge/provider-core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { AnalyseSite } from './analysisRunner.js';
import { LARGE_SITE_NODES, LARGE_SITE_PAUSE_MS, useSiteAnalysis } from './useSiteAnalysis.js';

/** An analysis that answers (or fails) each site only when the test says so, in any order. */
function heldAnalysis() {
  const calls: { site: Site; resolve: (a: SiteAnalysis) => void; reject: (e: Error) => void }[] = [];
  const analyse: AnalyseSite = (site) => new Promise((resolve, reject) => calls.push({ site, resolve, reject }));
  const callFor = async (name: string) => {
    await waitFor(() => expect(calls.map((c) => c.site.name)).toContain(name));
    return calls.find((c) => c.site.name === name)!;
  };
  /** Answers the site's analysis, then lets react-query deliver it (it notifies on a timer). */
  const settle = () => act(() => new Promise((r) => setTimeout(r, 20)));
  const release = async (name: string) => {
    const call = await callFor(name);
    call.resolve(analyseSite(call.site));
    await settle();
  };
  const fail = async (name: string, error: string) => {
    (await callFor(name)).reject(new Error(error));
    await settle();
  };
  return { analyse, calls, release, fail };
}

function renderAnalysis(analyse: AnalyseSite, first: Site) {
  const client = new QueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
  return renderHook(({ site }: { site: Site | null }) => useSiteAnalysis(site, analyse), { wrapper, initialProps: { site: first } });
}

const withToken = (site: Site, token: string): Site => ({ ...site, cluster: { ...site.cluster, token } });
const tokenErrors = (a: SiteAnalysis | null) => a?.findings.filter((f) => f.path.join('.') === 'cluster.token').length;

describe('useSiteAnalysis', () => {
  it('shows the previous analysis while the next runs, then the new one', async () => {
    const held = heldAnalysis();
    const good = siteTemplate('single-node')!.build();
    const hook = renderAnalysis(held.analyse, good);
    expect(hook.result.current).toMatchObject({ analysis: null, pending: true, error: null });
    await held.release(good.name);
    expect(hook.result.current).toMatchObject({ pending: false });
    expect(tokenErrors(hook.result.current.analysis)).toBe(0);

    const bad = { ...withToken(good, 'short'), name: 'bad' };
    hook.rerender({ site: bad });
    expect(hook.result.current.pending).toBe(true);
    expect(tokenErrors(hook.result.current.analysis)).toBe(0); // the previous one, meanwhile
    await held.release('bad');
    expect(hook.result.current.pending).toBe(false);
    expect(tokenErrors(hook.result.current.analysis)).toBe(1);
    expect(hook.result.current.messagesByField.size).toBeGreaterThan(0);
  });

  it('never shows an answer for a replaced site over the current one', async () => {
    const held = heldAnalysis();
    const old = { ...withToken(siteTemplate('single-node')!.build(), 'short'), name: 'old' };
    const hook = renderAnalysis(held.analyse, old);
    const current = { ...siteTemplate('single-node')!.build(), name: 'current' };
    hook.rerender({ site: current });
    await held.release('current');
    expect(tokenErrors(hook.result.current.analysis)).toBe(0);
    await held.release('old'); // late, and for a site no longer shown
    expect(tokenErrors(hook.result.current.analysis)).toBe(0);
    expect(hook.result.current.pending).toBe(false);
  });

  it('shows why the analysis failed, and runs again on the next edit', async () => {
    const held = heldAnalysis();
    const site = createSite({ name: 'a' });
    const hook = renderAnalysis(held.analyse, site);
    await held.fail('a', 'the analysis worker stopped');
    expect(hook.result.current).toMatchObject({ analysis: null, pending: false, error: 'the analysis worker stopped' });
    hook.rerender({ site: { ...site, name: 'b' } });
    expect(hook.result.current).toMatchObject({ pending: true, error: null });
    await held.release('b');
    expect(hook.result.current).toMatchObject({ pending: false, error: null });
    expect(held.calls.map((c) => c.site.name)).toEqual(['a', 'b']);
  });

  it('analyses a large site once after a burst of edits, when typing pauses', async () => {
    const held = heldAnalysis();
    const base = createSite({ name: 'large' });
    const large = (name: string): Site => ({ ...base, name, nodes: Array.from({ length: LARGE_SITE_NODES + 1 }, () => base.nodes[0]!) });
    const hook = renderAnalysis(held.analyse, large('v1'));
    hook.rerender({ site: large('v2') });
    hook.rerender({ site: large('v3') });
    expect(held.calls).toHaveLength(0);
    await act(() => new Promise((r) => setTimeout(r, LARGE_SITE_PAUSE_MS * 2)));
    expect(held.calls.map((c) => c.site.name)).toEqual(['v3']);
    expect(hook.result.current.pending).toBe(true);
  });
});
