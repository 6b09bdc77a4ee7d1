/// <reference lib="webworker" />
/** Runs the whole-site analysis off the main thread: one request in, one answer out. */
import { analyseSite, type Site } from '@rke2-edge/provider-core';
import type { AnalysisRequest, AnalysisResponse } from './analysisRunner.js';

self.onmessage = (event: MessageEvent<string>) => {
  const { id, site } = JSON.parse(event.data) as AnalysisRequest;
  let response: AnalysisResponse;
  try {
    response = { id, ok: true, analysis: analyseSite(site as Site) };
  } catch (e) {
    response = { id, ok: false, error: (e as Error).message };
  }
  self.postMessage(response);
};
