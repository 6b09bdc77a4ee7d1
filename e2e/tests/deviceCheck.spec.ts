/**
 * Issue 11's "done when" in Chromium: a CIS + SELinux HA site with a kube-vip endpoint, image
 * archives and a private registry with its CA shows, for every node, "Comes up and joins" and what
 * the device needs; breaking one thing (a label kubelet refuses, a cluster DNS outside the service
 * network) shows RKE2's message on that node's Device check and in Findings.
 */
import type { Page } from '@playwright/test';
import { expect, seriousAxeViolations, test } from './fixtures.js';

/** A throwaway self-signed test CA (EC P-256, made with openssl for this test; it protects nothing). */
const CA_PEM = [
  '-----BEGIN CERTIFICATE-----',
  'MIIBlzCCAT2gAwIBAgIUMdvFLml/Uq3WFrPmP0mgupOx+DYwCgYIKoZIzj0EAwIw',
  'ITEfMB0GA1UEAwwWcmVnaXN0cnkubG9jYWwgdGVzdCBDQTAeFw0yNjExMjUyMTQ2',
  'MzBaFw0zNjExMjIyMTQ2MzBaMCExHzAdBgNVBAMMFnJlZ2lzdHJ5LmxvY2FsIHRl',
  'c3QgQ0EwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAATofQn1fCy0wph0/xYiCPNc',
  '2sA5yL9A1maVHt9cwI/HTHT2qeFK/KEQADil5ycepOR4JgtqDe9LjoKcQq2pNByx',
  'o1MwUTAdBgNVHQ4EFgQUa2ULnfKIWs8UCjYPUxkDemrYA3cwHwYDVR0jBBgwFoAU',
  'a2ULnfKIWs8UCjYPUxkDemrYA3cwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQD',
  'AgNIADBFAiB6b1NLK4QF76u7/6KJNxypw/7Pyb68Y567xzrTfYEzHgIhAL/buRw1',
  'HXU+5IcDwZ/02/n+BF4HnEXkFSuSczU5VqwP',
  '-----END CERTIFICATE-----',
].join('\n');

const previewNode = (page: Page) => page.getByLabel('Preview of node');
const checkPanel = (page: Page) => page.locator('#preview-panel');

async function selectPreviewNode(page: Page, name: string) {
  const value = await previewNode(page)
    .locator('option', { hasText: new RegExp(`^${name} \\(`) })
    .getAttribute('value');
  await previewNode(page).selectOption(value!);
}

/** The node names, in the preview's node list. */
async function nodeNames(page: Page): Promise<string[]> {
  const labels = await previewNode(page).locator('option').allTextContents();
  return labels.map((l) => l.replace(/ \(.*\)$/, ''));
}

test('Device check: every node of a hardened kube-vip air-gapped site comes up; a broken label or DNS shows RKE2’s message', async ({
  page,
  designer,
}, testInfo) => {
  const shot = (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`) });

  await test.step('start from the CIS + SELinux template', () => designer.openFromTemplate(/CIS hardened with SELinux/));

  await test.step('put the control plane behind a kube-vip VIP on the servers', async () => {
    await page.getByRole('combobox', { name: 'Nodes reach the control plane through' }).selectOption('kube-vip');
    await page.getByRole('textbox', { name: 'Control-plane host (the kube-vip VIP)' }).fill('192.168.20.5');
    await expect(page.getByRole('textbox', { name: 'VIP interface on the servers' })).toHaveValue('eth0');
    await shot('cluster-kube-vip');
  });

  const needs = checkPanel(page).getByRole('region', { name: 'What this device needs' });
  await test.step('take images from archives and system images from a private registry with its CA', async () => {
    await designer.goToSection('Air-gap & registries');
    await page.getByRole('combobox', { name: 'Images come from' }).selectOption('archives');
    await page.getByRole('textbox', { name: 'System default registry' }).fill('registry.local:5000');
    if ((await page.getByRole('group', { name: 'Registry 1' }).count()) === 0)
      await page.getByRole('button', { name: 'Add registry' }).click();
    const registry = page.getByRole('group', { name: 'Registry 1' });
    await registry.getByRole('textbox', { name: 'Registry host' }).fill('registry.local:5000');
    // The CA file path is left empty: the designer writes it under /etc/rancher/rke2/tls/ (its own folder).
    await registry.getByRole('textbox', { name: 'CA certificate (PEM)' }).fill(CA_PEM);
    // The client key field is masked in Chromium (text-security on a text area) until shown.
    const key = registry.getByRole('textbox', { name: 'Client key (PEM)' });
    expect(await key.evaluate((el) => getComputedStyle(el).getPropertyValue('-webkit-text-security'))).toBe('disc');
    await registry.getByRole('button', { name: 'Show client key of registry 1' }).click();
    expect(await key.evaluate((el) => getComputedStyle(el).getPropertyValue('-webkit-text-security'))).toBe('none');
  });

  await test.step('list the image archives the Device check says the device needs, plus kube-vip', async () => {
    // The archives this version, CNI and ingress need: the ones the check lists for the device.
    await page.getByRole('tab', { name: 'Device check' }).click();
    const archivesNeed = needs.getByText(/^Image archives copied to /);
    await expect(archivesNeed).toBeVisible();
    const archives = ((await archivesNeed.textContent()) ?? '').replace(/^Image archives copied to [^:]+: /, '').split(', ');
    // kube-vip is not in RKE2's archives: without an archive of it (or a mirror) nothing would hold the VIP.
    await page.getByRole('textbox', { name: 'Image archives' }).fill([...archives, 'kube-vip.tar'].join('\n'));
  });

  await expect(page.getByRole('tab', { name: /^Findings \(0 errors,/ })).toBeVisible();
  const names = await nodeNames(page);
  await test.step('every node comes up and joins', async () => {
    expect(names.length).toBeGreaterThanOrEqual(4);
    for (const name of names) {
      await selectPreviewNode(page, name);
      await expect(checkPanel(page).getByRole('heading', { name: 'Comes up and joins' })).toBeVisible();
      await expect(needs.getByText(/RKE2 v1\.\d+/)).toBeVisible();
      await expect(needs.getByText(/SELinux/)).toBeVisible();
    }
    await selectPreviewNode(page, 'cp-1');
    await shot('device-check-1280');
    await page.setViewportSize({ width: 800, height: 720 });
    await expect(checkPanel(page).getByRole('heading', { name: 'Comes up and joins' })).toBeVisible();
    await shot('device-check-800');
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  await test.step('a label kubelet refuses stops the worker, with RKE2’s message, also in Findings', async () => {
    // A label kubelet refuses in --node-labels: the worker's agent would not start.
    const worker = names.find((n) => n.startsWith('worker'))!;
    await designer.selectNode(worker);
    await page.getByRole('textbox', { name: 'Labels' }).fill('node-role.kubernetes.io/worker=true');
    await page.getByRole('tab', { name: 'Device check' }).click();
    await expect(previewNode(page)).toHaveValue(String(names.indexOf(worker)));
    await expect(checkPanel(page).getByRole('heading', { name: 'Does not come up: rke2-agent stops' })).toBeVisible();
    const message = checkPanel(page).locator('.check-message').first();
    await expect(message).toContainText('node-role.kubernetes.io/worker');
    await expect(checkPanel(page).locator('.check-source').first()).toContainText('cmd/kubelet');
    const labelMessage = (await message.textContent())!;
    await shot('device-check-broken-label');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 800, height: 720 });
    await shot('device-check-broken-label-800');
    await page.setViewportSize({ width: 1280, height: 720 });
    await checkPanel(page).getByRole('button', { name: 'Show in Findings' }).click();
    await expect(page.getByRole('tab', { name: /^Findings \([1-9]\d* errors?,/ })).toHaveAttribute('aria-selected', 'true');
    await expect(
      checkPanel(page)
        .getByRole('button', { name: new RegExp(escape(labelMessage.slice(0, 40))) })
        .first(),
    ).toBeVisible();
  });

  await test.step('put the label right; a cluster DNS outside the service network stops every server', async () => {
    await designer.goToSection('Nodes');
    await page.getByRole('textbox', { name: 'Labels' }).fill('');
    await expect(page.getByRole('tab', { name: /^Findings \(0 errors,/ })).toBeVisible();
    await page.getByRole('tab', { name: 'Network & proxy' }).click();
    await page.getByRole('textbox', { name: 'Service network (service CIDR)' }).fill('10.101.0.0/16');
    await page.getByRole('textbox', { name: 'Cluster DNS IP' }).fill('10.43.0.10');
    await page.getByRole('tab', { name: 'Device check' }).click();
    await selectPreviewNode(page, 'cp-1');
    await expect(checkPanel(page).getByRole('heading', { name: 'Does not come up: rke2-server stops' })).toBeVisible();
    await expect(checkPanel(page).locator('.check-message').first()).toContainText('10.43.0.10');
    await page.getByRole('tab', { name: /^Findings \(/ }).click();
    await expect(
      checkPanel(page)
        .getByText(/10\.43\.0\.10/)
        .first(),
    ).toBeVisible();
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
