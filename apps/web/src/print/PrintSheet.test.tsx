/** The print sheet lays out provider-core's siteSheet: the facts, the needs once checked, never the token. */
import { analyseSite, siteTemplate, type Site, type SiteAnalysis } from '@rke2-edge/provider-core';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AnalysisContext } from '../state/siteContext.js';
import { PrintSheet } from './PrintSheet.js';

afterEach(cleanup);

/** The CIS + SELinux template: RKE2's restricted Pod Security, kube-vip on three servers. */
const hardened = () => siteTemplate('cis-selinux')!.build();

function show(analysis: SiteAnalysis | null, site: Site = hardened()) {
  render(
    <AnalysisContext.Provider value={{ analysis, pending: analysis === null, error: null, messagesByField: new Map() }}>
      <PrintSheet site={site} masked={null} onBack={() => {}} />
    </AnalysisContext.Provider>,
  );
  return site;
}

describe('PrintSheet', () => {
  it('shows the site, its enforced Pod Security level and ports, and not its token', () => {
    const site = show(null);
    expect(screen.getByRole('heading', { name: `Site sheet: ${site.name}` })).toBeTruthy();
    expect(screen.getByText('restricted (CIS profile)')).toBeTruthy();
    expect(screen.getByRole('row', { name: /^9345 TCP/ })).toBeTruthy();
    expect(screen.getByText(/which also open 6443, 9345, 2379–2381/)).toBeTruthy();
    expect(screen.getByText('The boot check has not run yet.')).toBeTruthy();
    expect(document.body.textContent).not.toContain(site.cluster.token);
  });

  it('lists what the devices need once the boot check has run', () => {
    const site = hardened();
    show(analyseSite(site), site);
    const needs = screen.getByRole('region', { name: 'What each device needs' });
    expect(within(needs).getAllByRole('row').length).toBeGreaterThan(1);
    expect(within(needs).getByText(new RegExp(site.nodes[0]!.name))).toBeTruthy();
  });

  it('prints a label with a QR code per node, and the run sheet in install order with a box to tick', async () => {
    const site = show(null);
    const labels = await screen.findByRole('list');
    const items = within(labels).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('aria-label'))).toEqual(site.nodes.map((n) => `Label of ${n.name}`));
    const first = within(items[0]!);
    expect(first.getByRole('img', { name: `QR code: label of ${site.nodes[0]!.name}` })).toBeTruthy();
    expect(first.getAllByText(/^[0-9a-f]{64}$/)).toHaveLength(2); // the user-data and ISO hashes
    const run = screen.getByRole('region', { name: `Run sheet: ${site.name}` });
    const rows = within(run).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['cp-1', 'cp-2', 'cp-3', 'worker-1']);
    expect(within(rows[1]!).getByText('cp-1 Ready')).toBeTruthy(); // cp-2 waits for the init node
    expect(within(rows[3]!).getByRole('checkbox', { name: 'worker-1 done' })).toBeTruthy();
  });
});
