import { analyseSite, createSite, type Site } from '@rke2-edge/provider-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serialAnalysis, workerTransport, type AnalysisRequest, type AnalysisResponse, type AnalysisTransport } from './analysisRunner.js';

/** A worker that answers only when told to, like a busy one. */
function manualWorker() {
  const requests: AnalysisRequest[] = [];
  let handler: (r: AnalysisResponse) => void = () => undefined;
  const transport: AnalysisTransport = { post: (r) => void requests.push(r), onResponse: (h) => void (handler = h) };
  return {
    transport,
    requests,
    names: () => requests.map((r) => r.site.name),
    answer: (r: AnalysisRequest) => handler({ id: r.id, ok: true, analysis: analyseSite(r.site) }),
    fail: (r: AnalysisRequest, error: string) => handler({ id: r.id, ok: false, error }),
  };
}
const named = (name: string): Site => createSite({ name });

describe('serialAnalysis', () => {
  it('sends one site at a time, the next when the worker answers', async () => {
    const worker = manualWorker();
    const analyse = serialAnalysis(worker.transport);
    const a = analyse(named('a'));
    const b = analyse(named('b'));
    expect(worker.names()).toEqual(['a']);
    worker.answer(worker.requests[0]!);
    expect(worker.names()).toEqual(['a', 'b']);
    worker.answer(worker.requests[1]!);
    await expect(a).resolves.toMatchObject({ nodeStatus: expect.any(Array) });
    await expect(b).resolves.toEqual(analyseSite(named('b')));
  });

  it('never sends a site whose caller gave up while it waited, and rejects its promise', async () => {
    const worker = manualWorker();
    const analyse = serialAnalysis(worker.transport);
    void analyse(named('a'));
    const stale = new AbortController();
    const b = analyse(named('b'), stale.signal);
    const c = analyse(named('c'));
    stale.abort(new Error('replaced'));
    await expect(b).rejects.toThrow('replaced');
    worker.answer(worker.requests[0]!);
    expect(worker.names()).toEqual(['a', 'c']);
    worker.answer(worker.requests[1]!);
    await expect(c).resolves.toBeTruthy();
  });

  it("rejects with the worker's error and goes on with the next site", async () => {
    const worker = manualWorker();
    const analyse = serialAnalysis(worker.transport);
    const a = analyse(named('a'));
    const b = analyse(named('b'));
    worker.fail(worker.requests[0]!, 'the analysis worker stopped');
    await expect(a).rejects.toThrow('the analysis worker stopped');
    expect(worker.names()).toEqual(['a', 'b']);
    worker.answer(worker.requests[1]!);
    await expect(b).resolves.toBeTruthy();
  });

  it('ignores an answer for a request that is not running', async () => {
    const worker = manualWorker();
    const analyse = serialAnalysis(worker.transport);
    const a = analyse(named('a'));
    worker.fail({ id: 99, site: named('x') }, 'not mine');
    worker.answer(worker.requests[0]!);
    await expect(a).resolves.toBeTruthy();
  });
});

describe('workerTransport', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('drops a worker that failed and starts a new one for the next site, so a failure never hangs the analysis', async () => {
    const workers: FakeWorker[] = [];
    class FakeWorker extends EventTarget {
      posted: string[] = [];
      terminated = false;
      constructor() {
        super();
        workers.push(this);
      }
      postMessage(text: string) {
        this.posted.push(text);
      }
      terminate() {
        this.terminated = true;
      }
    }
    vi.stubGlobal('Worker', FakeWorker);
    const analyse = serialAnalysis(workerTransport());
    const first = analyse(named('a'));
    workers[0]!.dispatchEvent(Object.assign(new Event('error'), { message: '' }));
    await expect(first).rejects.toThrow('the analysis worker stopped');
    expect(workers[0]!.terminated).toBe(true);
    const second = analyse(named('b'));
    expect(workers).toHaveLength(2);
    const request = JSON.parse(workers[1]!.posted[0]!) as AnalysisRequest;
    workers[1]!.dispatchEvent(new MessageEvent('message', { data: { id: request.id, ok: true, analysis: analyseSite(request.site) } }));
    await expect(second).resolves.toMatchObject({ nodeStatus: expect.any(Array) });
  });
});
