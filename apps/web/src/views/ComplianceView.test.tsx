/** The compliance view shows provider-core's nodeCompliance: one card per control, each line a link to the preview. */
import { analyseSite, siteTemplate, type Site } from '@rke2-edge/provider-core';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FilesView } from '../preview/FilesView.js';
import { viewNode } from '../preview/useExpandedNode.js';
import { AnalysisContext } from '../state/siteContext.js';
import { EvidencePage } from '../print/EvidencePage.js';
import { ComplianceView } from './ComplianceView.js';
import { OpenEvidenceContext } from './compliance/openEvidence.js';

vi.mock('../monaco/LazyMonaco.js', () => import('../testing/monacoStub.js'));

afterEach(cleanup);

const hardened = () => siteTemplate('cis-selinux')!.build();

function show(site: Site, selectedNode = 0) {
  const onShowFile = vi.fn();
  const openEvidence = vi.fn();
  render(
    <AnalysisContext.Provider value={{ analysis: analyseSite(site), pending: false, error: null, messagesByField: new Map() }}>
      <OpenEvidenceContext.Provider value={openEvidence}>
        <ComplianceView
          site={site}
          redact={null}
          selectedNode={selectedNode}
          onSelectNode={() => {}}
          onShowFile={onShowFile}
          onOpenField={() => {}}
        />
      </OpenEvidenceContext.Provider>
    </AnalysisContext.Provider>,
  );
  return { onShowFile, openEvidence };
}

describe('ComplianceView', () => {
  it('has a card per control with its state, and links each generated line to the preview', async () => {
    const site = hardened();
    const { onShowFile, openEvidence } = show(site);
    const cis = screen.getByRole('region', { name: 'CIS hardening profile' });
    expect(within(cis).getByText('On')).toBeTruthy();
    const link = within(cis).getByRole('button', { name: /^Show user-data line \d+: profile: cis$/ });
    await userEvent.click(link);
    const line = Number(/line (\d+)/.exec(link.getAttribute('aria-label')!)![1]);
    expect(onShowFile).toHaveBeenCalledWith({ node: 0, file: 'user-data', line });
    expect(viewNode(site, 0, null)!.artifacts.artifacts[0]!.text.split('\n')[line - 1]).toBe('    profile: cis');

    const fips = screen.getByRole('region', { name: 'FIPS 140 mode' });
    expect(within(fips).getByText('Off')).toBeTruthy();
    expect(within(fips).getByText(/Turning it on boots every node with fips=1/)).toBeTruthy();
    expect(within(fips).queryByRole('button', { name: /^Show / })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Print evidence page…' }));
    expect(openEvidence).toHaveBeenCalledOnce();
  });

  it("passes a line to the Files tab's viewer, only for the file it belongs to", () => {
    const { artifacts } = viewNode(hardened(), 0, null)!;
    render(<FilesView artifacts={artifacts} selected="user-data" line={23} onSelect={() => {}} />);
    expect(screen.getByTestId('file-text').querySelector('pre')!.getAttribute('data-line')).toBe('23');
    expect(screen.getByRole('status').textContent).toBe('Showing line 23 of user-data');
    cleanup();
    render(<FilesView artifacts={artifacts} selected="no-such-file" line={23} onSelect={() => {}} />);
    expect(screen.getByTestId('file-text').querySelector('pre')!.getAttribute('data-line')).toBeNull();
  });
});

describe('EvidencePage', () => {
  it('has the status per role and the lines per role, without the token', () => {
    const site = hardened();
    render(
      <AnalysisContext.Provider value={{ analysis: null, pending: true, error: null, messagesByField: new Map() }}>
        <EvidencePage site={site} masked={null} onBack={() => {}} />
      </AnalysisContext.Provider>,
    );
    expect(screen.getByRole('heading', { level: 1, name: `Security evidence: ${site.name}` })).toBeTruthy();
    const status = screen.getByRole('table', { name: 'Status of each control, per role' });
    expect(
      within(status)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Control', 'Init server cp-1', 'Control-plane server cp-2', 'Worker worker-1']);
    const cis = screen.getByRole('region', { name: /CIS hardening profile/ });
    expect(within(cis).getAllByText('profile: cis').length).toBeGreaterThanOrEqual(3);
    expect(document.body.textContent).not.toContain(site.cluster.token);
  });
});
