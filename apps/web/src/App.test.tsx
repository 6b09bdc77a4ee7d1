/**
 * The designer as a user drives it, in jsdom: Monaco is replaced by plain text views and the
 * analysis worker by an in-process call; everything else (forms, store, preview) is the real app.
 */
import { analyseSite } from '@rke2-edge/provider-core';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AnalysisTransport } from './lint/analysisClient.js';

vi.mock('./monaco/LazyMonaco.js', () => ({
  CodeViewer: ({ text, label }: { text: string; label: string }) => <pre aria-label={label}>{text}</pre>,
  YamlEditor: ({ value, onChange, label }: { value: string; onChange: (v: string) => void; label: string }) => (
    <textarea aria-label={label} defaultValue={value} onChange={(e) => onChange(e.target.value)} />
  ),
  DiffViewer: ({ original, modified }: { original: string; modified: string }) => <pre>{`${original}\n---\n${modified}`}</pre>,
  preloadMonaco: () => undefined,
}));

vi.mock('./lint/analysisClient.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('./lint/analysisClient.js')>();
  const inProcess = (): AnalysisTransport => {
    let handler: Parameters<AnalysisTransport['onResponse']>[0] = () => undefined;
    return {
      post: (request) => queueMicrotask(() => handler({ id: request.id, ok: true, analysis: analyseSite(request.site) })),
      onResponse: (h) => void (handler = h),
      close: () => undefined,
    };
  };
  return { ...original, workerTransport: inProcess };
});

const { default: App } = await import('./App.js');

// jsdom has no layout; give elements a size so the virtualised nodes table renders its rows.
for (const size of ['clientHeight', 'clientWidth', 'offsetHeight', 'offsetWidth']) {
  Object.defineProperty(HTMLElement.prototype, size, { configurable: true, get: () => 600 });
}

afterEach(() => {
  cleanup();
  localStorage.clear();
});

async function openTemplate(id: string) {
  const user = userEvent.setup();
  render(<App launch={{ kind: 'template', id }} />);
  await screen.findByRole('heading', { name: /RKE2 Edge Designer/ });
  return user;
}

const fileText = (path: string) => screen.getByRole('region', { name: path }).querySelector('pre')!.textContent ?? '';

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

    await user.type(editor, ']');
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

  it('keeps the token masked until asked, and regenerates it', async () => {
    const user = await openTemplate('single-node');
    const token = screen.getByLabelText('Cluster token') as HTMLInputElement;
    expect(token.type).toBe('password');
    const before = token.value;
    await user.click(screen.getByRole('button', { name: 'Show' }));
    expect(token.type).toBe('text');
    await user.click(screen.getByRole('button', { name: 'Regenerate' }));
    expect(token.value).not.toBe(before);
    expect(token.value).toMatch(/^[A-Za-z0-9]{48}$/);
    await act(async () => undefined);
    expect(fileText('user-data')).toContain(`cluster_token: ${token.value}`);
  });

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

  it('diffs a node before and after the last edit, and copies its user-data', async () => {
    const user = await openTemplate('single-node');
    const host = screen.getByRole('textbox', { name: 'Control-plane host' });
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
