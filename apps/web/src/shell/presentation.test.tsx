/**
 * Presentation mode keeps every secret off the screen: the views and print pages redact the models
 * they compute, the top bar, the preview's node list, downloads and Undo redact the names they
 * show, and the print sheet's labels still hash the real files (those on the stick).
 */
import { analyseSite, maskSecrets, nodeLabels, siteTemplate, type MaskedSite, type Site } from '@rke2-edge/provider-core';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EvidencePage } from '../print/EvidencePage.js';
import { PrintSheet } from '../print/PrintSheet.js';
import { AnalysisContext, SiteStoreContext } from '../state/siteContext.js';
import { SiteStore } from '../state/siteStore.js';
import { renderApp } from '../testing/appHarness.js';
import { ComplianceView } from '../views/ComplianceView.js';
import { FailureView } from '../views/FailureView.js';
import { UpgradeView } from '../views/UpgradeView.js';
import { presentationMode } from './presentation.js';

vi.mock('../monaco/LazyMonaco.js', () => import('../testing/monacoStub.js'));
const downloads = vi.hoisted(() => [] as string[]);
vi.mock('../export/download.js', async (original) => ({
  ...(await original<typeof import('../export/download.js')>()),
  downloadBytes: (name: string) => void downloads.push(name),
}));

afterEach(() => {
  cleanup();
  if (presentationMode.getState()) presentationMode.toggle();
});

const TOKEN = 'Zq8vN3kP2wX7mR4tY9bL6cF1hJ5dG0sA';

function haSite(): Site {
  const site = siteTemplate('ha')!.build();
  site.cluster.token = TOKEN;
  site.cluster.controlPlaneHost = '192.168.1.5';
  site.security.podSecurity = 'restricted';
  return site;
}

/**
 * The masked site as if its field redaction had missed a spelling the models decode (a `!!binary`
 * value): every model then holds the token, and only the views' own redaction can hide it.
 */
function leakyMasked(site: Site): MaskedSite {
  const masked = maskSecrets(site);
  const binary = btoa(`/etc/${TOKEN}.yaml`);
  masked.site.rke2Version = 'v1.35';
  masked.site.extraConfig = `pod-security-admission-config-file: !!binary ${binary}\nnode-label:\n- !!binary ${binary}\n`;
  return masked;
}

function withContexts(site: Site, children: ReactNode) {
  const store = new SiteStore();
  store.open(site);
  return render(
    <SiteStoreContext.Provider value={store}>
      <AnalysisContext.Provider value={{ analysis: analyseSite(site), pending: false, error: null, messagesByField: new Map() }}>
        {children}
      </AnalysisContext.Provider>
    </SiteStoreContext.Provider>,
  );
}

const viewProps = { selectedNode: 0, onSelectNode: () => {}, onShowFile: () => {}, onOpenField: () => {} };

describe('presentation mode in the views and print pages', () => {
  it('redacts what the compliance, failure and upgrade views compute from the masked site', () => {
    const masked = leakyMasked(haSite());
    for (const View of [ComplianceView, FailureView, UpgradeView]) {
      // Without the redaction the model shows the token it decoded: the case the views guard against.
      withContexts(masked.site, <View site={masked.site} redact={null} {...viewProps} />);
      if (View !== UpgradeView) expect(document.body.innerHTML).toContain(TOKEN);
      cleanup();
      withContexts(masked.site, <View site={masked.site} redact={masked.redact} {...viewProps} />);
      expect(document.body.innerHTML).not.toContain(TOKEN);
      cleanup();
    }
  });

  it('redacts the evidence page', () => {
    const site = haSite();
    const masked = leakyMasked(site);
    withContexts(site, <EvidencePage site={site} masked={{ ...masked, redact: (t) => t }} onBack={() => {}} />);
    expect(document.body.innerHTML).toContain(TOKEN);
    cleanup();
    withContexts(site, <EvidencePage site={site} masked={masked} onBack={() => {}} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Security evidence');
    expect(document.body.innerHTML).not.toContain(TOKEN);
  });

  it("prints labels with the real files' hashes and no secret shown, even in a node's name", async () => {
    const site = haSite();
    site.nodes[0]!.name = `cp-${TOKEN}`;
    const real = await nodeLabels(site);
    withContexts(site, <PrintSheet site={site} masked={maskSecrets(site)} onBack={() => {}} />);
    const items = await screen.findAllByLabelText(/^Label of /);
    expect(items.map((li) => li.getAttribute('aria-label'))).toEqual([
      'Label of cp-••••••••',
      ...real.labels.slice(1).map((l) => `Label of ${l.node}`),
    ]);
    items.forEach((item, i) => {
      const hashes = within(item)
        .getAllByText(/^[0-9a-f]{64}$/)
        .map((h) => h.textContent);
      expect(hashes).toEqual([real.labels[i]!.userDataSha256, real.labels[i]!.isoSha256]);
    });
    expect(document.body.innerHTML).not.toContain(TOKEN);
  });
});

describe('presentation mode in the designer', () => {
  it('redacts the site and node names in the top bar, the preview, the downloads and the Undo button', async () => {
    const services = renderApp({ kind: 'template', id: 'ha' });
    await screen.findByRole('heading', { name: /RKE2 Edge Designer/ });
    const site = services.store.getState().site!;
    act(() =>
      services.store.replace(
        {
          ...site,
          cluster: { ...site.cluster, token: TOKEN },
          name: `plant-${TOKEN}`,
          nodes: site.nodes.map((n, i) => (i === 0 ? { ...n, name: `cp-${TOKEN}` } : n)),
        },
        `Rename cp-${TOKEN}`,
      ),
    );
    expect(document.body.innerHTML).toContain(TOKEN);
    act(() => presentationMode.toggle());
    // A view page: no editing form on screen, so nothing may show the token.
    act(() => screen.getByRole('tab', { name: 'Failure view' }).click());
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('RKE2 Edge Designer — plant-••••••••');
    expect(screen.getByRole('button', { name: 'Undo' }).getAttribute('title')).toBe('Undo: Rename cp-••••••••');
    expect(within(screen.getByRole('combobox', { name: 'Preview of node' })).getAllByRole('option')[0]!.textContent).toBe(
      'cp-•••••••• (init)',
    );
    const files = await screen.findByRole('group', { name: 'Files of cp-•••••••• for the field' });
    const download = await within(files).findByRole('button', { name: 'Download user-data' });
    await vi.waitFor(() => expect((download as HTMLButtonElement).disabled).toBe(false));
    act(() => download.click());
    act(() => within(files).getByRole('button', { name: 'Download cidata ISO' }).click());
    expect(downloads).toHaveLength(2);
    for (const name of downloads) expect(name).not.toContain(TOKEN);
    act(() => screen.getByRole('tab', { name: 'Device check' }).click());
    expect(document.body.innerHTML).not.toContain(TOKEN);
  });
});
