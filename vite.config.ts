import { defineConfig } from 'vitest/config';

// One `pnpm test` runs the unit tests of every package: each package is a Vitest project.
// Under CI a JSON report is written too, so .ci/run can count what passed and failed.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*'],
    reporters: process.env['CI'] ? ['default', ['json', { outputFile: '.ci-out/vitest.json' }]] : ['default'],
  },
});
