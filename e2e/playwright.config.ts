import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Offline machines use Debian's Chromium; elsewhere Playwright's own browser is used.
const systemChromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const launchOptions = existsSync(systemChromium)
  ? {
      executablePath: systemChromium,
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

// Two checkouts on one machine each set their own ports (E2E_PORT, E2E_DEV_PORT) so neither
// reuses the other's server.
const port = Number(process.env['E2E_PORT'] ?? 4173);
const devPort = Number(process.env['E2E_DEV_PORT'] ?? 5173);

export default defineConfig({
  testDir: './tests',
  // Sized for a busy 2-core machine (several checkouts building and testing at once): a journey
  // test gets 90 s (the default 30 s is for an idle laptop), one expectation 15 s (default 5 s).
  // Waits are expectations that poll, so a fast machine passes as fast as before.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: './test-results/results.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 720 },
    launchOptions,
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: /dev-server/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 720 }, launchOptions },
    },
    // The README's start command serves the dev server: one smoke test keeps it honest.
    {
      name: 'dev-server',
      testMatch: /dev-server/,
      use: { ...devices['Desktop Chrome'], baseURL: `http://localhost:${devPort}`, viewport: { width: 1280, height: 720 }, launchOptions },
    },
  ],
  webServer: [
    {
      command: `pnpm --filter @rke2-edge/web build && pnpm --filter @rke2-edge/web preview --host 127.0.0.1 --port ${port} --strictPort`,
      url: `http://127.0.0.1:${port}`,
      reuseExistingServer: !process.env['CI'],
      timeout: 180_000,
    },
    {
      command: `pnpm --filter @rke2-edge/web dev --port ${devPort} --strictPort`,
      url: `http://localhost:${devPort}`,
      reuseExistingServer: !process.env['CI'],
      timeout: 180_000,
    },
  ],
});
