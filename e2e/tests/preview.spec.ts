import { expect, test } from '@playwright/test';

test('field tech pastes a cloud-config and reads the merged RKE2 config', async ({ page }) => {
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('request', (r) => !r.url().startsWith('http://127.0.0.1:4173') && foreignRequests.push(r.url()));

  await page.goto('/');
  await page.screenshot({ path: 'test-results/preview-start.png', fullPage: true });
  await expect(page.getByRole('heading', { name: 'RKE2 Edge Designer' })).toBeVisible();
  await expect(page.getByRole('region', { name: '/etc/rancher/rke2/config.yaml' })).toContainText('"node-name": "edge-cp1"');

  // Remove the CIDRs: the real provider would crash, and the preview must say so in plain words.
  const editor = page.getByRole('textbox', { name: 'Cloud-config', exact: true });
  await editor.fill((await editor.inputValue()).replace(/ {4}(cluster|service)-cidr:.*\n/g, ''));
  await expect(page.getByRole('status')).toContainText('no Kubernetes configuration at boot');

  await page.screenshot({ path: 'test-results/preview-panic.png', fullPage: true });
  expect(consoleErrors).toEqual([]);
  expect(foreignRequests).toEqual([]);
});
