/** The Device check view shows provider-core's verdict as it is, and says when it is still running. */
import type { SiteAnalysis } from '@rke2-edge/provider-core';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnalysisContext, type AnalysisView } from '../state/siteContext.js';
import { DeviceCheckView } from './DeviceCheckView.js';
import type { NodeCheck } from './nodeCheck.js';

afterEach(cleanup);

const ok: NodeCheck = {
  node: 'cp-1',
  service: 'rke2-server',
  ok: true,
  failures: [],
  needs: ['A Kairos image with RKE2 v1.36', 'SELinux with the rke2-selinux policy'],
};
const broken: NodeCheck = {
  node: 'worker-1',
  service: 'rke2-agent',
  ok: false,
  failures: [
    {
      rule: 'node-labels',
      message: "unknown 'kubernetes.io' or 'k8s.io' labels specified with --node-labels: [node-role.kubernetes.io/worker]",
      source: 'kubernetes/kubernetes cmd/kubelet/app/options/options.go',
    },
  ],
  needs: [],
};

function show(view: Partial<AnalysisView>, selected: number, nodeName: string) {
  const analysis = { findings: [], nodeStatus: [], noProxy: [], check: { nodes: [ok, broken] } } as unknown as SiteAnalysis;
  const value: AnalysisView = { analysis, pending: false, error: null, messagesByField: new Map(), ...view };
  const onShowFindings = vi.fn();
  render(
    <AnalysisContext.Provider value={value}>
      <DeviceCheckView selected={selected} nodeName={nodeName} onShowFindings={onShowFindings} />
    </AnalysisContext.Provider>,
  );
  return onShowFindings;
}

describe('DeviceCheckView', () => {
  it('says a node comes up and joins, and lists what the device needs', () => {
    show({}, 0, 'cp-1');
    expect(screen.getByRole('heading', { name: 'Comes up and joins' })).toBeTruthy();
    const needs = screen.getByRole('region', { name: 'What this device needs' });
    expect([...needs.querySelectorAll('li')].map((li) => li.textContent)).toEqual(ok.needs);
  });

  it("shows RKE2's message with its source, and leads to the findings", async () => {
    const onShowFindings = show({}, 1, 'worker-1');
    expect(screen.getByRole('heading', { name: 'Does not come up: rke2-agent stops' })).toBeTruthy();
    expect(screen.getByText(broken.failures[0]!.message)).toBeTruthy();
    expect(screen.getByText('kubernetes/kubernetes cmd/kubelet/app/options/options.go')).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Show in Findings' }));
    expect(onShowFindings).toHaveBeenCalledOnce();
  });

  it('says the check is running rather than showing another node’s verdict', () => {
    show({ analysis: null, pending: true }, 0, 'cp-1');
    expect(screen.getByRole('status').textContent).toBe('Checking how cp-1 boots…');
    cleanup();
    // The last result was for a site where node 0 had another name: not this node's verdict.
    show({ pending: true }, 0, 'edge-1');
    expect(screen.getByRole('status').textContent).toBe('Checking how edge-1 boots…');
    expect(screen.queryByRole('heading', { name: /Comes up/ })).toBeNull();
  });

  it('says when the analysis failed', () => {
    show({ analysis: null, error: 'worker crashed' }, 0, 'cp-1');
    expect(screen.getByText('The check could not run: worker crashed')).toBeTruthy();
  });
});
