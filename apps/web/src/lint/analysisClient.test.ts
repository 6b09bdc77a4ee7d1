import { analyseSite, createSite, type Site } from '@rke2-edge/provider-core';
import { describe, expect, it } from 'vitest';
import { AnalysisClient, currentAnalysis, type AnalysisRequest, type AnalysisResponse, type AnalysisTransport } from './analysisClient.js';

/** A transport that answers only when told to, like a busy worker. */
function manualTransport() {
  const requests: AnalysisRequest[] = [];
  let handler: (r: AnalysisResponse) => void = () => undefined;
  const transport: AnalysisTransport = {
    post: (r) => void requests.push(r),
    onResponse: (h) => void (handler = h),
    close: () => undefined,
  };
  const answer = (request: AnalysisRequest) => handler({ id: request.id, ok: true, analysis: analyseSite(request.site) });
  return { transport, requests, answer, fail: (r: AnalysisRequest) => handler({ id: r.id, ok: false, error: 'boom' }) };
}
const named = (name: string): Site => createSite({ name });

describe('AnalysisClient', () => {
  it('runs one analysis at a time and skips sites replaced while it ran', () => {
    const worker = manualTransport();
    const client = new AnalysisClient(worker.transport);
    const [a, b, c] = [named('a'), named('b'), named('c')];
    client.request(a);
    client.request(b);
    client.request(c);
    expect(worker.requests.map((r) => r.site.name)).toEqual(['a']);
    worker.answer(worker.requests[0]!);
    expect(worker.requests.map((r) => r.site.name)).toEqual(['a', 'c']);
    expect(client.getState()).toMatchObject({ status: 'pending', forSite: c });
    expect(currentAnalysis(client.getState())).not.toBeNull(); // a's result is shown meanwhile
    worker.answer(worker.requests[1]!);
    expect(client.getState()).toMatchObject({ status: 'done', forSite: c });
  });

  it('does not ask again for the site it already analysed, and ignores stale answers', () => {
    const worker = manualTransport();
    const client = new AnalysisClient(worker.transport);
    const site = named('a');
    client.request(site);
    worker.answer(worker.requests[0]!);
    client.request(site);
    expect(worker.requests).toHaveLength(1);
    const before = client.getState();
    worker.answer(worker.requests[0]!); // a duplicate answer changes nothing: the very same state remains
    expect(client.getState()).toBe(before);
  });

  it('reports a failed analysis and keeps the last good one', () => {
    const worker = manualTransport();
    const client = new AnalysisClient(worker.transport);
    client.request(named('a'));
    worker.answer(worker.requests[0]!);
    client.request(named('b'));
    worker.fail(worker.requests[1]!);
    const state = client.getState();
    expect(state).toMatchObject({ status: 'failed', error: 'boom' });
    expect(currentAnalysis(state)).not.toBeNull();
  });
});
