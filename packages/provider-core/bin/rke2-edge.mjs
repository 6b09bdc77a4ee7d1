#!/usr/bin/env node
// Launcher of the rke2-edge CLI: runs the bundle built by `pnpm build`, bundling it first when it
// is missing or older than the sources (in a checkout with dev dependencies installed).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/rke2-edge.mjs', import.meta.url));
const builder = fileURLToPath(new URL('../scripts/buildCli.mjs', import.meta.url));
if (existsSync(builder)) {
  const { buildCli, bundleIsStale } = await import(builder);
  if (bundleIsStale()) {
    try {
      await buildCli();
    } catch (e) {
      if (!existsSync(bundle)) {
        process.stderr.write(`rke2-edge: cannot build the CLI (${e.message}); run "pnpm install" then "pnpm build"\n`);
        process.exit(2);
      }
    }
  }
}
await import(bundle);
