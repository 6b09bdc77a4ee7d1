import { expect, seriousAxeViolations, test, type Designer } from './fixtures.js';

const APP = `http://127.0.0.1:${process.env['E2E_PORT'] ?? 4173}`;

/** Collects requests to any other host for the whole test: the designer works offline. */
function foreignRequests(designer: Designer) {
  const requests: string[] = [];
  designer.page.on(
    'request',
    (r) => !r.url().startsWith(APP) && !r.url().startsWith('data:') && !r.url().startsWith('blob:') && requests.push(r.url()),
  );
  return requests;
}

test('design an HA site: proxy, workers, extra config, diff, reload', async ({ page, designer }, testInfo) => {
  const foreign = foreignRequests(designer);
  const shown = designer.shownFile();
  const shot = async (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`) });

  await test.step('open the start page', async () => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'New site' })).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await shot('01-start');
  });

  await test.step('start from the HA template', async () => {
    await page.getByRole('button', { name: /HA: 3 control planes/ }).click();
    await expect(designer.heading('ha-site')).toBeVisible();
    await expect(shown).toHaveAttribute('data-text', /^#cloud-config\n/);
    await expect(page.locator('.monaco-editor').first()).toBeVisible();
    // Templates ship with "no login" chosen (they cannot carry anyone's key), and say so.
    await expect(page.getByRole('tab', { name: /Findings \(0 errors, 1 warning\)/ })).toBeVisible();
  });

  await test.step('allow login with an SSH key', async () => {
    await designer.goToSection('Kairos OS');
    await page.getByRole('checkbox', { name: 'No login (nobody can log in)' }).uncheck();
    await expect(page.getByRole('tab', { name: /Findings \(1 error, 0 warnings\)/ })).toBeVisible();
    await expect(designer.saveState()).toContainText('1 error');
    expect(await designer.errorCount()).toBe(1);
    await page
      .getByRole('textbox', { name: 'SSH authorized keys' })
      .fill('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHN0ZXN0a2V5Zm9ydGhlZTJldGVzdHNvbmx5AAAA tech@plant');
    await expect(page.getByRole('tab', { name: /Findings \(0 errors, 0 warnings\)/ })).toBeVisible();
    await expect(shown).toHaveAttribute('data-text', /ssh_authorized_keys:/);
    await designer.goToSection('Cluster');
    await shot('02-designer');
  });

  await test.step('set a proxy: /etc/default/rke2-server gets NO_PROXY with the node address', async () => {
    await designer.goToSection('Network & proxy');
    await page.getByRole('textbox', { name: 'HTTP proxy' }).fill('http://proxy.plant.example:3128');
    await designer.openFile('/etc/default/rke2-server');
    await expect(shown).toHaveAttribute('data-text', /^HTTP_PROXY=http:\/\/proxy\.plant\.example:3128$/m);
    await expect(shown).toHaveAttribute(
      'data-text',
      /^NO_PROXY=,10\.42\.0\.0\/16,10\.43\.0\.0\/16,192\.168\.10\.11\/24,\.svc,\.svc\.cluster,\.svc\.cluster\.local$/m,
    );
    await page.getByRole('textbox', { name: 'NO_PROXY (your entries)' }).fill('.plant.example');
    await expect(shown).toHaveAttribute('data-text', /^NO_PROXY=.*,\.svc\.cluster\.local,\.plant\.example$/m);
    await expect(
      page
        .getByRole('table')
        .filter({ hasText: 'NO_PROXY' })
        .getByRole('row', { name: /worker-2/ }),
    ).toContainText('192.168.10.22/24');
    await expect(page.getByRole('row', { name: /^9345/ })).toContainText('RKE2 supervisor');
    await shot('03-proxy');
  });

  await test.step('add a worker', async () => {
    await designer.goToSection('Nodes');
    await page.getByRole('button', { name: 'Add worker' }).click();
    await expect(designer.nodesTable().getByRole('button', { name: 'worker-3', exact: true })).toBeVisible();
    await expect(page.getByLabel('Preview of node')).toHaveValue('5');
    await expect(shown).toHaveAttribute('data-text', /NO_PROXY=.*192\.168\.10\.23\/24/);
    await shot('04-nodes');
  });

  const fieldMessages = page.locator('#field-extraConfig-messages');
  await test.step('break the site-wide extra config and see the finding with its line', async () => {
    await designer.goToSection('Advanced');
    const editor = page.locator('#field-extraConfig .monaco-editor');
    await expect(editor).toBeVisible();
    await editor.click();
    await page.keyboard.type('node-label: [oops');
    await expect(fieldMessages).toContainText(/Line 1/);
    await page.getByRole('tab', { name: /^Findings \(1 error/ }).click();
    await expect(page.getByRole('button', { name: /Line 1/ })).toBeVisible();
    await shot('05-finding');
  });

  await test.step('go to the line from the finding and fix it', async () => {
    await page.getByRole('button', { name: /Line 1/ }).click();
    await page.keyboard.press('End');
    await page.keyboard.type(']');
    await expect(page.getByRole('tab', { name: /^Findings \(0 errors/ })).toBeVisible();
    await expect(fieldMessages).toHaveCount(0);
  });

  await test.step('complete a key from the RKE2 catalog (monaco-yaml with the generated JSON schema)', async () => {
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('selin');
    await page.keyboard.press('Control+Space');
    await expect(page.locator('.suggest-widget')).toContainText('selinux');
    await shot('05b-completion');
    await page.keyboard.press('Escape');
    for (let i = 0; i < 6; i++) await page.keyboard.press('Backspace');
  });

  await test.step('diff two nodes', async () => {
    await page.getByRole('tab', { name: 'Diff' }).click();
    await page.getByRole('combobox', { name: 'Left', exact: true }).selectOption({ label: 'cp-1' });
    await page.getByRole('combobox', { name: 'Right', exact: true }).selectOption({ label: 'worker-1' });
    await page.getByRole('combobox', { name: 'File', exact: true }).selectOption('user-data');
    const diff = page.getByTestId('diff');
    await expect(diff).toHaveAttribute('data-left', /role: init/);
    await expect(diff).toHaveAttribute('data-right', /role: worker/);
    await expect(page.locator('.monaco-diff-editor')).toBeVisible();
    await shot('06-diff');
  });

  await test.step('see the boot stages', async () => {
    await page.getByRole('tab', { name: 'Boot stages' }).click();
    await expect(
      page
        .getByRole('list', { name: /boot\.before stages/ })
        .getByRole('listitem')
        .first(),
    ).toBeVisible();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  await test.step('reload: the site is intact', async () => {
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
    await expect(designer.saveState()).toHaveText('Saved in this browser');
    await page.reload();
    await expect(designer.heading('ha-site')).toBeVisible();
    await designer.goToSection('Nodes');
    await expect(designer.nodesTable().getByRole('button', { name: 'worker-3', exact: true })).toBeVisible();
    await designer.goToSection('Network & proxy');
    await expect(page.getByRole('textbox', { name: 'HTTP proxy' })).toHaveValue('http://proxy.plant.example:3128');
    await designer.goToSection('Advanced');
    await expect(page.locator('#field-extraConfig .view-lines')).toContainText('node-label: [oops]');
  });

  expect(foreign).toEqual([]);
});

test('an unreadable saved site is reported and set aside, never a blank screen', async ({ page }) => {
  await page.goto('/');
  await test.step('damage the saved site and reload', async () => {
    await page.evaluate(() => localStorage.setItem('rke2-edge-designer:site', '{"format":1,"site":{"version":1,'));
    await page.reload();
  });
  await expect(page.getByRole('alert')).toContainText('could not be read');
  await expect(page.getByRole('alert')).toContainText('rke2-edge-designer:unreadable:');
  await expect(page.getByRole('heading', { name: 'New site' })).toBeVisible();
  const kept = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('rke2-edge-designer:unreadable:'))
      .map((k) => localStorage.getItem(k)),
  );
  expect(kept).toEqual(['{"format":1,"site":{"version":1,']);
});

test('open cloud-configs from the file picker: the site is imported and what was dropped is listed', async ({ page, designer }) => {
  const cloudConfig = (role: string, name: string, address: string) => ({
    name: `${name}.yaml`,
    mimeType: 'text/yaml',
    buffer: Buffer.from(
      `#cloud-config\nhostname: ${name}\ncluster:\n  cluster_token: Zq8vN3kP2wX7mR4tY9bL6cF1hJ5dG0sA\n  control_plane_host: 10.0.0.11\n  role: ${role}\n  config: |\n    node-name: ${name}\n    node-ip: ${address}\n    token: pasted-by-hand\n    cluster-cidr: 10.42.0.0/16\n    service-cidr: 10.43.0.0/16\n`,
    ),
  });
  await page.goto('/');
  await test.step('pick two cloud-configs', () =>
    page
      .getByLabel('Site or cloud-config files')
      .setInputFiles([cloudConfig('init', 'edge-a', '10.0.0.11'), cloudConfig('worker', 'edge-b', '10.0.0.12')]));
  await expect(designer.heading()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Notes on the site you opened' })).toContainText('token');
  await expect(page.getByRole('combobox', { name: 'Preview of node' }).locator('option')).toHaveCount(2);
  await expect(designer.shownFile()).toHaveAttribute('data-text', /cluster_token: Zq8vN3kP2wX7mR4tY9bL6cF1hJ5dG0sA/);
  await expect(designer.shownFile()).not.toHaveAttribute('data-text', /pasted-by-hand/);
});

test('a 1,000-node site stays usable: virtualised rows, sorting, live preview', async ({ page, designer }, testInfo) => {
  await test.step('start from the HA template', () => designer.openFromTemplate(/HA: 3 control planes/));
  const table = designer.nodesTable();
  await test.step('add 995 workers at once', async () => {
    await designer.goToSection('Nodes');
    await page.getByRole('button', { name: 'Add many workers…' }).click();
    await page.getByRole('spinbutton', { name: 'How many' }).fill('995');
    await page.getByRole('textbox', { name: 'Name pattern ({n} is the number)' }).fill('store-w{n}');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(table).toHaveAttribute('aria-rowcount', '1001');
    expect(await table.getByRole('row').count()).toBeLessThan(40);
  });
  await test.step('sort by name, descending, and select the last worker', async () => {
    await table.getByRole('button', { name: /^Name/ }).click();
    await table.getByRole('button', { name: /^Name/ }).click(); // descending: store-w995 first
    await designer.selectNode('store-w995');
    await expect(page.getByRole('combobox', { name: 'Preview of node' })).toHaveValue('999');
    await expect(designer.shownFile()).toHaveAttribute('data-text', /hostname: store-w995/);
  });
  await test.step('rename its host: the preview and the findings follow', async () => {
    await page.getByRole('textbox', { name: 'Host name' }).fill('till-995');
    await expect(designer.shownFile()).toHaveAttribute('data-text', /hostname: till-995/);
    await expect(page.getByRole('tab', { name: 'Findings (0 errors, 1 warning)', exact: true })).toBeVisible();
    expect(await designer.errorCount()).toBe(0);
    await expect(table.getByRole('row', { name: /store-w995/ })).toContainText('ok');
    await page.screenshot({ path: testInfo.outputPath('1000-nodes.png') });
  });
});

test.describe('when the designer code cannot load', () => {
  // The aborted request is logged by Chromium, and the failed dynamic import is reported: both
  // are what this test provokes.
  test.use({ allowedConsoleErrors: /Failed to load resource: net::ERR_FAILED|Failed to fetch dynamically imported module/ });

  test('the page says so instead of staying blank', async ({ page }) => {
    await page.route(/\/assets\/App-[^/]+\.js$/, (route) => route.abort());
    await page.goto('/');
    await page.getByRole('button', { name: /Single node/ }).click();
    await expect(page.getByRole('alert')).toContainText('The designer could not start');
    await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
  });
});
