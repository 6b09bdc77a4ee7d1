/**
 * The designer fits windows from 800 px to 2,560 px wide: at each width, the start screen, every
 * section and view of the designer (iterating the section tabs, so new views are covered), every
 * preview tab, the export dialog and the print sheet are checked with layoutChecks.ts (no sideways
 * page scroll, no element out of its pane, no select too narrow for its option) and photographed
 * (see screenshots.ts for where they go).
 */
import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { layoutProblems } from './layoutChecks.js';
import { shot } from './screenshots.js';

const WIDTHS = [800, 1280, 1920, 2560];

async function fits(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  // Polled: a lazily loaded editor or a pending analysis may lay out a moment later.
  await expect.poll(() => layoutProblems(page), { message: `layout of ${name}`, timeout: 8_000 }).toEqual([]);
  const width = page.viewportSize()?.width ?? 0;
  await shot(page, testInfo, `${width}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`);
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

/** Presses Tab up to `limit` times, noting each focused control's name and whether its focus ring shows. */
async function tabWalk(page: Page, limit: number, until: (names: string[]) => boolean) {
  const names: string[] = [];
  const noRing: string[] = [];
  for (let i = 0; i < limit && !until(names); i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ');
      const ringed = (e: Element) => getComputedStyle(e).outlineStyle !== 'none' && parseFloat(getComputedStyle(e).outlineWidth) >= 2;
      // A composite widget (Monaco) focuses a hidden text area: the ring is then on the widget's frame.
      let frame: Element | null = el.parentElement;
      while (frame && !ringed(frame)) frame = frame.parentElement;
      const ring = el.matches(':focus-visible') && (ringed(el) || (el.closest('.monaco-editor') !== null && frame !== null));
      return { name, ring };
    });
    if (!focused) continue;
    names.push(focused.name);
    if (!focused.ring) noRing.push(focused.name);
  }
  return { names, noRing };
}

test('Tab reaches every main action, each with a visible focus ring', async ({ page, designer }) => {
  await designer.openFromTemplate(/HA: 3 control planes/);
  // Two edits and an undo, so that both Undo and Redo can be used.
  await page.getByRole('textbox', { name: 'Site name' }).fill('walk');
  await designer.goToSection('Nodes');
  await page.getByRole('button', { name: 'Add worker' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  // A short page, so the walk reaches the preview soon after the form.
  await designer.goToSection('Failure view');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

  const wanted = [
    'Undo',
    'Redo',
    'Export…',
    'New or open…',
    'Failure view',
    'Download user-data',
    'Copy user-data',
    'Download cidata ISO',
    'Files',
  ];
  const walk = await tabWalk(page, 80, (names) => wanted.every((w) => names.includes(w)));
  expect(
    wanted.filter((w) => !walk.names.includes(w)),
    `not reached by Tab (reached: ${walk.names.join(' | ')})`,
  ).toEqual([]);
  expect(walk.noRing, `focused without a visible focus ring (walk: ${walk.names.join(' | ')})`).toEqual([]);

  await test.step('the export dialog, opened from the keyboard', async () => {
    await page.getByRole('button', { name: 'Export…' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: /^Export/ });
    await expect(dialog).toBeVisible();
    const inDialog = ['Download all (zip)', 'Copy share link', 'Open the site sheet for printing', 'Close'];
    const dialogWalk = await tabWalk(page, 30, (names) => inDialog.every((w) => names.includes(w)));
    expect(
      inDialog.filter((w) => !dialogWalk.names.includes(w)),
      `not reached in the dialog (reached: ${dialogWalk.names.join(' | ')})`,
    ).toEqual([]);
    expect(dialogWalk.noRing, 'focused without a visible focus ring').toEqual([]);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });
});
