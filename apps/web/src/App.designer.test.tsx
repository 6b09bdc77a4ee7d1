/**
 * Editing a site in the designer, in jsdom (see testing/appHarness.tsx): fields, nodes,
 * the preview following each edit, undo, diff.
 */
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fileText, openTemplate } from './testing/appHarness.js';

vi.mock('./monaco/LazyMonaco.js', () => import('./testing/monacoStub.js'));

describe('designer', () => {
  it('follows a proxy edit into /etc/default/rke2-server at once, and undoes it', async () => {
    const user = await openTemplate('proxy');
    await user.click(screen.getByRole('button', { name: '/etc/default/rke2-server' }));
    expect(fileText('/etc/default/rke2-server')).toContain('HTTP_PROXY=http://proxy.corp.example:3128');

    await user.click(screen.getByRole('tab', { name: 'Network & proxy' }));
    const proxy = screen.getByRole('textbox', { name: 'HTTP proxy' });
    await user.clear(proxy);
    await user.type(proxy, 'http://squid.local:8080');
    expect(fileText('/etc/default/rke2-server')).toContain('HTTP_PROXY=http://squid.local:8080');
    expect(fileText('/etc/default/rke2-server')).toMatch(/^NO_PROXY=,10\.42\.0\.0\/16,10\.43\.0\.0\/16,172\.16\.5\.11\/24,/m);

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(fileText('/etc/default/rke2-server')).toContain('HTTP_PROXY=http://proxy.corp.example:3128');
    expect(screen.getByRole('textbox', { name: 'HTTP proxy' })).toHaveProperty('value', 'http://proxy.corp.example:3128');
  });

  it('reports broken extra config YAML with its line beside the field and in the findings, and clears it when fixed', async () => {
    const user = await openTemplate('ha');
    await user.click(screen.getByRole('tab', { name: 'Advanced' }));
    const editor = screen.getByRole('textbox', { name: 'Extra RKE2 settings for every node' });
    await user.type(editor, 'debug: true{Enter}node-label: [[oops');
    const messages = await screen.findByText(/^Line 2/);
    expect(messages.closest('.field')?.contains(editor)).toBe(true);

    await user.click(screen.getByRole('tab', { name: /^Findings \(1 error,/ }));
    const finding = screen.getByRole('button', { name: /Line 2/ });
    await user.click(finding);
    expect(document.activeElement).toBe(editor);

    await user.type(editor, '{Backspace}{Backspace}{Backspace}{Backspace}{Backspace}a=b]');
    await screen.findByRole('tab', { name: /^Findings \(0 errors/ });
  });

  it('adds, duplicates and removes nodes from the table, keeping one init', async () => {
    const user = await openTemplate('ha');
    await user.click(screen.getByRole('tab', { name: 'Nodes' }));
    const table = screen.getByRole('table', { name: 'Nodes' });
    await user.click(screen.getByRole('button', { name: 'Add worker' }));
    expect(within(table).getByRole('button', { name: 'worker-3' })).toBeTruthy();
    await user.click(within(table).getByRole('button', { name: 'Duplicate cp-1' }));
    expect(within(table).getByRole('button', { name: 'cp-4' })).toBeTruthy();
    await user.selectOptions(within(table).getByRole('combobox', { name: 'Role of cp-2' }), 'init');
    expect((within(table).getByRole('combobox', { name: 'Role of cp-1' }) as HTMLSelectElement).value).toBe('controlplane');
    await user.click(within(table).getByRole('button', { name: 'Remove worker-3' }));
    expect(within(table).queryByRole('button', { name: 'worker-3' })).toBeNull();
  });

  it('keeps the token masked until asked, and regenerates it after asking, as one undoable edit', async () => {
    const user = await openTemplate('single-node');
    const token = screen.getByLabelText('Cluster token') as HTMLInputElement;
    expect(token.className).toBe('masked');
    const before = token.value;
    await user.click(screen.getByRole('button', { name: 'Show' }));
    expect(token.className).toBe('');
    const regenerate = screen.getByRole('button', { name: 'Regenerate' });
    await user.click(regenerate);
    expect(screen.getByRole('dialog', { name: 'Regenerate the cluster token?' }).textContent).toMatch(
      /already installed keep the old token/,
    );
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(regenerate);
    expect(token.value).toBe(before);
    await user.click(regenerate);
    await user.click(screen.getByRole('button', { name: 'Regenerate token' }));
    expect(document.activeElement).toBe(regenerate);
    expect(token.value).not.toBe(before);
    expect(token.value).toMatch(/^[A-Za-z0-9]{48}$/);
    await act(async () => undefined);
    expect(fileText('user-data')).toContain(`cluster_token: ${token.value}`);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(token.value).toBe(before);
  });

  it('masks the token in the preview, stages and the token field in presentation mode, and remembers the mode for the session', async () => {
    const user = await openTemplate('single-node');
    const token = (screen.getByLabelText('Cluster token') as HTMLInputElement).value;
    expect(fileText('user-data')).toContain(token);
    const toggle = screen.getByRole('button', { name: 'Presentation mode' });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(sessionStorage.getItem('rke2-edge-designer:presentation-mode')).toBe('on');
    expect(fileText('user-data')).not.toContain(token);
    expect(fileText('user-data')).toContain('cluster_token: MASKED-BY-PRESENTATION-MODE');
    expect((screen.getByRole('button', { name: 'Show' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/downloaded and copied files hold the real ones/)).toBeTruthy();
    await user.click(screen.getByRole('tab', { name: 'Boot stages' }));
    expect(document.body.textContent).not.toContain(token);
    await user.keyboard('{Control>}{Alt>}p{/Alt}{/Control}');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(sessionStorage.getItem('rke2-edge-designer:presentation-mode')).toBe('off');
  });

  it('keeps the real token when the Upgrade view sets the version in presentation mode (the view shows the masked site)', async () => {
    const user = await openTemplate('single-node');
    const token = (screen.getByLabelText('Cluster token') as HTMLInputElement).value;
    await user.click(screen.getByRole('tab', { name: 'Cluster' }));
    await user.selectOptions(screen.getByRole('combobox', { name: /^RKE2 version/ }), 'v1.35');
    await user.click(screen.getByRole('button', { name: 'Presentation mode' }));
    await user.click(screen.getByRole('tab', { name: 'Upgrade view' }));
    await user.click(screen.getByRole('button', { name: 'Set the site to v1.36' }));
    await user.click(screen.getByRole('button', { name: 'Presentation mode' }));
    expect(fileText('user-data')).toContain(`cluster_token: ${token}`);
    await user.click(screen.getByRole('tab', { name: 'Cluster' }));
    expect((screen.getByLabelText('Cluster token') as HTMLInputElement).value).toBe(token);
    expect((screen.getByRole('combobox', { name: /^RKE2 version/ }) as HTMLSelectElement).value).toBe('v1.36');
  });

  it('diffs a node before and after the last edit, and copies its user-data', async () => {
    const user = await openTemplate('single-node');
    const host = screen.getByRole('textbox', { name: /^Control-plane host/ });
    await user.clear(host);
    await user.type(host, '192.168.1.99');
    await user.click(screen.getByRole('tab', { name: 'Diff' }));
    expect((screen.getByRole('combobox', { name: 'Left' }) as HTMLSelectElement).value).toBe('before');
    const [before, after] = screen.getByTestId('diff').textContent!.split('\n---\n');
    expect(before).toContain('control_plane_host: 192.168.1.10\n');
    expect(after).toContain('control_plane_host: 192.168.1.99\n');

    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    await user.click(screen.getByRole('button', { name: 'Copy user-data' }));
    expect(writeText).toHaveBeenCalledWith(expect.stringContaining('control_plane_host: 192.168.1.99'));
    expect(await screen.findByText('User-data copied to the clipboard.')).toBeTruthy();
  });
});

describe('site format 2 in the designer', () => {
  it('asks for the kube-vip interface and image only with a kube-vip endpoint, and names the host for the choice', async () => {
    const user = await openTemplate('single-node');
    const endpoint = screen.getByRole('combobox', { name: 'Nodes reach the control plane through' });
    expect(screen.getByRole('textbox', { name: 'Control-plane host (the init node’s address)' })).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'VIP interface on the servers' })).toBeNull();
    await user.selectOptions(endpoint, 'kube-vip');
    expect(screen.getByRole('textbox', { name: 'Control-plane host (the kube-vip VIP)' })).toBeTruthy();
    expect((screen.getByRole('textbox', { name: 'VIP interface on the servers' }) as HTMLInputElement).value).toBe('eth0');
    expect((screen.getByRole('textbox', { name: 'kube-vip image' }) as HTMLInputElement).value).toMatch(/^ghcr\.io\/kube-vip\/kube-vip:v/);
    await user.selectOptions(endpoint, 'load-balancer');
    expect(screen.getByRole('textbox', { name: 'Control-plane host (your load balancer)' })).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'kube-vip image' })).toBeNull();
  });

  it('shows the cluster DNS RKE2 picks for the service network when the field is empty', async () => {
    const user = await openTemplate('single-node');
    await user.click(screen.getByRole('tab', { name: 'Network & proxy' }));
    const service = screen.getByRole('textbox', { name: 'Service network (service CIDR)' });
    await user.clear(service);
    await user.type(service, '10.101.0.0/16');
    expect(screen.getByRole('textbox', { name: 'Cluster DNS IP' }).getAttribute('placeholder')).toBe(
      '10.101.0.10 (empty: 10th address of the service network)',
    );
    expect(screen.getByRole('textbox', { name: 'Default gateway' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'DNS servers' })).toBeTruthy();
  });

  it('shows archive fields only for archives, mirrors only for a mirror, and masks the registry key until shown', async () => {
    const user = await openTemplate('single-node');
    await user.click(screen.getByRole('tab', { name: 'Air-gap & registries' }));
    const source = screen.getByRole('combobox', { name: 'Images come from' });
    expect(screen.queryByRole('textbox', { name: 'Image archives' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add mirror' })).toBeNull();
    await user.selectOptions(source, 'archives');
    expect(screen.getByRole('textbox', { name: 'Image archives' })).toBeTruthy();
    await user.selectOptions(source, 'mirror');
    expect(screen.queryByRole('textbox', { name: 'Image archives' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Add mirror' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Add registry' }));
    const ca = screen.getByRole('textbox', { name: 'CA certificate (PEM)' });
    expect(ca.tagName).toBe('TEXTAREA');
    const key = screen.getByRole('textbox', { name: 'Client key (PEM)' });
    expect(key.className).toBe('masked');
    await user.click(screen.getByRole('button', { name: 'Show client key of registry 1' }));
    expect(key.className).toBe('');
    // Presentation mode hides it again and will not show it.
    await user.click(screen.getByRole('button', { name: 'Presentation mode' }));
    expect(key.className).toBe('masked');
    expect((screen.getByRole('button', { name: 'Show client key of registry 1' }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('tab', { name: 'Kairos OS' }));
    expect(screen.getByRole('textbox', { name: 'Password hash' }).className).toBe('masked');
    await user.click(screen.getByRole('button', { name: 'Presentation mode' }));
    expect(screen.getByRole('textbox', { name: 'Password hash' }).className).toBe('');
  });

  it('offers an explicit no-login choice', async () => {
    const user = await openTemplate('single-node');
    await user.click(screen.getByRole('tab', { name: 'Kairos OS' }));
    const noLogin = screen.getByRole('checkbox', { name: 'No login (nobody can log in)' }) as HTMLInputElement;
    if (noLogin.checked) await user.click(noLogin);
    expect(screen.queryByText(/Nobody can log in to a node/)).toBeNull();
    await user.click(noLogin);
    expect(noLogin.checked).toBe(true);
    expect(screen.getByText(/Nobody can log in to a node/)).toBeTruthy();
  });

  it("edits a node's addressing and MAC, and lists DHCP reservations for the network team on the site sheet", async () => {
    const user = await openTemplate('single-node');
    await user.click(screen.getByRole('tab', { name: 'Nodes' }));
    const form = screen.getByRole('group', { name: 'Node edge-1' });
    expect(within(form).queryByRole('textbox', { name: 'Interface' })).toBeNull();
    await user.type(within(form).getByRole('textbox', { name: 'MAC address' }), '52:54:00:12:34:56');
    expect(within(screen.getByRole('table', { name: 'Nodes' })).getByText('52:54:00:12:34:56')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Export…' }));
    await user.click(screen.getByRole('button', { name: 'Open the site sheet for printing', hidden: true }));
    const reservations = screen.getByRole('region', { name: 'DHCP reservations (for the network team)' });
    expect(within(reservations).getByRole('row', { name: 'edge-1 52:54:00:12:34:56 192.168.1.10' })).toBeTruthy();
    const needs = screen.getByRole('region', { name: 'What each device needs' });
    expect(within(needs).getByRole('rowheader', { name: 'edge-1' })).toBeTruthy();
    expect(within(needs).getByText('DHCP reservation of 192.168.1.10 for MAC 52:54:00:12:34:56')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Back to the designer' }));

    await user.click(screen.getByRole('tab', { name: 'Nodes' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Addressing' }), 'static');
    expect(screen.getByRole('textbox', { name: 'Interface' })).toBeTruthy();
  });
});
