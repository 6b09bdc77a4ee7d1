/**
 * Exporting and checking a site in the designer, in jsdom (see testing/appHarness.tsx): the zip
 * blocked on errors, the print sheet, the device check.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { openTemplate } from './testing/appHarness.js';

vi.mock('./monaco/LazyMonaco.js', () => import('./testing/monacoStub.js'));

describe('export and print', () => {
  it('blocks the zip download on errors with the list, and offers download anyway', async () => {
    const user = await openTemplate('single-node');
    const token = screen.getByLabelText('Cluster token');
    await user.clear(token);
    await user.type(token, 'short');
    await screen.findByRole('tab', { name: /^Findings \(1 error,/ });
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    const dialog = screen.getByRole('dialog', { hidden: true });
    const alert = within(dialog).getByRole('alert', { hidden: true });
    expect(alert.textContent).toMatch(/The site has 1 error.*5 characters/s);
    expect(within(dialog).queryByRole('button', { name: 'Download all (zip)', hidden: true })).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Download anyway (experts)', hidden: true })).toBeTruthy();
  });

  it('warns that the zip and its sticks hold the secrets in clear, naming the registry passwords when there are some', async () => {
    const user = await openTemplate('air-gapped-fips');
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    const dialog = screen.getByRole('dialog', { hidden: true });
    expect(within(dialog).getByText(/^The zip, and every stick made from it, holds the cluster token/).textContent).toMatch(
      /holds the cluster token( and registry passwords)? in clear: hand it over in person/,
    );
  });

  it('says the site could not be checked, and offers no download, when the analysis fails', async () => {
    const user = await openTemplate('single-node', () => Promise.reject(new Error('the analysis worker stopped')));
    // Never "0 errors" for a site nobody checked.
    expect(await screen.findByRole('tab', { name: 'Findings (not checked)' })).toBeTruthy();
    expect(screen.getByText(/· not checked$/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    const dialog = screen.getByRole('dialog', { hidden: true });
    const alert = await within(dialog).findByRole('alert', { hidden: true });
    expect(alert.textContent).toBe(
      'The site could not be checked (the analysis worker stopped), so nothing can be downloaded yet; edit again to retry.',
    );
    expect(within(dialog).getByRole('button', { name: 'Download all (zip)', hidden: true })).toHaveProperty('disabled', true);
  });

  it('prints a site sheet with topology, ports and settings, never the token', async () => {
    const user = await openTemplate('cis-selinux');
    const token = (screen.getByLabelText('Cluster token') as HTMLInputElement).value;
    await user.click(screen.getByRole('button', { name: 'Export…' }));
    await user.click(screen.getByRole('button', { name: 'Open the site sheet for printing', hidden: true }));
    expect(screen.getByRole('heading', { name: 'Site sheet: hardened-site' })).toBeTruthy();
    expect(screen.getByRole('img', { name: /3 server\(s\) behind 192\.168\.20\.5, 1 worker\(s\)/ })).toBeTruthy();
    expect(screen.getByText('restricted (CIS profile)')).toBeTruthy();
    expect(screen.getByRole('row', { name: /^9345/ })).toBeTruthy();
    expect(document.body.textContent).not.toContain(token);
    await user.click(screen.getByRole('button', { name: 'Back to the designer' }));
    expect(screen.getByRole('heading', { name: /RKE2 Edge Designer/ })).toBeTruthy();
  });
});

describe('device check', () => {
  it("says the node comes up and joins, with what the device needs; a label kubelet refuses shows kubelet's message there and in Findings", async () => {
    const user = await openTemplate('single-node');
    await user.click(screen.getByRole('tab', { name: 'Device check' }));
    expect(await screen.findByRole('heading', { name: 'Comes up and joins' })).toBeTruthy();
    const needs = screen.getByRole('region', { name: 'What this device needs' });
    expect(within(needs).getByText(/^Kairos image with RKE2 v1\.36/)).toBeTruthy();

    await user.click(screen.getByRole('tab', { name: 'Nodes' }));
    await user.type(screen.getByRole('textbox', { name: 'Labels' }), 'node-role.kubernetes.io/worker=true');
    expect(await screen.findByRole('heading', { name: 'Does not come up: rke2-server stops' })).toBeTruthy();
    const preview = within(document.getElementById('preview-panel')!);
    expect(
      preview.getByText(
        /^failed to validate kubelet flags: unknown 'kubernetes\.io' or 'k8s\.io' labels specified with --node-labels: \[node-role\.kubernetes\.io\/worker\]/,
      ),
    ).toBeTruthy();
    expect(preview.getByText(/cmd\/kubelet\/app\/options\/options\.go/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Show in Findings' }));
    expect(screen.getByRole('tab', { name: /^Findings \(1 error,/ }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('button', { name: /edge-1.*--node-labels: \[node-role\.kubernetes\.io\/worker\]/s })).toBeTruthy();
  });
});
