/**
 * The failure view in jsdom (testing/appHarness.tsx): marking nodes, the verdict following, the
 * marks following their nodes through an undo that moves them, and the empty state.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { openTemplate } from '../../testing/appHarness.js';

vi.mock('../../monaco/LazyMonaco.js', () => import('../../testing/monacoStub.js'));

const verdict = () => screen.getByRole('region', { name: /^(Verdict|Nothing marked)/ });

describe('failure view', () => {
  it('marks servers failed and follows them by node, not by place in the list', async () => {
    const user = await openTemplate('ha');
    await user.click(screen.getByRole('tab', { name: 'Nodes' }));
    await user.click(within(screen.getByRole('table', { name: 'Nodes' })).getByRole('button', { name: 'Duplicate cp-1' }));
    await user.click(screen.getByRole('tab', { name: 'Failure view' }));
    const names = screen.getAllByRole('checkbox').map((c) => c.closest('label')?.querySelector('.failure-pick-name')?.textContent);
    expect(names.indexOf('cp-4')).toBeLessThan(names.indexOf('cp-2'));

    await user.click(screen.getByRole('checkbox', { name: /^cp-2/ }));
    // Four etcd members tolerate one failure, like three: cp-2's loss leaves no margin.
    expect(within(verdict()).getByRole('heading').textContent).toBe('Verdict: Degraded');
    expect(screen.getByText(/^etcd keeps quorum: 3 of 4 members are up and 3 are needed \(cp-2 is down\)\./).textContent).toContain(
      'With 4 members etcd tolerates no more failures than with 3.',
    );

    // Undo removes cp-4, so cp-2 moves up one place: the mark stays on cp-2.
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(screen.queryByRole('checkbox', { name: /^cp-4/ })).toBeNull();
    expect(screen.getByRole('checkbox', { name: /^cp-2/ })).toHaveProperty('checked', true);
    expect(screen.getByRole('checkbox', { name: /^cp-3/ })).toHaveProperty('checked', false);
    expect(screen.getByText(/^etcd keeps quorum: 2 of 3 members are up and 2 are needed \(cp-2 is down\)\./)).toBeTruthy();

    await user.click(screen.getByRole('checkbox', { name: /^cp-3/ }));
    expect(within(verdict()).getByRole('heading').textContent).toBe('Verdict: Down');
    expect(screen.getByRole('img', { name: /quorum 2, lost/ })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'What to do' })).toBeTruthy();
  });

  it('shows the worst single failure of a one-server site and marks it on request', async () => {
    const user = await openTemplate('proxy');
    await user.click(screen.getByRole('tab', { name: 'Failure view' }));
    expect(screen.getByRole('heading', { name: 'Worst single failure: cp-1' })).toBeTruthy();
    expect(screen.getByText(/^Losing cp-1 alone stops the cluster\./)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Show losing cp-1' }));
    expect(screen.getByRole('checkbox', { name: /^cp-1/ })).toHaveProperty('checked', true);
    expect(within(verdict()).getByRole('heading').textContent).toBe('Verdict: Down');
    const table = screen.getByRole('region', { name: 'What happens on each node' });
    expect(within(table).getByRole('row', { name: /^worker-1/ }).textContent).toContain('Up, but without a control plane');
  });
});
