import { defineConfig } from 'vitest/config';

// One `pnpm test` runs the unit tests of every package: each package is a Vitest project.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*'],
  },
});
