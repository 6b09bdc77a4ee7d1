/**
 * The designer as a user drives it, in jsdom: Monaco is replaced by plain text views and the
 * analysis worker by an in-process call; everything else (forms, store, preview) is the real app.
 */
import { analyseSite } from '@rke2-edge/provider-core';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AnalysisTransport } from './lint/analysisClient.js';
import { AUTOSAVE_KEY, SET_ASIDE_PREFIX } from './state/autosaveKey.js';

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
    expect(token.className).toBe('masked');
    const before = token.value;
    await user.click(screen.getByRole('button', { name: 'Show' }));
    expect(token.className).toBe('');
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

describe('saved in this browser, shared by tabs', () => {
  const record = () =>
    JSON.parse(localStorage.getItem(AUTOSAVE_KEY) ?? 'null') as { revision: number; writer: string; site: { name: string } } | null;
  /** Waits for this tab's autosave, then saves a renamed copy as another tab would. */
  async function anotherTabSaves(name: string) {
    await waitFor(() => expect(record()?.writer).toMatch(/./));
    const mine = record()!;
    const theirs = { ...mine, revision: mine.revision + 1, writer: 'other-tab', site: { ...mine.site, name } };
    localStorage.setItem(AUTOSAVE_KEY, JSON.stringify(theirs));
    return { mine, theirs: JSON.stringify(theirs) };
  }
  /** Captures downloads: file name and text of each. */
  function captureDownloads() {
    const blobs: Blob[] = [];
    const names: string[] = [];
    Object.assign(URL, { createObjectURL: (blob: Blob) => (blobs.push(blob), 'blob:test'), revokeObjectURL: () => undefined });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const text = (blob: Blob) =>
      new Promise<string>((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as string);
        reader.readAsText(blob);
      });
    return { names, texts: () => Promise.all(blobs.map(text)) };
  }
  /** A fresh page: the app module (its store and autosave) loaded anew, as on a reload. */
  async function reloadApp() {
    vi.resetModules();
    const { default: FreshApp } = await import('./App.js');
    render(<FreshApp launch={{ kind: 'resume' }} />);
  }
  afterEach(() => vi.restoreAllMocks());

  it("a stale tab does not write over another tab's newer save when hidden, and loads it on request (undoable)", async () => {
    const user = await openTemplate('ha');
    const { theirs } = await anotherTabSaves('from-other-tab');
    const host = screen.getByRole('textbox', { name: /^Control-plane host/ });
    await user.clear(host);
    await user.type(host, '192.168.10.99');
    await act(async () => void window.dispatchEvent(new Event('pagehide')));
    await act(async () => void document.dispatchEvent(new Event('visibilitychange')));
    expect(localStorage.getItem(AUTOSAVE_KEY)).toBe(theirs);
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toMatch(
      /This site was changed in another tab\. Another tab of the designer in this browser saved "from-other-tab".*not saved until you choose/,
    );
    expect(screen.getByText(/^Not saved: this site was changed in another tab/)).toBeTruthy();
    await new Promise((r) => setTimeout(r, 400)); // the autosave timer passes: still nothing written
    expect(localStorage.getItem(AUTOSAVE_KEY)).toBe(theirs);

    await user.click(screen.getByRole('button', { name: "Load the other tab's version" }));
    expect(screen.getByRole('heading', { name: /— from-other-tab/ })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('Saved in this browser')).toBeTruthy();
    expect(localStorage.getItem(AUTOSAVE_KEY)).toBe(theirs);

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(screen.getByRole('heading', { name: /— ha-site/ })).toBeTruthy();
    expect((screen.getByRole('textbox', { name: /^Control-plane host/ }) as HTMLInputElement).value).toBe('192.168.10.99');
    await waitFor(() => expect(record()).toMatchObject({ revision: JSON.parse(theirs).revision + 1, site: { name: 'ha-site' } }));
    expect(record()?.writer).not.toBe('other-tab');
  });

  it("hears another tab's save at once, downloads this tab's version, and keeps it when asked", async () => {
    const user = await openTemplate('single-node');
    const { mine, theirs } = await anotherTabSaves('from-other-tab');
    await act(async () => void window.dispatchEvent(new StorageEvent('storage', { key: AUTOSAVE_KEY, newValue: theirs })));
    expect(screen.getByRole('alert').textContent).toMatch(/This site was changed in another tab/);

    const downloads = captureDownloads();
    await user.click(screen.getByRole('button', { name: "Download this tab's version" }));
    expect(downloads.names).toEqual(['site.json']);
    expect(JSON.parse((await downloads.texts())[0]!)).toMatchObject({ name: mine.site.name });

    await user.click(screen.getByRole('button', { name: "Keep this tab's version" }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(record()).toMatchObject({ revision: JSON.parse(theirs).revision + 1, writer: mine.writer, site: { name: mine.site.name } });
  });

  it('says nothing when another tab saved the very same site', async () => {
    await openTemplate('single-node');
    await waitFor(() => expect(record()?.writer).toMatch(/./));
    const same = { ...record()!, revision: record()!.revision + 1, writer: 'other-tab' };
    localStorage.setItem(AUTOSAVE_KEY, JSON.stringify(same));
    await act(async () => void window.dispatchEvent(new StorageEvent('storage', { key: AUTOSAVE_KEY })));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('reopens a site saved before revisions existed', async () => {
    localStorage.setItem(
      AUTOSAVE_KEY,
      JSON.stringify({
        format: 1,
        savedAt: '2025-01-01T00:00:00.000Z',
        site: {
          version: 1,
          name: 'old-format',
          cluster: { token: 'Zq8vN3kP2wX7mR4tY9bL6cF1hJ5dG0sA', controlPlaneHost: '10.0.0.1' },
          nodes: [{ name: 'n1', role: 'init', address: '10.0.0.1/24' }],
        },
      }),
    );
    await reloadApp();
    expect(await screen.findByRole('heading', { name: /— old-format/ })).toBeTruthy();
  });

  it.each([
    ['savedAt is an object', JSON.stringify({ format: 1, savedAt: {}, site: {} })],
    ['savedAt cannot become text', JSON.stringify({ format: 1, savedAt: { toString: 1, valueOf: 1 }, site: {} })],
    ['revision is garbage', JSON.stringify({ format: 1, savedAt: '', revision: 'x', site: {} })],
    ['the record is null', 'null'],
    ['the record is a list', '[]'],
  ])('starts on a notice, not a crash, when %s, and sets the record aside', async (_, raw) => {
    localStorage.setItem(AUTOSAVE_KEY, raw);
    await reloadApp();
    const notice = await screen.findByRole('alert');
    expect(notice.textContent).toMatch(
      /^The site saved in this browser could not be read: .*It was kept under the key "rke2-edge-designer:unreadable:/,
    );
    expect(screen.getByRole('heading', { name: 'New site' })).toBeTruthy();
    expect(localStorage.getItem(AUTOSAVE_KEY)).toBeNull();
    const kept = Object.keys(localStorage).filter((k) => k.startsWith(SET_ASIDE_PREFIX));
    expect(kept.map((k) => localStorage.getItem(k))).toEqual([raw]);
  });

  it('offers an unreadable record it could not set aside as a download, and saves nothing over it until then', async () => {
    const raw = JSON.stringify({ format: 1, savedAt: {}, site: { name: 'precious' } });
    localStorage.setItem(AUTOSAVE_KEY, raw);
    const setItem = Storage.prototype.setItem;
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(function (this: Storage, key: string, value: string) {
      if (key.startsWith(SET_ASIDE_PREFIX)) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      setItem.call(this, key, value);
    });
    const user = userEvent.setup();
    await reloadApp();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(
      /could not be read, and could not be set aside\..*savedAt.*Moving it to its own key failed \(this browser's storage for the designer is full\), so it is still under the key "rke2-edge-designer:site"\. Nothing will be saved over it until you download it or discard it\./,
    );
    expect(alert.textContent).not.toMatch(/kept under/);

    // A new site does not write over it; the designer says why and still offers the download.
    await user.click(screen.getByRole('button', { name: /HA: 3 control planes/ }));
    await screen.findByRole('heading', { name: /— ha-site/ });
    await new Promise((r) => setTimeout(r, 400));
    expect(localStorage.getItem(AUTOSAVE_KEY)).toBe(raw);
    expect(screen.getByText(/^Not saved: an unreadable saved site is in the way/)).toBeTruthy();
    await act(async () => void window.dispatchEvent(new Event('pagehide')));
    expect(localStorage.getItem(AUTOSAVE_KEY)).toBe(raw);

    const downloads = captureDownloads();
    await user.click(screen.getByRole('button', { name: 'Download the unreadable data' }));
    expect(downloads.names).toEqual([expect.stringMatching(/^rke2-edge-unreadable-\d{4}-\d\d-\d\dT[\d-]+Z\.json$/)]);
    expect(await downloads.texts()).toEqual([raw]);
    // Downloaded: now the open site is saved over it.
    expect(screen.queryByRole('alert')).toBeNull();
    expect(record()).toMatchObject({ site: { name: 'ha-site' } });
  });
});
