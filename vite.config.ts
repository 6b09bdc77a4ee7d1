import { defineConfig } from 'vitest/config';

/**
 * Time for one test or hook. The defaults (5 s, 10 s) are sized for an idle laptop; on a busy
 * 2-core machine (CI, or several checkouts at once) a jsdom test that renders the whole designer
 * takes longer than 5 s without anything being wrong. A hung test still fails, after 30 s.
 */
const BUSY_MACHINE_TIMEOUTS = { testTimeout: 30_000, hookTimeout: 30_000 };

// One `pnpm test` runs the unit tests of every package: each package is a Vitest project.
// Under CI a JSON report is written too, so .ci/run can count what passed and failed.
export default defineConfig({
  test: {
    projects: [
      'packages/*',
      // The web app's own config (apps/web/vite.config.ts: React, jsdom), with the timeouts above.
      { extends: './apps/web/vite.config.ts', root: './apps/web', test: BUSY_MACHINE_TIMEOUTS },
    ],
    reporters: process.env['CI'] ? ['default', ['json', { outputFile: '.ci-out/vitest.json' }]] : ['default'],
  },
});
