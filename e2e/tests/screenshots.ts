/**
 * Screenshots the specs take for a person to look at, and the README's pictures. Each goes to the
 * test's output folder, or to SHOTS_DIR when it is set (one folder to browse after a run). The
 * README's pictures (docs/screenshots/NAME.png) are rewritten only with UPDATE_SCREENSHOTS=1, so a
 * test run leaves the checkout clean.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page, TestInfo } from '@playwright/test';

const README_PICTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');

function pathFor(testInfo: TestInfo, name: string): string {
  const dir = process.env['SHOTS_DIR'];
  if (!dir) return testInfo.outputPath(`${name}.png`);
  mkdirSync(dir, { recursive: true });
  return join(dir, `${name}.png`);
}

/** A screenshot to look at: the viewport, or the whole page. */
export async function shot(page: Page, testInfo: TestInfo, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: pathFor(testInfo, name), fullPage, scale: 'css' });
}

/** The README's picture NAME (1,280 × 800 viewport): kept with the others, and written to docs/screenshots on request. */
export async function readmeShot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = process.env['UPDATE_SCREENSHOTS'] ? join(README_PICTURES, `${name}.png`) : pathFor(testInfo, name);
  await page.screenshot({ path, scale: 'css' });
}
