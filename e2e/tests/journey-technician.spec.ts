/**
 * The field technician's journey: open the zip the architect shared, print the node labels and the
 * run sheet, download one node's cidata ISO and check it against the SHA-256 on its label. The QR
 * codes are read back from screenshots with jsQR, an independent decoder.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { buildBundle, nodeLabels, siteTemplate } from '@rke2-edge/provider-core';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { expect, seriousAxeViolations, test } from './fixtures.js';
import { readmeShot, shot } from './screenshots.js';

// Two device pixels per CSS pixel: each QR module is about 5 pixels in the screenshots jsQR reads.
test.use({ deviceScaleFactor: 2 });

/** The text of the QR code in an element's screenshot, or null when jsQR finds none. */
async function decodeQr(element: Locator): Promise<string | null> {
  const png = PNG.sync.read(await element.screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

async function openPrintSheet(page: Page) {
  await page.getByRole('button', { name: 'Export…' }).click();
  await page.getByRole('button', { name: 'Open the site sheet for printing' }).click();
  await expect(page.getByRole('heading', { name: /^Site sheet: / })).toBeVisible();
}

test('a technician opens a shared zip, prints labels and a run sheet, downloads one ISO and checks its SHA-256', async ({
  page,
}, testInfo) => {
  const site = siteTemplate('ha')!.build();
  const zipPath = testInfo.outputPath(`${site.name}.zip`);

  await test.step('the architect shares the site as a zip (built by provider-core, as the Export dialog does)', async () => {
    const bundle = await buildBundle(site, { format: 'zip', iso: true });
    if (!bundle.ok) throw new Error(bundle.reason);
    writeFileSync(zipPath, bundle.bytes);
  });

  await test.step('open the shared zip from the start screen', async () => {
    await page.goto('/');
    await page.getByLabel('Site or cloud-config files').setInputFiles(zipPath);
    await expect(page.getByRole('heading', { name: `RKE2 Edge Designer — ${site.name}` })).toBeVisible();
  });

  const { labels } = await nodeLabels(site);
  const worker = labels.find((l) => l.node === 'worker-1')!;

  await test.step('open the print sheet: a label with a QR code per node, and the run sheet in install order', async () => {
    await openPrintSheet(page);
    const grid = page.getByRole('region', { name: /Node labels/ }).getByRole('list');
    await expect(grid.getByRole('listitem')).toHaveCount(site.nodes.length);
    for (const label of labels) {
      const item = grid.getByRole('listitem', { name: `Label of ${label.node}` });
      await expect(item.getByRole('img', { name: `QR code: label of ${label.node}` })).toBeVisible();
      await expect(item).toContainText(label.userDataSha256);
      await expect(item).toContainText(label.isoSha256);
    }
    const run = page.getByRole('region', { name: `Run sheet: ${site.name}` });
    const rows = run.getByRole('row');
    await expect(rows).toHaveCount(site.nodes.length + 1);
    await expect(rows.nth(1)).toContainText('cp-1');
    await expect(rows.nth(1)).toContainText('nothing: it goes first');
    await expect(rows.nth(2)).toContainText('cp-1 Ready');
    await expect(run.getByRole('row', { name: /worker-1/ })).toContainText('every server Ready (cp-1, cp-2, cp-3)');
    await page.getByRole('region', { name: /Node labels/ }).scrollIntoViewIfNeeded();
    await shot(page, testInfo, 'print-sheet-1280', true);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('heading', { name: /Node labels/ }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await readmeShot(page, testInfo, 'field-kit');
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  await test.step("read worker-1's QR code from a screenshot: it holds exactly its label text", async () => {
    const qr = page.getByRole('img', { name: 'QR code: label of worker-1' });
    expect(await decodeQr(qr)).toBe(worker.text);
  });

  await test.step('tick a node on the run sheet by keyboard, and print (print media)', async () => {
    const box = page.getByRole('checkbox', { name: 'cp-1 done' });
    await box.focus();
    await page.keyboard.press('Space');
    await expect(box).toBeChecked();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
    await shot(page, testInfo, 'print-media', true);
    // The labels' QR codes still read on the print layout.
    expect(await decodeQr(page.getByRole('img', { name: 'QR code: label of cp-1' }))).toBe(labels[0]!.text);
    await page.emulateMedia({ media: 'screen' });
  });

  await test.step('at 800 px wide the labels stack and still read', async () => {
    await page.setViewportSize({ width: 800, height: 900 });
    await page.getByRole('heading', { name: /Node labels/ }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await shot(page, testInfo, 'labels-800');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
    expect(await decodeQr(page.getByRole('img', { name: 'QR code: label of worker-2' }))).toBe(labels[4]!.text);
    await page.setViewportSize({ width: 1440, height: 900 });
    await shot(page, testInfo, 'labels-1440');
  });

  await test.step("download worker-1's cidata ISO: its SHA-256 is the one printed on worker-1's label", async () => {
    const printed = await page
      .getByRole('listitem', { name: 'Label of worker-1' })
      .locator('p', { hasText: 'cidata.iso sha256' })
      .locator('.mono')
      .textContent();
    expect(printed).toBe(worker.isoSha256);
    await page.getByRole('button', { name: 'Back to the designer' }).click();
    await page.getByRole('combobox', { name: 'Preview of node' }).selectOption({ label: 'worker-1 (worker)' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download cidata ISO' }).click(),
    ]);
    const isoPath = testInfo.outputPath('worker-1.iso');
    await download.saveAs(isoPath);
    expect(createHash('sha256').update(readFileSync(isoPath)).digest('hex')).toBe(printed);
  });
});

test('the topology links every node to the control-plane endpoint, not workers under a server', async ({ page, designer }, testInfo) => {
  for (const [template, name] of [
    [/HA: 3 control planes/, 'topology-ha'],
    [/CIS hardened with SELinux/, 'topology-kube-vip'],
  ] as const) {
    await test.step(`${name}: every link ends on the endpoint`, async () => {
      await page.evaluate(() => localStorage.clear()).catch(() => {}); // the start screen, not the last site
      await designer.openFromTemplate(template);
      await openPrintSheet(page);
      const figure = page.locator('figure.topology');
      await expect(figure.getByRole('img', { name: /^Topology:/ })).toBeVisible();
      const ends = await figure
        .locator('line.topology-link')
        .evaluateAll((lines) => lines.map((l) => [l.getAttribute('x2'), l.getAttribute('y2')].join(',')));
      // Servers link to the endpoint's top edge, workers to its bottom edge, all at its centre.
      expect(new Set(ends)).toEqual(new Set(['380,85', '380,121']));
      await figure.screenshot({ path: testInfo.outputPath(`${name}.png`), scale: 'css' });
      await page.getByRole('button', { name: 'Back to the designer' }).click();
    });
  }
});
