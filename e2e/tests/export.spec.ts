import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expandSite, parseSite, withoutSecrets, type Site } from '@rke2-edge/provider-core';
import JSZip from 'jszip';
import { expect, seriousAxeViolations, test, type Designer } from './fixtures.js';

const APP = `http://127.0.0.1:${process.env['E2E_PORT'] ?? 4173}`;

/** The site the app has saved so far (autosave writes after a 300 ms pause), or null before its first save. */
async function savedNow(page: Page): Promise<Site | null> {
  const raw = await page.evaluate(() => localStorage.getItem('rke2-edge-designer:site'));
  if (raw === null) return null;
  const parsed = parseSite((JSON.parse(raw) as { site: unknown }).site);
  return parsed.ok ? parsed.site : null;
}

/** The saved site once it satisfies `ready` (polled, never a fixed sleep). */
async function savedSite(page: Page, ready: (site: Site) => boolean): Promise<Site> {
  await expect
    .poll(async () => {
      const site = await savedNow(page);
      return site !== null && ready(site);
    })
    .toBe(true);
  return (await savedNow(page))!;
}

async function haSiteWithRegistryPassword(designer: Designer) {
  const { page } = designer;
  await designer.openFromTemplate(/HA: 3 control planes/);
  await designer.goToSection('Air-gap & registries');
  await page.getByRole('button', { name: 'Add registry' }).click();
  const registry = page.getByRole('group', { name: 'Registry 1' });
  await registry.getByRole('textbox', { name: 'Registry host' }).fill('registry.plant.example:5000');
  await registry.getByRole('textbox', { name: 'User name' }).fill('puller');
  await registry.getByLabel('Password').fill('s3cret-pw');
}

test('download the zip and an ISO, share a link, import the zip back, print', async ({
  page,
  browser,
  designer,
  consoleErrors,
}, testInfo) => {
  await test.step('start from the HA template and add a registry with a password', () => haSiteWithRegistryPassword(designer));
  const site = await savedSite(page, (s) => s.airGap.registryConfigs[0]?.password === 's3cret-pw');
  const expanded = expandSite(site);
  const dialog = page.getByRole('dialog', { name: /Export ha-site/ });
  const zipPath = testInfo.outputPath('ha-site.zip');

  await test.step("download all (zip) with ISOs: every node's user-data is provider-core's expansion of the site", async () => {
    await designer.openExport();
    await dialog.getByRole('checkbox', { name: /Include a cidata ISO per node/ }).check();
    await page.screenshot({ path: testInfo.outputPath('01-export.png') });
    expect(await seriousAxeViolations(page)).toEqual([]);
    const [zipDownload] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Download all (zip)' }).click(),
    ]);
    expect(zipDownload.suggestedFilename()).toBe('ha-site.zip');
    await zipDownload.saveAs(zipPath);
    await expect(dialog.getByRole('status').filter({ hasText: 'Downloaded ha-site.zip' })).toContainText('5 node(s)');
    const zip = await JSZip.loadAsync(readFileSync(zipPath));
    for (const node of expanded.nodes) {
      expect(await zip.file(`ha-site/${node.node.name}/user-data`)!.async('string')).toBe(node.userData);
      expect(await zip.file(`ha-site/${node.node.name}/meta-data`)!.async('string')).toBe(node.metaData);
      expect(zip.file(`ha-site/${node.node.name}/cidata.iso`)).not.toBeNull();
    }
    expect(parseSite(await zip.file('ha-site/site.json')!.async('string'))).toEqual({ ok: true, site });
    // Debian's unzip agrees that the archive is sound (CRCs, sizes, directory).
    expect(execFileSync('unzip', ['-tq', zipPath], { encoding: 'utf8' })).toMatch(/^No errors detected/);
  });

  const link = await test.step('copy a share link without secrets', async () => {
    await dialog.getByRole('button', { name: 'Copy share link' }).click();
    await expect(dialog.getByRole('status').filter({ hasText: 'left out' })).toBeVisible();
    const shared = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();
    expect(shared.startsWith(`${APP}/#share=`)).toBe(true);
    expect(shared).not.toContain(site.cluster.token);
    await dialog.getByRole('button', { name: 'Close' }).click();
    return shared;
  });

  await test.step("download one node's cidata ISO and read it back with Debian's isoinfo", async () => {
    await page.getByRole('combobox', { name: 'Preview of node' }).selectOption({ label: 'worker-1 (worker)' });
    const [isoDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download cidata ISO' }).click(),
    ]);
    expect(isoDownload.suggestedFilename()).toBe('worker-1-cidata.iso');
    const isoPath = testInfo.outputPath('worker-1.iso');
    await isoDownload.saveAs(isoPath);
    expect(execFileSync('isoinfo', ['-d', '-i', isoPath], { encoding: 'utf8' })).toMatch(/^Volume id: cidata$/m);
    expect(execFileSync('isoinfo', ['-R', '-x', '/user-data', '-i', isoPath], { encoding: 'utf8' })).toBe(expanded.nodes[3]!.userData);
    expect(execFileSync('isoinfo', ['-J', '-x', '/meta-data', '-i', isoPath], { encoding: 'utf8' })).toBe(expanded.nodes[3]!.metaData);
  });

  await test.step('open the site sheet for printing', async () => {
    await designer.openExport();
    await page.getByRole('button', { name: 'Open the site sheet for printing' }).click();
    await expect(page.getByRole('heading', { name: 'Site sheet: ha-site' })).toBeVisible();
    await expect(page.getByRole('img', { name: /Topology: 3 server\(s\) behind 192\.168\.10\.5, 2 worker\(s\)/ })).toBeVisible();
    await expect(page.getByRole('row', { name: /^9345/ })).toBeVisible();
    await expect(page.locator('main')).not.toContainText(site.cluster.token);
    await page.screenshot({ path: testInfo.outputPath('02-print.png'), fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Back to the designer' }).click();
  });

  const fresh = await browser.newContext();
  const receiver = await fresh.newPage();
  consoleErrors.watch(receiver);
  await test.step('open the link in a fresh browser: the same site, without the token and the registry password', async () => {
    await receiver.goto(link);
    await expect(receiver.getByRole('heading', { name: /RKE2 Edge Designer — ha-site/ })).toBeVisible();
    const notes = receiver.getByRole('region', { name: 'Notes on the site you opened' });
    await expect(notes).toContainText('the cluster token');
    await expect(notes).toContainText('registry.plant.example:5000');
    await expect.poll(() => savedNow(receiver)).toEqual(withoutSecrets(site).site);
    // The link's fragment is gone once opened: what is left names the designer's page (#/cluster), nothing shared.
    expect(new URL(receiver.url()).hash).toMatch(/^(#\/[a-z]+)?$/);
    await receiver.screenshot({ path: testInfo.outputPath('03-shared.png') });
    await expect(receiver.getByRole('tab', { name: /Findings \([1-9]\d* error/ })).toBeVisible(); // the empty token is an error until filled in
  });

  await test.step('import the zip back: the same site, secrets included; Undo brings the shared one back', async () => {
    await receiver.getByRole('button', { name: 'New or open…' }).click();
    await receiver.getByLabel('Site or cloud-config files').setInputFiles(zipPath);
    await expect(receiver.getByRole('heading', { name: /RKE2 Edge Designer — ha-site/ })).toBeVisible();
    await expect.poll(() => savedNow(receiver)).toEqual(site);
    await receiver.getByRole('button', { name: 'Undo' }).click(); // opening replaced the shared site: Undo brings it back
    await expect.poll(async () => (await savedNow(receiver))?.cluster.token).toBe('');
  });
  await fresh.close();
});

test('a site with errors is blocked from download with the list, unless downloaded anyway', async ({ page, designer }) => {
  await test.step('start a single-node site and break its token', async () => {
    await designer.openFromTemplate(/Single node/);
    await page.getByLabel('Cluster token').fill('short');
    await expect(designer.saveState()).toContainText('1 error');
  });
  const dialog = await test.step('open the export dialog: the error is listed, no plain download', async () => {
    const exportDialog = await designer.openExport();
    await expect(exportDialog.getByRole('alert')).toContainText('The site has 1 error');
    await expect(exportDialog.getByRole('alert')).toContainText('5 characters');
    await expect(exportDialog.getByRole('button', { name: 'Download all (zip)' })).toHaveCount(0);
    return exportDialog;
  });
  await test.step('download anyway', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Download anyway (experts)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('single-node.zip');
  });
});
