/**
 * Opened cloud-configs show each file's Device check as written, next to the import notes: what
 * openInputs gives (the worker's answer) through the notices the designer shows.
 */
import { openInputs } from '@rke2-edge/provider-core';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { fileCheckNotices, type Notice } from './notice.js';
import { Notices } from './Notices.js';

afterEach(cleanup);

const TOKEN = 'Zq8vN3kP2wX7mR4tY9bL6cF1hJ5dG0sA';
const file = (name: string, hostname: string, role: string, host: string) => ({
  name,
  bytes: new TextEncoder().encode(
    `#cloud-config\nhostname: ${hostname}\ncluster:\n  cluster_token: ${TOKEN}\n  control_plane_host: ${host}\n  role: ${role}\n  config: |\n    cluster-cidr: 10.42.0.0/16\n    service-cidr: 10.43.0.0/16\n`,
  ),
});

async function openedNotices(files: ReturnType<typeof file>[]): Promise<Notice[]> {
  const result = await openInputs(files);
  if (!result.ok) throw new Error(result.message);
  return [...fileCheckNotices(result.fileChecks), ...result.notes.map((text): Notice => ({ kind: 'info', text }))];
}

describe('opened cloud-configs: the Device check of each file', () => {
  it('lists every file that comes up, closed, with the same verdict as the preview', async () => {
    const notices = await openedNotices([file('cp-1.yaml', 'cp-1', 'init', '10.0.1.11'), file('w-1.yaml', 'w-1', 'worker', '10.0.1.11')]);
    render(<Notices notices={notices} onDismiss={() => {}} />);
    expect(screen.getByText(/Device check of the files as written, one cluster: every node comes up and joins\./)).toBeTruthy();
    const items = [...screen.getByRole('status').querySelectorAll<HTMLElement>('.opened-file-checks > ul > li')];
    expect(items.map((li) => li.querySelector('summary')!.textContent)).toEqual([
      '✓ cp-1.yaml (cp-1, rke2-server): comes up and joins',
      '✓ w-1.yaml (w-1, rke2-agent): comes up and joins',
    ]);
    expect(items[0]!.querySelector('details')!.open).toBe(false);
    await userEvent.click(screen.getByText('cp-1.yaml (cp-1, rke2-server): comes up and joins'));
    expect(within(items[0]!).getByRole('heading', { name: 'Comes up and joins' })).toBeTruthy();
    expect(within(items[0]!).getByText('Address: 10.0.1.11/32 (assumed from its own control_plane_host)')).toBeTruthy();
    // Clean files leave no import notes: only the check is shown.
    expect(screen.queryByText('Notes on the site you opened:')).toBeNull();
  });

  it("opens the file that would not start, with RKE2's message and its source", async () => {
    const notices = await openedNotices([file('cp-1.yaml', 'cp-1', 'init', '10.0.1.11'), file('w-1.yaml', 'w-1', 'worker', '10.0.1.100')]);
    render(<Notices notices={notices} onDismiss={() => {}} />);
    expect(screen.getByText(/one cluster: 1 of 2 would not come up\./)).toBeTruthy();
    const failing = screen.getByText('w-1.yaml (w-1, rke2-agent): does not come up').closest('details')!;
    expect(failing.open).toBe(true);
    expect(within(failing).getByRole('heading', { name: /Does not come up: rke2-agent stops/ })).toBeTruthy();
    expect(within(failing).getByText(/10\.0\.1\.100 is not the init node's address, 10\.0\.1\.11/)).toBeTruthy();
    expect(within(failing).getByText(/k3s-io\/k3s pkg\/agent\/config\/config\.go/)).toBeTruthy();
    expect(within(failing).queryByRole('button', { name: 'Show in Findings' })).toBeNull();
  });

  it('shows no check for a site.json', async () => {
    const result = await openInputs([{ name: 'site.json', bytes: new TextEncoder().encode('{"version":2,"name":"x","nodes":[]}') }]);
    expect(result.ok && result.fileChecks).toBeFalsy();
  });
});
