import { expect, test } from '@playwright/test';

test('the dev server (README start command) serves a working designer with Monaco and its YAML worker', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.getByRole('button', { name: /HA: 3 control planes/ }).click();
  await expect(page.getByRole('heading', { name: /RKE2 Edge Designer — ha-site/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 30_000 });
  await page.getByRole('tab', { name: 'Advanced' }).click();
  await page.locator('#field-extraConfig .monaco-editor').click();
  await page.keyboard.type('selin');
  await page.keyboard.press('Control+Space');
  await expect(page.locator('.suggest-widget')).toContainText('selinux', { timeout: 15_000 });
  await expect(page.getByRole('tab', { name: /Findings \(1 error/ })).toBeVisible({ timeout: 15_000 });
  expect(errors).toEqual([]);
});
