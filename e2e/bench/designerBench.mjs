#!/usr/bin/env node
/**
 * The designer's performance budgets, measured in Chromium against a production build served
 * locally (`pnpm bench`). Prints each figure beside its budget; exits 1 if one is over.
 *
 *  - initial JavaScript: gzip size of the scripts index.html loads (Monaco and its workers are
 *    separate chunks loaded on demand, so they are not part of it);
 *  - first paint: first-contentful-paint of the start screen, median of 7 fresh browser contexts;
 *  - keystroke → preview: from a keydown in the HTTP proxy field (the event's own timestamp) to
 *    the commit of the preview showing the changed /etc/default/rke2-server, median of 40 keys,
 *    for an HA site grown to 100 and to 1,000 nodes with "Add many workers";
 *  - export: from the click on "Download all (zip)" to the download, 1,000 nodes, without and with
 *    a cidata ISO per node (built in a Web Worker), median of 3;
 *  - opening the largest inputs the designer accepts (largestInputs.mjs: a 4 MiB site.json, the
 *    same site as a share link, a 128 MiB zip of 50,000 entries): the longest main-thread task
 *    (Long Tasks API) from the pick or the navigation until the designer shows the site and the
 *    page has been quiet for a second: how long the page is frozen at worst (median of 3 opens,
 *    each in a fresh page, so the designer's first mount and Monaco's start are included).
 */
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { chromium } from '@playwright/test';
import { largestShareFragment, largestSiteJson, largestZip, LIMITS } from './largestInputs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const web = join(root, 'apps', 'web');
// Its own port (E2E_PORT when set, as in playwright.config.ts) so it never measures another checkout's server.
const PORT = Number(process.env['E2E_PORT'] ?? 4183);
const URL = `http://127.0.0.1:${PORT}/`;
const BUDGETS = {
  initialJsKb: 200,
  firstPaintMs: 500,
  keystroke100Ms: 16,
  keystroke1000Ms: 50,
  export1000Ms: 5_000,
  export1000IsoMs: 8_000,
  openFreezeMs: 200,
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function initialJavaScriptKb() {
  const dist = join(web, 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/?([^"]+\.js)"/g)].map((m) => m[1]);
  const bytes = scripts.reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file)), { level: 9 }).length, 0);
  return { kb: bytes / 1024, scripts };
}

async function serve() {
  const server = spawn('pnpm', ['exec', 'vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
    cwd: web,
    stdio: 'ignore',
    detached: true,
  });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(URL)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the preview server did not start');
}

function launchOptions() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return existsSync(path)
    ? {
        executablePath: path,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      }
    : {};
}

async function firstPaintMs(browser) {
  const samples = [];
  for (let i = 0; i < 7; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(URL);
    await page.getByRole('heading', { name: 'New site' }).waitFor();
    // Waits for the paint entry itself: the heading can be in the DOM before it is painted.
    const paint = page.evaluate(
      () =>
        new Promise((resolve) => {
          new PerformanceObserver((list) => {
            const entry = list.getEntriesByName('first-contentful-paint')[0];
            if (entry) resolve(entry.startTime);
          }).observe({ type: 'paint', buffered: true });
        }),
    );
    samples.push(await Promise.race([paint, new Promise((resolve) => setTimeout(() => resolve(Number.NaN), 5000))]));
    await context.close();
  }
  return median(samples);
}

/** A page holding the HA template grown to `nodes` nodes with "Add many workers". */
async function siteOf(browser, nodes) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(URL);
  await page.getByRole('button', { name: /HA: 3 control planes/ }).click();
  await page.getByRole('tab', { name: 'Nodes' }).click();
  await page.getByRole('button', { name: 'Add many workers…' }).click();
  await page.getByRole('spinbutton', { name: 'How many' }).fill(String(nodes - 5));
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  const options = await page.getByRole('combobox', { name: 'Preview of node' }).locator('option').count();
  if (options !== nodes) throw new Error(`the site has ${options} nodes, not ${nodes}`);
  return { context, page };
}

/** From the click on "Download all (zip)" to the browser's download event, median of 3. */
async function exportMs(browser, nodes, iso) {
  const { context, page } = await siteOf(browser, nodes);
  // The analysis is done when the tab shows its counts; the template's warnings (no-login) do not block a download.
  await page.getByRole('tab', { name: /^Findings \(0 errors, \d+ warnings?\)$/ }).waitFor({ timeout: 30_000 });
  const samples = [];
  for (let i = 0; i < 3; i++) {
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog');
    if (iso) await dialog.getByRole('checkbox', { name: /Include a cidata ISO per node/ }).check();
    const started = Date.now();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      dialog.getByRole('button', { name: 'Download all (zip)' }).click(),
    ]);
    samples.push(Date.now() - started);
    await download.delete();
    await dialog.getByRole('button', { name: 'Close' }).click();
  }
  await context.close();
  return median(samples);
}

async function keystrokeMs(browser, nodes) {
  const { context, page } = await siteOf(browser, nodes);
  await page.getByRole('tab', { name: 'Network & proxy' }).click();
  const proxy = page.getByRole('textbox', { name: 'HTTP proxy' });
  await proxy.fill('http://proxy.example:3128');
  await page.getByRole('navigation', { name: 'Files' }).getByRole('button', { name: '/etc/default/rke2-server', exact: true }).click();
  await page.waitForTimeout(1500); // let the worker's first analysis of the grown site land
  await page.evaluate(() => {
    window.__latencies = [];
    let keyAt = 0;
    document.addEventListener('keydown', (e) => (keyAt = e.timeStamp), true);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.name === 'preview-committed' && keyAt) {
          window.__latencies.push(entry.startTime - keyAt);
          keyAt = 0;
        }
      }
    }).observe({ entryTypes: ['mark'] });
  });
  await proxy.focus();
  await proxy.press('End');
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press(i % 2 ? 'Backspace' : 'x');
    await page.waitForTimeout(60);
  }
  const latencies = await page.evaluate(() => window.__latencies);
  await context.close();
  if (latencies.length < 30) throw new Error(`only ${latencies.length} of 40 keystrokes updated the preview`);
  return median(latencies);
}

/** Records every main-thread task over 50 ms from now on (the Long Tasks API's own threshold). */
const OBSERVE_LONG_TASKS = () => {
  window.__longTasks = [];
  new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
};

/** The longest main-thread task while `open` runs and until the designer shows the site and 1 s passes; median of 3. */
async function openFreezeMs(browser, open) {
  const samples = [];
  for (let i = 0; i < 3; i++) samples.push(await openFreezeOnceMs(browser, open));
  return median(samples);
}

async function openFreezeOnceMs(browser, open) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  await page.addInitScript(OBSERVE_LONG_TASKS);
  await open(page);
  try {
    await page.getByRole('heading', { name: /RKE2 Edge Designer — largest-site/ }).waitFor({ timeout: 120_000 });
  } catch (e) {
    await page.screenshot({ path: join(tmpdir(), 'rke2-edge-bench-open-failed.png') });
    throw e;
  }
  await page.waitForTimeout(1000);
  const tasks = await page.evaluate(() => window.__longTasks);
  await context.close();
  return Math.max(0, ...tasks);
}

async function openLargest(browser) {
  const dir = mkdtempSync(join(tmpdir(), 'rke2-edge-bench-'));
  const siteJson = largestSiteJson();
  const zip = await largestZip(siteJson);
  const fragment = largestShareFragment(siteJson);
  if (Buffer.byteLength(siteJson) > LIMITS.siteJsonBytes || zip.length > LIMITS.zipBytes)
    throw new Error('the "largest" inputs are over the limits');
  writeFileSync(join(dir, 'largest.site.json'), siteJson);
  writeFileSync(join(dir, 'largest.zip'), zip);
  const pick = (file) => async (page) => {
    await page.goto(URL);
    await page.getByLabel('Site or cloud-config files').setInputFiles(join(dir, file));
  };
  const sizes = `site.json ${(Buffer.byteLength(siteJson) / 1024 / 1024).toFixed(2)} MiB, zip ${(zip.length / 1024 / 1024).toFixed(1)} MiB, link ${(fragment.length / 1024).toFixed(0)} K chars`;
  return {
    sizes,
    siteJson: await openFreezeMs(browser, pick('largest.site.json')),
    zip: await openFreezeMs(browser, pick('largest.zip')),
    link: await openFreezeMs(browser, (page) => page.goto(`${URL}${fragment}`)),
  };
}

function row(label, value, unit, budget) {
  const ok = value <= budget;
  console.log(
    `${label.padEnd(40)} ${value.toFixed(1).padStart(8)} ${unit.padEnd(3)} budget ≤ ${String(budget).padStart(6)} ${unit}  ${ok ? 'ok' : 'OVER BUDGET'}`,
  );
  return ok;
}

const only = process.argv.includes('--open-only');
if (!process.argv.includes('--no-build')) execFileSync('pnpm', ['--filter', '@rke2-edge/web', 'build'], { cwd: root, stdio: 'ignore' });
const js = initialJavaScriptKb();
const server = await serve();
const browser = await chromium.launch(launchOptions());
try {
  // --open-only: just the open measurements, for working on them.
  const results = only
    ? []
    : [
        row('initial JavaScript (gzip)', js.kb, 'KB', BUDGETS.initialJsKb),
        row('first paint of the start screen', await firstPaintMs(browser), 'ms', BUDGETS.firstPaintMs),
        row('keystroke → preview, 100 nodes', await keystrokeMs(browser, 100), 'ms', BUDGETS.keystroke100Ms),
        row('keystroke → preview, 1,000 nodes', await keystrokeMs(browser, 1000), 'ms', BUDGETS.keystroke1000Ms),
        row('export zip, 1,000 nodes', await exportMs(browser, 1000, false), 'ms', BUDGETS.export1000Ms),
        row('export zip + cidata ISOs, 1,000 nodes', await exportMs(browser, 1000, true), 'ms', BUDGETS.export1000IsoMs),
      ];
  const largest = await openLargest(browser);
  results.push(
    row('open largest site.json: longest freeze', largest.siteJson, 'ms', BUDGETS.openFreezeMs),
    row('open largest zip: longest freeze', largest.zip, 'ms', BUDGETS.openFreezeMs),
    row('open largest share link: longest freeze', largest.link, 'ms', BUDGETS.openFreezeMs),
  );
  console.log(`(largest inputs: ${largest.sizes})`);
  console.log(`(initial scripts: ${js.scripts.join(', ')})`);
  process.exitCode = results.every(Boolean) ? 0 : 1;
} finally {
  await browser.close();
  try {
    process.kill(-server.pid);
  } catch {
    // the server has already stopped
  }
}
