#!/usr/bin/env node
// Launcher for the bundled CLI built by `pnpm build` (packages/provider-core/dist/rke2-edge.mjs).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/rke2-edge.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('rke2-edge: not built yet; run "pnpm build" (or "pnpm rke2-edge ..." from the repository root)\n');
  process.exit(2);
}
await import(bundle);
