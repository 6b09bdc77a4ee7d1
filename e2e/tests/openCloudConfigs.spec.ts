/**
 * Cloud-configs you already have, opened in the designer (issue 15): each file's Device check as
 * written, one cluster, shown with the import notes — the HA reference example, whose worker has no
 * cluster-cidr (provider-rke2 v4.8.2 crashes without it). The user gives the addresses no file says,
 * by keyboard: the check runs again with them, and they can be set on the site's nodes.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures.js';
import { readmeShot, shot } from './screenshots.js';

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
    await expect(checks.getByText('Without one, the check assumes 10.0.1.11/32')).toBeVisible();
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

test('the addresses no file says, typed by keyboard: the check runs again, a wrong one is said at its field, the site takes them', async ({
  page,
  designer,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await page.getByLabel('Site or cloud-config files').setInputFiles([file('cp-1.yaml'), file('cp-2.yaml'), file('worker-1.yaml')]);
  await expect(designer.heading()).toBeVisible();
  const checks = page.locator('.opened-file-checks');
  const verdict = (name: string) => checks.locator('summary', { hasText: name });
  const cp1 = page.getByLabel('cp-1 (cp-1.yaml)');
  const cp2 = page.getByLabel('cp-2 (cp-2.yaml)');

  await test.step('the init node at another address than control_plane_host: the joining server fails', async () => {
    await cp1.focus();
    await page.keyboard.type('10.0.1.15/24');
    await expect(verdict('cp-2.yaml')).toContainText('does not come up');
    await expect(checks).toContainText('Device check of the files with the addresses given, one cluster: 2 of 3 would not come up.');
    await expect(checks).toContainText("10.0.1.11 is not the init node's address, 10.0.1.15");
  });

  await test.step('an address without prefix is said at its field, and the check goes on without it', async () => {
    await page.keyboard.press('Tab');
    await expect(cp2).toBeFocused();
    await page.keyboard.type('10.0.1.12');
    await expect(cp2).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#check-address-1-messages')).toHaveText(
      'error: cp-2.yaml: 10.0.1.12 has no prefix length: write the address with its prefix, e.g. 10.0.1.12/24; the check runs without it.',
    );
    await shot(page, testInfo, 'open-cloud-configs-address-error-1280');
    await page.keyboard.type('/24');
    await expect(cp2).toHaveAttribute('aria-invalid', 'false');
  });

  await test.step('a load balancer of the user’s answers at control_plane_host: the server joins again', async () => {
    await page.keyboard.press('Tab'); // worker-1's field
    await page.keyboard.press('Tab');
    await expect(page.getByLabel(/A load balancer of mine answers at control_plane_host/)).toBeFocused();
    await page.keyboard.press('Space');
    await expect(verdict('cp-2.yaml')).toContainText('comes up and joins');
    await expect(checks).toContainText('1 of 3 would not come up.');
    await checks.locator('fieldset').scrollIntoViewIfNeeded();
    await readmeShot(page, testInfo, 'open-cloud-configs-addresses');
  });

  await test.step('the addresses go to the site’s nodes as one edit, which Undo takes back', async () => {
    await page.keyboard.press('Tab');
    const apply = page.getByRole('button', { name: "Set these addresses on the site's nodes" });
    await expect(apply).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(checks).toContainText(
      "Set on the site's nodes: cp-1 10.0.1.15/24, cp-2 10.0.1.12/24; the control-plane host is served by a load balancer of yours.",
    );
    // Focus stays on the button (aria-disabled now), so the next Tab goes on from here.
    await expect(apply).toBeFocused();
    await designer.goToSection('Nodes');
    await expect(designer.nodesTable()).toContainText('10.0.1.15/24');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(designer.nodesTable()).not.toContainText('10.0.1.15/24');
    await expect(cp1).toHaveValue('10.0.1.15/24');
    await expect(checks).toContainText('cp-1, cp-2: one edit, undoable.');
  });

  await test.step('800 and 1,440 px wide', async () => {
    await page.setViewportSize({ width: 800, height: 900 });
    await shot(page, testInfo, 'open-cloud-configs-addresses-800');
    await page.setViewportSize({ width: 1440, height: 900 });
    await shot(page, testInfo, 'open-cloud-configs-addresses-1440');
  });
});

const text = (name: string, body: string) => ({ name, mimeType: 'text/yaml', buffer: Buffer.from(body) });
const node = (role: string, host: string, extra = '') =>
  `#cloud-config\n${extra}cluster:\n  cluster_token: Zq8vN3kP2wX7mR4tY9bL6cF1hJ5dG0sA\n  control_plane_host: ${host}\n  role: ${role}\n  config: |\n    cluster-cidr: 10.42.0.0/16\n    service-cidr: 10.43.0.0/16\n`;

test('the mistakes the check exists for open a site: a host:port and a templated hostname, said in the notes and failing the check as written', async ({
  page,
  designer,
}, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await page
    .getByLabel('Site or cloud-config files')
    .setInputFiles([
      text('cp1.yaml', node('init', '10.0.5.21', 'hostname: edge-{{ trunc 4 .MachineID }}\n')),
      text('cp3.yaml', node('controlplane', '10.0.5.21:6443')),
      text('w1.yaml', node('worker', 'https://10.0.5.21')),
    ]);
  await expect(designer.heading()).toBeVisible();
  const notes = page.getByRole('region', { name: 'Notes on the site you opened' });
  await expect(notes.getByRole('button', { name: 'Dismiss' })).toBeInViewport();
  await expect(notes).toContainText('cp3.yaml: control_plane_host 10.0.5.21:6443 carries a port (:6443); the site uses 10.0.5.21');
  await expect(notes).toContainText('The control-plane endpoint is the init node');
  // The files name one host (their own host-invalid says what to remove); between them, two servers are an even etcd count.
  await expect(notes.getByRole('region', { name: /Between the files/ })).toContainText('2 servers run etcd');
  await expect(notes.getByRole('region', { name: /Between the files/ })).not.toContainText('control-plane-host-mismatch');
  await expect(page.locator('.opened-file-checks')).toContainText('2 of 3 would not come up.');
  await shot(page, testInfo, 'open-cloud-configs-mistakes-1440');
  await page.setViewportSize({ width: 800, height: 900 });
  await expect(notes.getByRole('button', { name: 'Dismiss' })).toBeInViewport();
  await shot(page, testInfo, 'open-cloud-configs-mistakes-800');
});

test('a value that could add a line refuses the import, naming it, and the start screen still shows the files’ Device check', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await page
    .getByLabel('Site or cloud-config files')
    .setInputFiles([
      text('cp1.yaml', node('init', '10.0.5.21')),
      text('bad.yaml', node('worker', '10.0.5.21').replace(/cluster_token: (\S+)/, 'cluster_token: "$1\\nrole: init"')),
    ]);
  const notes = page.getByRole('region', { name: 'Nothing was opened; your site is unchanged' });
  await expect(notes.getByRole('alert')).toContainText('No site was made from these files');
  await expect(notes.getByRole('alert')).toContainText('bad.yaml');
  await expect(page.locator('.opened-file-checks > ul > li')).toHaveCount(2);
  await shot(page, testInfo, 'open-cloud-configs-refused-1280');
});
