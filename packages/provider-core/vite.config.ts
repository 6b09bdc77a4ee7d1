import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'provider-core',
    environment: 'node',
    globalSetup: ['./test/build-cli.ts'],
    testTimeout: 60_000,
  },
});
