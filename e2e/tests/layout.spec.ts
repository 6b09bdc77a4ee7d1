/**
 * The designer fits windows from 800 px to 2,560 px wide: at each width, the start screen, every
 * section and view of the designer (iterating the section tabs, so new views are covered), every
 * preview tab, the export dialog and the print sheet are checked with layoutChecks.ts (no sideways
 * page scroll, no element out of its pane, no select too narrow for its option) and photographed
 * (into LAYOUT_SHOTS when it is set, else the test's output folder).
 */
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { layoutProblems } from './layoutChecks.js';

const WIDTHS = [800, 1280, 1920, 2560];

async function fits(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  // Polled: a lazily loaded editor or a pending analysis may lay out a moment later.
  await expect.poll(() => layoutProblems(page), { message: `layout of ${name}`, timeout: 8_000 }).toEqual([]);
  const dir = process.env['LAYOUT_SHOTS'];
  const width = page.viewportSize()?.width ?? 0;
  const file = `${width}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`;
  await page.screenshot({ path: dir ? `${dir}/${file}` : testInfo.outputPath(file) });
}

for (const width of WIDTHS) {
  test(`everything fits a ${width} px wide window`, async ({ page, designer }, testInfo) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width, height: 800 });

    await test.step('start screen', async () => {
      await page.goto('/');
      await expect(page.getByRole('heading', { name: 'New site' })).toBeVisible();
      await fits(page, testInfo, 'start');
    });

    await designer.openFromTemplate(/HA: 3 control planes/);
    const sections = page.getByRole('tablist', { name: 'Site sections' }).getByRole('tab');
    const names = await sections.allTextContents();
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) {
      await test.step(`section ${name}`, async () => {
        await designer.goToSection(name);
        await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
        await fits(page, testInfo, `section ${name}`);
      });
    }

    await designer.goToSection('Nodes');
    const previewTabs = page.getByRole('tablist', { name: 'Preview' }).getByRole('tab');
    for (const tab of await previewTabs.all()) {
      const name = (await tab.textContent()) ?? '';
      await test.step(`preview ${name}`, async () => {
        await tab.click();
        await expect(tab).toHaveAttribute('aria-selected', 'true');
        await fits(page, testInfo, `preview ${name.replace(/\(.*/, '')}`);
      });
    }

    await test.step('export dialog', async () => {
      const dialog = await designer.openExport();
      await fits(page, testInfo, 'export');
      await dialog.getByRole('button', { name: 'Open the site sheet for printing' }).click();
    });

    await test.step('print sheet', async () => {
      await expect(page.locator('.print-sheet')).toBeVisible();
      await fits(page, testInfo, 'print');
    });
  });
}

test('the checks catch the old side-by-side layout at 800 px', async ({ page, designer }) => {
  await page.setViewportSize({ width: 800, height: 800 });
  await designer.openFromTemplate(/HA: 3 control planes/);
  // The layout before issue 14: the form kept 600 px, the preview got what was left (200 px).
  await page.addStyleTag({
    content: `.shell { height: 100vh !important } .workspace { display: grid !important; grid-template-columns: minmax(600px, 50%) 1fr !important }
      .workspace > .tabs > .tab-panel { overflow: auto !important } .preview-pane { height: auto !important }`,
  });
  await expect.poll(() => layoutProblems(page)).toContainEqual(expect.stringMatching(/^\.preview-pane is \d+px wide/));
});
