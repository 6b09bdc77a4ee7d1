import { defineProject } from 'vitest/config';

export default defineProject({
  // Timeouts sized for a busy 2-core machine, like the web app's (root vite.config.ts).
  test: { name: 'ui', environment: 'node', passWithNoTests: true, testTimeout: 30_000, hookTimeout: 30_000 },
});
