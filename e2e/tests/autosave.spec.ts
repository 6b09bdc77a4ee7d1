/**
 * Nothing lost in the browser: two tabs on one site notice each other and the user chooses which
 * version to keep; a stale tab never writes over newer work when hidden or closed; an unreadable
 * saved site is set aside, or, when storage is too full for that, offered as a download before
 * anything is written over it.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, seriousAxeViolations, test } from './fixtures.js';

const KEY = 'rke2-edge-designer:site';

/** Waits until the saved record holds `text` (the autosave runs 300 ms after the last edit). */
const savedWith = (page: Page, text: string) =>
  page.waitForFunction(([key, t]) => (localStorage.getItem(key!) ?? '').includes(t!), [KEY, text] as const);

const record = (page: Page) =>
  page.evaluate(
    (key) =>
      JSON.parse(localStorage.getItem(key) ?? 'null') as {
        revision: number;
        writer: string;
        site: { proxy?: { httpProxy?: string } };
      } | null,
    KEY,
  );

async function setProxy(page: Page, proxy: string) {
  await page.getByRole('tab', { name: 'Network & proxy' }).click();
  await page.getByRole('textbox', { name: 'HTTP proxy' }).fill(proxy);
}

/** Tab A builds an HA site from its template; tab B (same browser) opens the saved site. */
async function twoTabsOnOneSite(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: /HA: 3 control planes/ }).click();
  await expect(page.getByRole('heading', { name: /RKE2 Edge Designer — ha-site/ })).toBeVisible();
  await savedWith(page, '"writer"');
  const other = await page.context().newPage();
  await other.goto('/');
  await expect(other.getByRole('heading', { name: /RKE2 Edge Designer — ha-site/ })).toBeVisible();
  return other;
}

const conflictBanner = (page: Page) => page.getByRole('region', { name: 'This site was changed in another tab.' });

test('a stale tab closed with unsaved edits never writes over the newer work of another tab', async ({ page }, testInfo) => {
  const tabB = await test.step('open the site in two tabs', () => twoTabsOnOneSite(page));
  // Tab A records that its pagehide ran, so the test knows the flush on hide was tried.
  await page.evaluate(() => window.addEventListener('pagehide', () => localStorage.setItem('test:pagehide-seen', 'yes')));

  await test.step('tab B saves a newer proxy', async () => {
    await setProxy(tabB, 'http://newer-in-b.example:3128');
    await savedWith(tabB, 'newer-in-b');
  });

  await test.step('tab A hears of it at once, and its own edits are held back', async () => {
    await expect(conflictBanner(page)).toBeVisible();
    await setProxy(page, 'http://stale-in-a.example:3128');
    await expect(page.getByRole('status').filter({ hasText: 'Not saved: this site was changed in another tab' })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('stale-tab-before-close.png') });
  });

  await test.step('close tab A: tab B keeps its newer work, also after a reload', async () => {
    await page.close();
    await tabB.waitForFunction(() => localStorage.getItem('test:pagehide-seen') === 'yes');
    expect((await record(tabB))?.site.proxy?.httpProxy).toBe('http://newer-in-b.example:3128');
    await tabB.reload();
    await expect(tabB.getByRole('heading', { name: /RKE2 Edge Designer — ha-site/ })).toBeVisible();
    await tabB.getByRole('tab', { name: 'Network & proxy' }).click();
    await expect(tabB.getByRole('textbox', { name: 'HTTP proxy' })).toHaveValue('http://newer-in-b.example:3128');
    await expect(conflictBanner(tabB)).toHaveCount(0);
  });
});

test.describe('on the Network & proxy section', () => {
  test("the stale tab loads the other tab's version, or keeps its own and the other tab is told", async ({ page }, testInfo) => {
    const tabB = await test.step('open the site in two tabs', () => twoTabsOnOneSite(page));
    await test.step('tab B saves a proxy', async () => {
      await setProxy(tabB, 'http://from-b.example:3128');
      await savedWith(tabB, 'from-b');
    });

    const banner = conflictBanner(page);
    await test.step('tab A shows the conflict, readable at 1280 and 800 px', async () => {
      await expect(banner).toBeVisible();
      await expect(banner.getByRole('alert')).toContainText('Another tab of the designer in this browser saved "ha-site"');
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath('conflict-1280.png') });
      await page.setViewportSize({ width: 800, height: 720 });
      await expect(banner.getByRole('button', { name: "Load the other tab's version" })).toBeInViewport();
      await page.screenshot({ path: testInfo.outputPath('conflict-800.png') });
      await page.setViewportSize({ width: 1280, height: 720 });
    });

    // Load it: tab A now shows tab B's edit, and writes nothing back.
    const before = await record(page);
    await test.step("tab A loads the other tab's version", async () => {
      await banner.getByRole('button', { name: "Load the other tab's version" }).click();
      await expect(banner).toHaveCount(0);
      await page.getByRole('tab', { name: 'Network & proxy' }).click();
      await expect(page.getByRole('textbox', { name: 'HTTP proxy' })).toHaveValue('http://from-b.example:3128');
      await expect(page.getByRole('status').filter({ hasText: 'Saved in this browser' })).toBeVisible();
      expect(await record(page)).toEqual(before);
    });

    await test.step('tab A edits on top; tab B, now stale, keeps its own version and A is told', async () => {
      // Tab A edits on top of it; now tab B is the stale one, keeps its own version, and A is told.
      await setProxy(page, 'http://from-a.example:3128');
      await savedWith(page, 'from-a');
      await expect(conflictBanner(tabB)).toBeVisible();
      await conflictBanner(tabB).getByRole('button', { name: "Keep this tab's version" }).click();
      await expect(conflictBanner(tabB)).toHaveCount(0);
      await savedWith(tabB, 'from-b');
      const kept = await record(tabB);
      expect(kept?.revision).toBeGreaterThan(before!.revision + 1);
      await expect(conflictBanner(page)).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath('conflict-after-keep.png') });
    });
  });
});

test('a saved record whose savedAt is an object reloads to a notice, not a crash', async ({ page }) => {
  await page.goto('/');
  const raw = JSON.stringify({ format: 1, savedAt: {}, revision: 3, writer: 'x', site: { version: 1, name: 'plant' } });
  await test.step('save a record with an object as savedAt, and reload', async () => {
    await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [KEY, raw] as const);
    await page.reload();
  });
  await expect(page.getByRole('alert')).toContainText(
    /could not be read: the saved site's record is damaged \(savedAt: .*kept under the key "rke2-edge-designer:unreadable:/,
  );
  await expect(page.getByRole('heading', { name: 'New site' })).toBeVisible();
  const kept = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('rke2-edge-designer:unreadable:'))
      .map((k) => localStorage.getItem(k)),
  );
  expect(kept).toEqual([raw]);
});

test('an unreadable record that storage is too full to set aside is offered as a download, and kept until then', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  // Unreadable (savedAt is an object), and padded so that the site saved later fits in its place.
  const raw = JSON.stringify({ format: 1, savedAt: {}, site: { name: 'precious' }, padding: 'x'.repeat(30_000) });
  await test.step('save an unreadable record and fill the storage', () =>
    page.evaluate(
      ([key, value]) => {
        localStorage.setItem(key!, value!);
        // Fill the rest of this origin's storage.
        for (let size = 1 << 20, n = 0; size >= 16; size >>= 1) {
          try {
            for (;;) localStorage.setItem(`test:filler:${n++}`, 'f'.repeat(size));
          } catch {
            // full at this size: try smaller pieces
          }
        }
      },
      [KEY, raw] as const,
    ));
  await page.reload();

  const banner = page.getByRole('region', { name: /could not be read, and could not be set aside/ });
  await expect(banner.getByRole('alert')).toContainText(
    /savedAt.*Moving it to its own key failed \(this browser's storage for the designer is full\), so it is still under the key "rke2-edge-designer:site"\. Nothing will be saved over it until you download it or discard it\./,
  );
  await expect(page.getByText(/kept under the key/)).toHaveCount(0);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('unreadable-full-1280.png') });
  await page.setViewportSize({ width: 800, height: 720 });
  await page.screenshot({ path: testInfo.outputPath('unreadable-full-800.png') });
  await page.setViewportSize({ width: 1280, height: 720 });

  await test.step('a new site does not write over it', async () => {
    await page.getByRole('button', { name: /HA: 3 control planes/ }).click();
    await expect(page.getByRole('heading', { name: /RKE2 Edge Designer — ha-site/ })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Not saved: an unreadable saved site is in the way' })).toBeVisible();
    await expect(banner).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('unreadable-full-designer.png') });
    expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe(raw);
  });

  await test.step('downloaded, it is written over by the open site', async () => {
    const download = page.waitForEvent('download');
    await banner.getByRole('button', { name: 'Download the unreadable data' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^rke2-edge-unreadable-\d{4}-\d\d-\d\dT[\d-]+Z\.json$/);
    expect(readFileSync((await file.path())!, 'utf8')).toBe(raw);
    await expect(banner).toHaveCount(0);
    await savedWith(page, '"ha-site"');
    await expect(page.getByRole('status').filter({ hasText: 'Saved in this browser' })).toBeVisible();
  });
});
