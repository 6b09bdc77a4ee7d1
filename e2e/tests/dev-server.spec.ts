import { expect, test } from './fixtures.js';

// The test ends with Monaco's suggestion list open: Monaco's own list (.monaco-list) carries an
// aria attribute value axe rejects (aria-valid-attr-value). Third-party DOM, not ours to fix.
test.use({ allowedAxeRules: ['aria-valid-attr-value'] });

test('the dev server (README start command) serves a working designer with Monaco and its YAML worker', async ({ page, designer }) => {
  await test.step('start from the HA template', async () => {
    await page.goto('/');
    await page.getByRole('button', { name: /HA: 3 control planes/ }).click();
    // The dev server transforms modules on first request: slower than the built app.
    await expect(designer.heading('ha-site')).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('.monaco-editor').first()).toBeVisible({ timeout: 30_000 });
  });
  await test.step('complete a key in the extra config from the YAML worker', async () => {
    await designer.goToSection('Advanced');
    await page.locator('#field-extraConfig .monaco-editor').click();
    await page.keyboard.type('selin');
    await page.keyboard.press('Control+Space');
    await expect(page.locator('.suggest-widget')).toContainText('selinux');
    await expect(page.getByRole('tab', { name: /Findings \(1 error/ })).toBeVisible();
  });
});
