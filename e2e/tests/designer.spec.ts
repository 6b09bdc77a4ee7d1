import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const APP = `http://127.0.0.1:${process.env['E2E_PORT'] ?? 4173}`;

/** Collects console errors and requests to any other host for the whole test. */
function watch(page: Page) {
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  page.on(
    'request',
    (r) => !r.url().startsWith(APP) && !r.url().startsWith('data:') && !r.url().startsWith('blob:') && foreignRequests.push(r.url()),
  );
  return { consoleErrors, foreignRequests };
}

const shown = (page: Page) => page.getByTestId('file-text');
const openFile = (page: Page, path: string) =>
  page.getByRole('navigation', { name: 'Files' }).getByRole('button', { name: path, exact: true }).click();

async function seriousAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('design an HA site: proxy, workers, extra config, diff, reload', async ({ page }, testInfo) => {
  const { consoleErrors, foreignRequests } = watch(page);
  const shot = async (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`) });

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'New site' })).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await shot('01-start');

  await page.getByRole('button', { name: /HA: 3 control planes/ }).click();
  await expect(page.getByRole('heading', { name: /RKE2 Edge Designer — ha-site/ })).toBeVisible();
  await expect(shown(page)).toHaveAttribute('data-text', /^#cloud-config\n/);
  await expect(page.locator('.monaco-editor').first()).toBeVisible();
  // Templates ship with "no login" chosen (they cannot carry anyone's key), and say so.
  await expect(page.getByRole('tab', { name: /Findings \(0 errors, 1 warning\)/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Kairos OS' }).click();
  await page.getByRole('checkbox', { name: 'No login (nobody can log in)' }).uncheck();
  await expect(page.getByRole('tab', { name: /Findings \(1 error, 0 warnings\)/ })).toBeVisible();
  await page
    .getByRole('textbox', { name: 'SSH authorized keys' })
    .fill('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHN0ZXN0a2V5Zm9ydGhlZTJldGVzdHNvbmx5AAAA tech@plant');
  await expect(page.getByRole('tab', { name: /Findings \(0 errors, 0 warnings\)/ })).toBeVisible();
  await expect(shown(page)).toHaveAttribute('data-text', /ssh_authorized_keys:/);
  await page.getByRole('tab', { name: 'Cluster' }).click();
  await shot('02-designer');

  // The proxy: /etc/default/rke2-server appears with NO_PROXY holding the node's own address.
  await page.getByRole('tab', { name: 'Network & proxy' }).click();
  await page.getByRole('textbox', { name: 'HTTP proxy' }).fill('http://proxy.plant.example:3128');
  await openFile(page, '/etc/default/rke2-server');
  await expect(shown(page)).toHaveAttribute('data-text', /^HTTP_PROXY=http:\/\/proxy\.plant\.example:3128$/m);
  await expect(shown(page)).toHaveAttribute(
    'data-text',
    /^NO_PROXY=,10\.42\.0\.0\/16,10\.43\.0\.0\/16,192\.168\.10\.11\/24,\.svc,\.svc\.cluster,\.svc\.cluster\.local$/m,
  );
  await page.getByRole('textbox', { name: 'NO_PROXY (your entries)' }).fill('.plant.example');
  await expect(shown(page)).toHaveAttribute('data-text', /^NO_PROXY=.*,\.svc\.cluster\.local,\.plant\.example$/m);
  await expect(
    page
      .getByRole('table')
      .filter({ hasText: 'NO_PROXY' })
      .getByRole('row', { name: /worker-2/ }),
  ).toContainText('192.168.10.22/24');
  await expect(page.getByRole('row', { name: /^9345/ })).toContainText('RKE2 supervisor');
  await shot('03-proxy');

  // Add a worker.
  await page.getByRole('tab', { name: 'Nodes' }).click();
  await page.getByRole('button', { name: 'Add worker' }).click();
  const nodes = page.getByRole('table', { name: 'Nodes' });
  await expect(nodes.getByRole('button', { name: 'worker-3', exact: true })).toBeVisible();
  await expect(page.getByLabel('Preview of node')).toHaveValue('5');
  await expect(shown(page)).toHaveAttribute('data-text', /NO_PROXY=.*192\.168\.10\.23\/24/);
  await shot('04-nodes');

  // Break the site-wide extra config, see the finding with its line, then fix it.
  await page.getByRole('tab', { name: 'Advanced' }).click();
  const editor = page.locator('#field-extraConfig .monaco-editor');
  await expect(editor).toBeVisible();
  await editor.click();
  await page.keyboard.type('node-label: [oops');
  const fieldMessages = page.locator('#field-extraConfig-messages');
  await expect(fieldMessages).toContainText(/Line 1/);
  await page.getByRole('tab', { name: /^Findings \(1 error/ }).click();
  await expect(page.getByRole('button', { name: /Line 1/ })).toBeVisible();
  await shot('05-finding');
  await page.getByRole('button', { name: /Line 1/ }).click();
  await page.keyboard.press('End');
  await page.keyboard.type(']');
  await expect(page.getByRole('tab', { name: /^Findings \(0 errors/ })).toBeVisible();
  await expect(fieldMessages).toHaveCount(0);

  // Completion from the RKE2 catalog (monaco-yaml with the generated JSON schema).
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('selin');
  await page.keyboard.press('Control+Space');
  await expect(page.locator('.suggest-widget')).toContainText('selinux');
  await shot('05b-completion');
  await page.keyboard.press('Escape');
  for (let i = 0; i < 6; i++) await page.keyboard.press('Backspace');

  // Diff two nodes.
  await page.getByRole('tab', { name: 'Diff' }).click();
  await page.getByRole('combobox', { name: 'Left', exact: true }).selectOption({ label: 'cp-1' });
  await page.getByRole('combobox', { name: 'Right', exact: true }).selectOption({ label: 'worker-1' });
  await page.getByRole('combobox', { name: 'File', exact: true }).selectOption('user-data');
  const diff = page.getByTestId('diff');
  await expect(diff).toHaveAttribute('data-left', /role: init/);
  await expect(diff).toHaveAttribute('data-right', /role: worker/);
  await expect(page.locator('.monaco-diff-editor')).toBeVisible();
  await shot('06-diff');

  // Boot stages.
  await page.getByRole('tab', { name: 'Boot stages' }).click();
  await expect(
    page
      .getByRole('list', { name: /boot\.before stages/ })
      .getByRole('listitem')
      .first(),
  ).toBeVisible();

  expect(await seriousAxeViolations(page)).toEqual([]);

  // Reload: the site is intact.
  // Autosave writes after a 300 ms pause: wait for the last edits to be in the saved record.
  const savedExtraConfig = () =>
    page.evaluate(
      () =>
        (JSON.parse(localStorage.getItem('rke2-edge-designer:site') ?? '{}') as { site?: { extraConfig?: string } }).site?.extraConfig ??
        '',
    );
  await expect
    .poll(async () => {
      const extra = await savedExtraConfig();
      return extra.includes('node-label: [oops]') && !extra.includes('selin');
    })
    .toBe(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: /RKE2 Edge Designer — ha-site/ })).toBeVisible();
  await page.getByRole('tab', { name: 'Nodes' }).click();
  await expect(page.getByRole('table', { name: 'Nodes' }).getByRole('button', { name: 'worker-3', exact: true })).toBeVisible();
  await page.getByRole('tab', { name: 'Network & proxy' }).click();
  await expect(page.getByRole('textbox', { name: 'HTTP proxy' })).toHaveValue('http://proxy.plant.example:3128');
  await page.getByRole('tab', { name: 'Advanced' }).click();
  await expect(page.locator('#field-extraConfig .view-lines')).toContainText('node-label: [oops]');

  expect(consoleErrors).toEqual([]);
  expect(foreignRequests).toEqual([]);
});

test('an unreadable saved site is reported and set aside, never a blank screen', async ({ page }) => {
  const { consoleErrors } = watch(page);
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('rke2-edge-designer:site', '{"format":1,"site":{"version":1,'));
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('could not be read');
  await expect(page.getByRole('alert')).toContainText('rke2-edge-designer:unreadable:');
  await expect(page.getByRole('heading', { name: 'New site' })).toBeVisible();
  const kept = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('rke2-edge-designer:unreadable:'))
      .map((k) => localStorage.getItem(k)),
  );
  expect(kept).toEqual(['{"format":1,"site":{"version":1,']);
  expect(consoleErrors).toEqual([]);
});

test('open cloud-configs from the file picker: the site is imported and what was dropped is listed', async ({ page }) => {
  const { consoleErrors } = watch(page);
  const cloudConfig = (role: string, name: string, address: string) => ({
    name: `${name}.yaml`,
    mimeType: 'text/yaml',
    buffer: Buffer.from(
      `#cloud-config\nhostname: ${name}\ncluster:\n  cluster_token: Zq8vN3kP2wX7mR4tY9bL6cF1hJ5dG0sA\n  control_plane_host: 10.0.0.11\n  role: ${role}\n  config: |\n    node-name: ${name}\n    node-ip: ${address}\n    token: pasted-by-hand\n    cluster-cidr: 10.42.0.0/16\n    service-cidr: 10.43.0.0/16\n`,
    ),
  });
  await page.goto('/');
  await page
    .getByLabel('Site or cloud-config files')
    .setInputFiles([cloudConfig('init', 'edge-a', '10.0.0.11'), cloudConfig('worker', 'edge-b', '10.0.0.12')]);
  await expect(page.getByRole('heading', { name: /RKE2 Edge Designer —/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Notes on the site you opened' })).toContainText('token');
  await expect(page.getByRole('combobox', { name: 'Preview of node' }).locator('option')).toHaveCount(2);
  await expect(shown(page)).toHaveAttribute('data-text', /cluster_token: Zq8vN3kP2wX7mR4tY9bL6cF1hJ5dG0sA/);
  await expect(shown(page)).not.toHaveAttribute('data-text', /pasted-by-hand/);
  expect(consoleErrors).toEqual([]);
});

test('a 1,000-node site stays usable: virtualised rows, sorting, live preview', async ({ page }, testInfo) => {
  const { consoleErrors } = watch(page);
  await page.goto('/');
  await page.getByRole('button', { name: /HA: 3 control planes/ }).click();
  await page.getByRole('tab', { name: 'Nodes' }).click();
  await page.getByRole('button', { name: 'Add many workers…' }).click();
  await page.getByRole('spinbutton', { name: 'How many' }).fill('995');
  await page.getByRole('textbox', { name: 'Name pattern ({n} is the number)' }).fill('store-w{n}');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  const table = page.getByRole('table', { name: 'Nodes' });
  await expect(table).toHaveAttribute('aria-rowcount', '1001');
  expect(await table.getByRole('row').count()).toBeLessThan(40);
  await table.getByRole('button', { name: /^Name/ }).click();
  await table.getByRole('button', { name: /^Name/ }).click(); // descending: store-w995 first
  await table.getByRole('button', { name: 'store-w995', exact: true }).click();
  await expect(page.getByRole('combobox', { name: 'Preview of node' })).toHaveValue('999');
  await expect(shown(page)).toHaveAttribute('data-text', /hostname: store-w995/);
  await page.getByRole('textbox', { name: 'Host name' }).fill('till-995');
  await expect(shown(page)).toHaveAttribute('data-text', /hostname: till-995/);
  await expect(page.getByRole('tab', { name: 'Findings (0 errors, 1 warning)', exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(table.getByRole('row', { name: /store-w995/ })).toContainText('ok');
  await page.screenshot({ path: testInfo.outputPath('1000-nodes.png') });
  expect(consoleErrors).toEqual([]);
});

test('if the designer code cannot load, the page says so instead of staying blank', async ({ page }) => {
  await page.route(/\/assets\/App-[^/]+\.js$/, (route) => route.abort());
  await page.goto('/');
  await page.getByRole('button', { name: /Single node/ }).click();
  await expect(page.getByRole('alert')).toContainText('The designer could not start');
  await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
});
