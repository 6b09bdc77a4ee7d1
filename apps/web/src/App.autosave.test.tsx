/**
 * The designer saving in this browser, in jsdom (see testing/appHarness.tsx): a fresh page per
 * test, tabs that share the save, unreadable records.
 */
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_KEY, SET_ASIDE_PREFIX } from './state/autosaveKey.js';
import { openTemplate, renderApp } from './testing/appHarness.js';

vi.mock('./monaco/LazyMonaco.js', () => import('./testing/monacoStub.js'));

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
  /** A fresh page, as on a reload: new services read what this browser saved. */
  const reloadApp = () => renderApp({ kind: 'resume' });
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
    reloadApp();
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
    reloadApp();
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
    reloadApp();
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
