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

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: './test-results/results.json' }]],
  use: {
    baseURL: 'http://127.0.0.1:4173',
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
      use: { ...devices['Desktop Chrome'], baseURL: 'http://localhost:5173', viewport: { width: 1280, height: 720 }, launchOptions },
    },
  ],
  webServer: [
    {
      command: 'pnpm --filter @rke2-edge/web build && pnpm --filter @rke2-edge/web preview --host 127.0.0.1',
      url: 'http://127.0.0.1:4173',
      reuseExistingServer: !process.env['CI'],
      timeout: 180_000,
    },
    {
      command: 'pnpm --filter @rke2-edge/web dev',
      url: 'http://localhost:5173',
      reuseExistingServer: !process.env['CI'],
      timeout: 180_000,
    },
  ],
});
