/**
 * Opened cloud-configs show each file's Device check as written, next to the import notes: what
 * openInputs gives (the worker's answer) through the notices the designer shows.
 */
import { openInputs } from '@rke2-edge/provider-core';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReactNode } from 'react';
import { SiteStoreContext } from '../state/siteContext.js';
import { SiteStore } from '../state/siteStore.js';
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

let store = new SiteStore();

/** Opens the files as the designer does: the site into the store, the notices with its node ids. */
async function openedNotices(files: ReturnType<typeof file>[]): Promise<Notice[]> {
  const result = await openInputs(files);
  if (!result.ok) throw new Error(result.message);
  store = new SiteStore();
  store.open(result.site);
  return [...fileCheckNotices(result, store.getState().nodeIds), ...result.notes.map((text): Notice => ({ kind: 'info', text }))];
}

const inStore = (children: ReactNode) => <SiteStoreContext.Provider value={store}>{children}</SiteStoreContext.Provider>;

describe('opened cloud-configs: the Device check of each file', () => {
  it('lists every file that comes up, closed, with the same verdict as the preview', async () => {
    const notices = await openedNotices([file('cp-1.yaml', 'cp-1', 'init', '10.0.1.11'), file('w-1.yaml', 'w-1', 'worker', '10.0.1.11')]);
    render(inStore(<Notices notices={notices} onDismiss={() => {}} />));
    expect(screen.getByText(/Device check of the files as written, one cluster: every node comes up and joins\./)).toBeTruthy();
    const items = [...document.querySelectorAll<HTMLElement>('.opened-file-checks > ul > li')];
    expect(items.map((li) => li.querySelector('summary')!.textContent)).toEqual([
      '✓ cp-1.yaml (cp-1, rke2-server): comes up and joins',
      '✓ w-1.yaml (w-1, rke2-agent): comes up and joins',
    ]);
    expect(items[0]!.querySelector('details')!.open).toBe(false);
    await userEvent.click(screen.getByText('cp-1.yaml (cp-1, rke2-server): comes up and joins'));
    expect(within(items[0]!).getByRole('heading', { name: 'Comes up and joins' })).toBeTruthy();
    expect(within(items[0]!).getByText('Address: 10.0.1.11/32 (assumed from its own control_plane_host)')).toBeTruthy();
    // The heading comes first, with Dismiss next to it; clean files leave only the endpoint note.
    const region = screen.getByRole('region', { name: 'Notes on the site you opened' });
    expect(region.firstElementChild!.textContent).toBe('Notes on the site you opened' + 'Dismiss');
    expect(within(region).getAllByRole('listitem')[0]!.textContent).toMatch(/^The control-plane endpoint is the init node/);
    expect(screen.queryByText(/Between the files/)).toBeNull();
  });

  it("opens the file that would not start, with RKE2's message and its source", async () => {
    const notices = await openedNotices([file('cp-1.yaml', 'cp-1', 'init', '10.0.1.11'), file('w-1.yaml', 'w-1', 'worker', '10.0.1.100')]);
    render(inStore(<Notices notices={notices} onDismiss={() => {}} />));
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

describe('opened cloud-configs: the addresses the check uses', () => {
  const files = () => [file('cp-1.yaml', 'cp-1', 'init', '10.0.1.11'), file('cp-2.yaml', 'cp-2', 'controlplane', '10.0.1.11')];
  const summaries = () => [...document.querySelectorAll('.opened-file-checks summary')].map((s) => s.textContent);

  it('runs the check again with a typed address: the init node elsewhere fails the joining server, a load balancer answers for it', async () => {
    const notices = await openedNotices(files());
    render(inStore(<Notices notices={notices} onDismiss={() => {}} />));
    expect(screen.getByLabelText('cp-1 (cp-1.yaml)')).toBeTruthy();
    expect(screen.getByText(/Without one, the check assumes 10\.0\.1\.11\/32/)).toBeTruthy();
    await userEvent.type(screen.getByLabelText('cp-1 (cp-1.yaml)'), '10.0.1.15/24');
    // The field shows what was typed at once; the check runs after a pause, saying so meanwhile.
    expect((screen.getByLabelText('cp-1 (cp-1.yaml)') as HTMLInputElement).value).toBe('10.0.1.15/24');
    expect(screen.getByText('Checking the files again with what you typed…')).toBeTruthy();
    await waitFor(() => expect(summaries()[1]).toMatch(/does not come up/));
    expect(summaries()).toEqual([
      '✓ cp-1.yaml (cp-1, rke2-server): comes up and joins',
      '✕ cp-2.yaml (cp-2, rke2-server): does not come up',
    ]);
    expect(screen.getByText(/Device check of the files with the addresses given, one cluster: 1 of 2 would not come up\./)).toBeTruthy();
    expect(screen.getByText(/10\.0\.1\.11 is not the init node's address, 10\.0\.1\.15/)).toBeTruthy();
    await userEvent.click(screen.getByLabelText(/A load balancer of mine answers at control_plane_host/));
    await waitFor(() => expect(summaries()[1]).toBe('✓ cp-2.yaml (cp-2, rke2-server): comes up and joins'));
  });

  it('says at the field what is no address with prefix, and checks without it', async () => {
    const notices = await openedNotices(files());
    render(inStore(<Notices notices={notices} onDismiss={() => {}} />));
    const field = screen.getByLabelText('cp-1 (cp-1.yaml)');
    await userEvent.type(field, '10.0.1.15');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById(field.getAttribute('aria-describedby')!)!;
    expect(message.textContent).toBe(
      'error: cp-1.yaml: 10.0.1.15 has no prefix length: write the address with its prefix, e.g. 10.0.1.15/24; the check runs without it.',
    );
    expect(summaries().every((s) => s!.startsWith('✓'))).toBe(true);
  });

  it('keeps what was typed when the notices are shown again, and sets the addresses on the site as one undoable edit', async () => {
    const notices = await openedNotices(files());
    const first = render(inStore(<Notices notices={notices} onDismiss={() => {}} />));
    const apply = () => screen.getByRole('button', { name: "Set these addresses on the site's nodes" }) as HTMLButtonElement;
    // aria-disabled keeps the button in the Tab order and focused after use.
    const disabled = () => apply().getAttribute('aria-disabled') === 'true';
    expect(disabled()).toBe(true);
    await userEvent.type(screen.getByLabelText('cp-2 (cp-2.yaml)'), '10.0.1.12/24');
    await waitFor(() => expect(disabled()).toBe(false));
    first.unmount();
    render(inStore(<Notices notices={notices} onDismiss={() => {}} />));
    expect((screen.getByLabelText('cp-2 (cp-2.yaml)') as HTMLInputElement).value).toBe('10.0.1.12/24');
    expect(await screen.findByText('cp-2: one edit, undoable.')).toBeTruthy();
    const before = store.getState().site!;
    // The import chose the endpoint the check assumes.
    expect(before.cluster.endpoint).toBe('init-node');
    await userEvent.click(apply());
    const after = store.getState().site!;
    expect(after.nodes.map((n) => n.address)).toEqual(['', '10.0.1.12/24']);
    expect(after.cluster.endpoint).toBe('init-node');
    expect(store.getState().lastEdit).toBe('Set node addresses from the Device check');
    expect(
      screen.getByText(/Set on the site's nodes: cp-2 10\.0\.1\.12\/24; the control-plane host is served by the init node\./),
    ).toBeTruthy();
    expect(disabled()).toBe(true);
    expect(document.activeElement).toBe(apply());
    // Clicking it again does nothing.
    await userEvent.click(apply());
    expect(store.getState().lastEdit).toBe('Set node addresses from the Device check');
    store.perform({ kind: 'history', id: 'undo', label: 'Undo', shortcuts: [] });
    expect(store.getState().site).toEqual(before);
    expect(await screen.findByText('cp-2: one edit, undoable.')).toBeTruthy();
  });
});

describe('opened cloud-configs: fields by file, names escaped, a refusal with its check', () => {
  it('gives each file its own field, by index: a file named like another node, two files of one name', async () => {
    const notices = await openedNotices([
      file('cp-1', 'cp-2', 'controlplane', '10.0.1.11'),
      file('cp-1.yaml', 'cp-1', 'init', '10.0.1.11'),
      file('w.yaml', 'w-1', 'worker', '10.0.1.11'),
      file('w.yaml', 'w-2', 'worker', '10.0.1.11'),
    ]);
    render(inStore(<Notices notices={notices} onDismiss={() => {}} />));
    await userEvent.type(screen.getByLabelText('cp-2 (cp-1)'), '10.0.1.12/24');
    await userEvent.type(screen.getByLabelText('w-2 (w.yaml)'), '10.0.1.22/24');
    expect((screen.getByLabelText('w-1 (w.yaml)') as HTMLInputElement).value).toBe('');
    await waitFor(() => expect(screen.getByText(/with the addresses given/)).toBeTruthy());
    const addresses = [...document.querySelectorAll('.opened-file-checks > ul > li details > p.field-hint')].map((p) => p.textContent);
    expect(addresses).toEqual([
      'Address: 10.0.1.12/24 (as you gave it)',
      'Address: 10.0.1.11/32 (assumed from its own control_plane_host)',
      'Address: not known',
      'Address: 10.0.1.22/24 (as you gave it)',
    ]);
  });

  it('shows file and node names with control characters escaped, as the CLI prints them', async () => {
    const notices = await openedNotices([
      file('cp\u202e1.yaml', 'cp-1', 'init', '10.0.1.11'),
      file('w\x1b[2J.yaml', 'w-1', 'worker', '10.0.1.11'),
    ]);
    render(inStore(<Notices notices={notices} onDismiss={() => {}} />));
    expect(screen.getByLabelText('cp-1 (cp\\u{202E}1.yaml)')).toBeTruthy();
    expect(summaries()).toEqual([
      '✓ cp\\u{202E}1.yaml (cp-1, rke2-server): comes up and joins',
      '✓ w\\u{1B}[2J.yaml (w-1, rke2-agent): comes up and joins',
    ]);
    expect(document.body.textContent).not.toMatch(/[\u202e\x1b]/);
  });

  it('shows the Device check and the notes between the files when the import is refused', async () => {
    const bad = {
      name: 'bad.yaml',
      bytes: new TextEncoder().encode(
        `#cloud-config\ncluster:\n  cluster_token: "${TOKEN}\\nrole: init"\n  control_plane_host: 10.0.1.12\n  role: worker\n`,
      ),
    };
    const result = await openInputs([file('cp-1.yaml', 'cp-1', 'init', '10.0.1.11'), bad]);
    if (result.ok) throw new Error('opened');
    render(inStore(<Notices notices={[{ kind: 'error', text: result.message }, ...fileCheckNotices(result, [])]} onDismiss={() => {}} />));
    expect(screen.getByRole('heading', { name: 'Nothing was opened; your site is unchanged' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toMatch(/bad\.yaml.*cluster_token/);
    expect(summaries()).toHaveLength(2);
    const between = screen.getByRole('region', { name: /Between the files/ });
    expect(within(between).getByText('bad.yaml:4')).toBeTruthy();
    expect(within(between).getAllByText('Error').length).toBeGreaterThan(0);
    // Lint's fix follows the message.
    expect(between.textContent).toMatch(/Fix: [^.]+\./);
    // No site was made: no nodes to set addresses on.
    expect(screen.queryByRole('button', { name: "Set these addresses on the site's nodes" })).toBeNull();
  });
});

const summaries = () => [...document.querySelectorAll('.opened-file-checks summary')].map((s) => s.textContent);
