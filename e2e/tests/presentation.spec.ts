/**
 * Issue 14, the sales engineer on a projector: presentation mode masks the cluster token in every
 * preview (Files incl. the Monaco model, Boot stages, Diff, Device check, Findings) and on the
 * print sheet; Regenerate asks first, Escape keeps the token, and Undo brings the old one back. The
 * print sheet's labels hash the real files (the downloaded user-data), not the masked ones.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, seriousAxeViolations, test } from './fixtures.js';
import { expectHidden } from './pageSecrets.js';
import { readmeShot, shot } from './screenshots.js';

test('sales engineer demos in presentation mode: no token on screen, Regenerate asks and undoes', async ({ page, designer }, testInfo) => {
  await designer.openFromTemplate(/HA: 3 control planes/);
  const tokenField = page.getByLabel('Cluster token');
  const token = await tokenField.inputValue();
  expect(token).toMatch(/^[A-Za-z0-9]{16,}$/);
  const toggle = page.getByRole('button', { name: 'Presentation mode' });

  await test.step('the token is in the user-data before presentation mode', async () => {
    await expect(designer.shownFile()).toHaveAttribute('data-text', new RegExp(`cluster_token: ${token}`));
  });

  await test.step('turn presentation mode on', async () => {
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(designer.shownFile()).toHaveAttribute('data-text', /cluster_token: MASKED-BY-PRESENTATION-MODE/);
    await expect(page.getByText(/downloaded and copied files hold the real ones/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Show', exact: true })).toBeDisabled();
    await expectHidden(page, token);
  });

  await test.step('no token in any file, the boot stages, the device check or the findings', async () => {
    await designer.openFile('/etc/rancher/rke2/config.yaml');
    await expect(designer.shownFile()).toHaveAttribute('data-text', /"token": "MASKED-BY-PRESENTATION-MODE"/);
    const files = page.getByRole('navigation', { name: 'Files' }).getByRole('button');
    for (const path of await files.allTextContents()) {
      await designer.openFile(path);
      await expect(files.filter({ hasText: path }).first()).toHaveAttribute('aria-current', 'true');
      await expectHidden(page, token);
    }
    for (const tab of ['Boot stages', 'Device check', /^Findings \(/]) {
      await page.getByRole('tab', { name: tab }).click();
      await expectHidden(page, token);
    }
  });

  await test.step('Regenerate asks; Escape keeps the token and gives focus back', async () => {
    const regenerate = page.getByRole('button', { name: 'Regenerate', exact: true });
    await regenerate.click();
    const dialog = page.getByRole('dialog', { name: 'Regenerate the cluster token?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Nodes already installed keep the old token');
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await shot(page, testInfo, 'regenerate-1280');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(regenerate).toBeFocused();
    expect(await tokenField.inputValue()).toBe(token);
  });

  let fresh = '';
  await test.step('confirm: a new token, and the diff shows neither the old nor the new one', async () => {
    await page.getByRole('button', { name: 'Regenerate', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Regenerate token' }).click();
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect.poll(() => tokenField.inputValue()).not.toBe(token);
    fresh = await tokenField.inputValue();
    await page.getByRole('tab', { name: 'Diff' }).click();
    await expect(page.getByRole('combobox', { name: 'Left' })).toHaveValue('before');
    await expect(page.getByTestId('diff')).toHaveAttribute('data-right', /cluster_token: MASKED-BY-PRESENTATION-MODE/);
    await expectHidden(page, token, fresh);
  });

  await test.step('Undo brings the old token back', async () => {
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => tokenField.inputValue()).toBe(token);
  });

  await test.step('presentation mode is remembered after a reload', async () => {
    await page.reload();
    await expect(page.getByRole('button', { name: 'Presentation mode' })).toHaveAttribute('aria-pressed', 'true');
    await expect(designer.shownFile()).toHaveAttribute('data-text', /cluster_token: MASKED-BY-PRESENTATION-MODE/);
    await expectHidden(page, token, fresh);
  });

  await test.step("the print sheet shows no token, and its labels hash the real files (the downloaded user-data's)", async () => {
    const node = (await page.getByRole('combobox', { name: 'Preview of node' }).locator('option:checked').textContent())!.replace(
      / \(.*\)$/,
      '',
    );
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download user-data' }).click();
    const userData = readFileSync((await (await download).path())!);
    expect(userData.toString()).toContain(`cluster_token: ${token}`);
    await designer.openExport();
    await page.getByRole('button', { name: 'Open the site sheet for printing' }).click();
    await expect(page.getByRole('heading', { name: /^Site sheet/ })).toBeVisible();
    const label = page.getByRole('listitem', { name: `Label of ${node}` });
    await expect(label).toContainText(createHash('sha256').update(userData).digest('hex'));
    await expectHidden(page, token, fresh);
    await page.getByRole('button', { name: 'Back to the designer' }).click();
  });

  await test.step('screenshots at 800 and 1,440 px', async () => {
    await page.getByRole('tab', { name: 'Files' }).click();
    await designer.openFile('user-data');
    for (const width of [800, 1440]) {
      await page.setViewportSize({ width, height: 900 });
      await expect(toggle).toBeVisible();
      await shot(page, testInfo, `presentation-${width}`);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await readmeShot(page, testInfo, 'presentation-mode');
    await expectHidden(page, token, fresh);
  });
});
