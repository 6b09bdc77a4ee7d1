/**
 * The designer as a user drives it, in jsdom: each test gets a fresh store, autosave session and
 * query client, and the analysis runs in process instead of in the worker; everything else (forms,
 * store, preview) is the real app. Test files mock Monaco with `./monacoStub.js`.
 */
import { analyseSite } from '@rke2-edge/provider-core';
import { cleanup, configure, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach } from 'vitest';
import App, { createDesignerServices } from '../App.js';
import type { Launch } from '../launch.js';
import type { AnalyseSite } from '../lint/analysisRunner.js';

const inProcess: AnalyseSite = async (site) => analyseSite(site);

// Sized for a busy two-core machine: the first render of the designer can take seconds there.
configure({ asyncUtilTimeout: 10_000 });

// jsdom has no layout; give elements a size so the virtualised nodes table renders its rows.
for (const size of ['clientHeight', 'clientWidth', 'offsetHeight', 'offsetWidth']) {
  Object.defineProperty(HTMLElement.prototype, size, { configurable: true, get: () => 600 });
}

afterEach(() => {
  cleanup();
  localStorage.clear();
  // The designer's page lives in the URL fragment (shell/useSectionHistory.ts): each test starts on a fresh URL.
  history.replaceState(null, '', '/');
});

/** Renders the designer as a fresh page would: new services, reading whatever this browser saved. */
export function renderApp(launch: Launch, analyse: AnalyseSite = inProcess) {
  const services = createDesignerServices({ analyse });
  render(<App launch={launch} services={services} />);
  return services;
}

export async function openTemplate(id: string, analyse?: AnalyseSite) {
  const user = userEvent.setup();
  renderApp({ kind: 'template', id }, analyse);
  await screen.findByRole('heading', { name: /RKE2 Edge Designer/ });
  return user;
}

/** The text of a file shown in the preview. */
export const fileText = (path: string) => screen.getByRole('region', { name: path }).querySelector('pre')!.textContent ?? '';
