import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'provider-core',
    environment: 'node',
    globalSetup: ['./test/build-cli.ts'],
    // Sized for a busy 2-core machine: some tests run the built CLI or bundle 1,000-node sites.
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
