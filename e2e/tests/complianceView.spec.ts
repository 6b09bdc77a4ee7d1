/**
 * Issue 14's compliance view in Chromium: a sales engineer hardens the HA template (CIS profile,
 * secretbox), opens the Compliance view, follows a generated line with the keyboard into the
 * preview (which shows that file with the line revealed and highlighted), then prints the
 * evidence page.
 */
import type { Page } from '@playwright/test';
import { expect, seriousAxeViolations, test } from './fixtures.js';
import { shot } from './screenshots.js';

/** Tabs forward from where focus is until `name` has it (at most `max` presses): how a keyboard user gets there. */
async function tabTo(page: Page, name: RegExp, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(
      () => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? '',
    );
    if (name.test(focused)) return;
  }
  throw new Error(`${name} was not reached with ${max} Tab presses`);
}

test('sales engineer follows the CIS line into the preview and prints the evidence page', async ({ page, designer }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await test.step('start from the HA template', () => designer.openFromTemplate(/HA: 3 control planes/));

  await test.step('turn on the CIS profile and choose secretbox in Security', async () => {
    await designer.goToSection('Security');
    await page.getByRole('checkbox', { name: 'CIS hardening profile' }).check();
    await page.getByRole('combobox', { name: 'Secrets encryption' }).selectOption('secretbox');
  });

  const view = page.locator('.compliance-view');
  await test.step('open the Compliance view: CIS and secrets encryption on, FIPS off', async () => {
    await designer.goToSection('Compliance view');
    const cis = view.getByRole('region', { name: 'CIS hardening profile' });
    await expect(cis.getByText('On', { exact: true })).toBeVisible();
    await expect(cis.getByText('profile: cis', { exact: true }).first()).toBeVisible();
    await expect(view.getByRole('region', { name: 'Secrets encryption at rest' }).locator('.control-state')).toHaveText('secretbox');
    await expect(view.getByRole('region', { name: 'FIPS 140 mode' }).getByText('Off', { exact: true })).toBeVisible();
    await expect(view.getByRole('region', { name: 'Pod Security admission' }).locator('.control-state')).toHaveText('restricted');
    await shot(page, testInfo, 'compliance-1280');
  });

  await test.step('reach the `profile: cis` line with the keyboard and follow it into the preview', async () => {
    await page.getByRole('tab', { name: 'Compliance view' }).focus();
    await tabTo(page, /^Show user-data line \d+: profile: cis$/);
    const label = await page.evaluate(() => document.activeElement!.getAttribute('aria-label')!);
    const line = Number(/line (\d+)/.exec(label)![1]);
    await page.keyboard.press('Enter');

    await expect(page.getByRole('tab', { name: 'Files' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('navigation', { name: 'Files' }).getByRole('button', { name: 'user-data', exact: true })).toHaveAttribute(
      'aria-current',
      'true',
    );
    await expect(page.getByRole('status').filter({ hasText: 'Showing line' })).toHaveText(`Showing line ${line} of user-data`);
    // The file shown has that line, and the viewer highlights it on screen.
    const text = (await designer.shownFile().getAttribute('data-text'))!;
    expect(text.split('\n')[line - 1]).toBe('    profile: cis');
    const highlighted = page.locator('.monaco-host .revealed-line');
    await expect(highlighted).toBeVisible();
    await expect(page.locator('.monaco-host .view-line').filter({ hasText: 'profile: cis' })).toBeVisible();
    await shot(page, testInfo, 'compliance-view');
  });

  await test.step('a line deep in another file is revealed too (the sysctl.d file, last kernel parameter)', async () => {
    const cis = view.getByRole('region', { name: 'CIS hardening profile' });
    await cis.getByRole('button', { name: /^Show \/etc\/sysctl\.d\/90-rke2-cis\.conf line 6: / }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Showing line' })).toHaveText(
      'Showing line 6 of /etc/sysctl.d/90-rke2-cis.conf',
    );
    await expect(page.locator('.monaco-host .view-line').filter({ hasText: 'kernel.keys.root_maxbytes=25000000' })).toBeVisible();
  });

  await test.step('at 800 and 1,440 px wide the cards fit their pane', async () => {
    for (const width of [800, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await view.getByRole('region', { name: 'CIS hardening profile' }).scrollIntoViewIfNeeded();
      const overflow = await view.evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(overflow, `compliance view overflows at ${width} px`).toBeLessThanOrEqual(1);
      await shot(page, testInfo, `compliance-${width}`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  await test.step('open the evidence page and print it', async () => {
    await view.getByRole('button', { name: 'Print evidence page…' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /^Security evidence: / })).toBeVisible();
    const status = page.getByRole('table', { name: 'Status of each control, per role' });
    await expect(status.getByRole('columnheader')).toHaveText([
      'Control',
      'Init server cp-1',
      'Control-plane server cp-2',
      'Worker worker-1',
    ]);
    const cis = page.getByRole('region', { name: /^CIS hardening profile/ });
    await expect(cis.getByText('etcd:', { exact: true })).toHaveCount(2);
    await shot(page, testInfo, 'evidence-screen', true);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
    await shot(page, testInfo, 'evidence-print', true);
    await page.emulateMedia({ media: 'screen' });
  });

  await test.step('go back to the designer', async () => {
    await page.getByRole('button', { name: 'Back to the designer' }).click();
    await expect(designer.heading()).toBeVisible();
  });
});
