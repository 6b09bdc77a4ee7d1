/**
 * Cloud-configs you already have, opened in the designer (issue 15): each file's Device check as
 * written, one cluster, shown with the import notes — the HA reference example, whose worker has no
 * cluster-cidr (provider-rke2 v4.8.2 crashes without it).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures.js';
import { shot } from './screenshots.js';

const HA = resolve(dirname(fileURLToPath(import.meta.url)), '../../examples/cloud-configs/ha');
const file = (name: string) => ({ name, mimeType: 'text/yaml', buffer: readFileSync(resolve(HA, name)) });

test('opening the HA example shows each file’s Device check: the servers come up, the worker does not, and why', async ({
  page,
  designer,
}, testInfo) => {
  await page.goto('/');
  await test.step('open the three cloud-configs from the start screen', () =>
    page.getByLabel('Site or cloud-config files').setInputFiles([file('cp-1.yaml'), file('cp-2.yaml'), file('worker-1.yaml')]));
  await expect(designer.heading()).toBeVisible();
  const checks = page.locator('.opened-file-checks');

  await test.step('one line per file; the failing worker is open at RKE2’s message', async () => {
    await expect(checks).toContainText('Device check of the files as written, one cluster: 1 of 3 would not come up.');
    await expect(checks.locator('li.file-check-ok')).toHaveCount(2);
    const worker = checks.locator('li.file-check-fail');
    await expect(worker).toHaveCount(1);
    await expect(worker.locator('summary')).toContainText('worker-1.yaml');
    await expect(worker.locator('details')).toHaveAttribute('open', '');
    await expect(worker).toContainText('no "cluster-cidr"');
    await shot(page, testInfo, 'opened-cloud-configs-1280');
  });

  await test.step('a passing file opens by keyboard to its verdict and needs', async () => {
    const cp1 = checks.locator('li.file-check-ok').first().locator('summary');
    await cp1.focus();
    await page.keyboard.press('Enter');
    await expect(checks.locator('li.file-check-ok').first().locator('details')).toHaveAttribute('open', '');
    await expect(checks.locator('li.file-check-ok').first()).toContainText('Kairos image with RKE2');
    await page.setViewportSize({ width: 800, height: 900 });
    await shot(page, testInfo, 'opened-cloud-configs-800');
  });
});
