/**
 * The hostile corpus (packages/provider-core/test/hostile) opened in Chromium as a field
 * technician would receive it: picked as a file or followed as a share link, with a site already
 * open. Every case ends in a clear refusal or in the site with its finding shown; unsafe sites
 * offer no download at all; the page never crashes, Object.prototype is untouched, and the site
 * that was open is not lost.
 */
import type { Page } from '@playwright/test';
import { HOSTILE_CASES, type HostileCase } from '../../packages/provider-core/test/hostile/hostileCorpus.js';
import { SECURITY_CODES } from '@rke2-edge/provider-core';
import { expect, test } from './fixtures.js';

/** Chromium does not navigate to URLs over 2 MiB, so a longer link never reaches the app. */
const CHROMIUM_URL_LIMIT = 2 * 1024 * 1024;

async function prototypeKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => [...Object.getOwnPropertyNames(Object.prototype), ...Object.keys({})].sort());
}

/** The site saved in this browser: the app's own record. */
async function savedSiteName(page: Page): Promise<string | null> {
  return page.evaluate(
    () =>
      (JSON.parse(localStorage.getItem('rke2-edge-designer:site') ?? 'null') as { site?: { name?: string } } | null)?.site?.name ?? null,
  );
}

/** Opens an HA site from its template and waits until it is saved: the work that must not be lost. */
async function workInProgress(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: /HA: 3 control planes/ }).click();
  await expect(page.getByRole('heading', { name: /RKE2 Edge Designer —/ })).toBeVisible();
  await page.waitForFunction(() => localStorage.getItem('rke2-edge-designer:site') !== null);
  return savedSiteName(page);
}

async function deliver(page: Page, c: HostileCase) {
  const { input } = c;
  if (input.kind === 'share-link') {
    await page.goto(`/${input.fragment()}`);
  } else {
    await page.getByRole('button', { name: 'New or open…' }).click();
    await page
      .getByLabel('Site or cloud-config files')
      .setInputFiles({ name: input.name, mimeType: 'application/octet-stream', buffer: Buffer.from(input.bytes()) });
  }
}

const isSecurity = (code: string) => (SECURITY_CODES as readonly string[]).includes(code);

for (const c of HOSTILE_CASES) {
  test(`hostile ${c.class}: ${c.id}`, async ({ page }) => {
    test.skip(
      c.input.kind === 'share-link' && c.input.fragment().length > CHROMIUM_URL_LIMIT,
      'Chromium does not navigate to a URL this long; the CLI test covers it',
    );
    const before = await test.step('open an HA site: the work that must not be lost', () => workInProgress(page));
    const keys = await prototypeKeys(page);
    await test.step(`receive it as ${c.input.kind === 'share-link' ? 'a share link' : 'a file'}`, () => deliver(page, c));
    const expected = c.expect;
    if ('refused' in expected || ('finding' in expected && c.input.kind === 'cloud-config' && isSecurity(expected.finding))) {
      const alert = page.getByRole('alert').filter({ hasText: /./ }).first();
      // Large hostile inputs take a while to be read and refused on a busy machine.
      await expect(alert).toBeVisible({ timeout: 30_000 });
      if ('refused' in expected) await expect(alert).toHaveText(expected.refused);
      else await expect(alert).toContainText(`[${expected.finding}]`);
      expect(await savedSiteName(page)).toBe(before);
    } else {
      await expect(page.getByRole('heading', { name: /RKE2 Edge Designer —/ })).toBeVisible({ timeout: 30_000 });
      if ('mustNotShow' in expected && expected.mustNotShow) await expect(page.locator('body')).not.toContainText(expected.mustNotShow);
      if ('finding' in expected) {
        await page.getByRole('tab', { name: /^Findings/ }).click();
        await expect(page.getByText(`[${expected.finding}]`).first()).toBeVisible({ timeout: 30_000 });
        if (isSecurity(expected.finding)) {
          await expect(page.getByRole('group', { name: /for the field/ })).toContainText('No files for devices');
          await page.getByRole('button', { name: 'Export…' }).click();
          const dialog = page.getByRole('dialog');
          await expect(dialog.getByRole('alert')).toContainText('unsafe value');
          await expect(dialog.getByRole('button', { name: /Download/ })).toHaveCount(0);
          await dialog.getByRole('button', { name: 'Close' }).click();
        }
      }
      await page.getByRole('button', { name: 'Undo' }).click();
      await expect(page.getByRole('heading', { name: /RKE2 Edge Designer —/ })).toBeVisible();
    }
    expect(await prototypeKeys(page)).toEqual(keys);
    expect(await page.evaluate(() => ({}) as Record<string, unknown>).then((o) => o['polluted'])).toBeUndefined();
  });
}
