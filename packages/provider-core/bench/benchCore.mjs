#!/usr/bin/env node
// `pnpm bench:core [--quick]`: bundles bench/benchCore.ts with esbuild (bundleForNode, as the CLI
// is bundled) into dist/bench-core.mjs and runs it in its own Node process with a heap large
// enough for a 20,000-node site. Extra Node flags (e.g. --cpu-prof) go through NODE_OPTIONS.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleForNode } from '../scripts/buildCli.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(root, 'dist', 'bench-core.mjs');
await bundleForNode(join(root, 'bench', 'benchCore.ts'), bundle);
const run = spawnSync(process.execPath, ['--max-old-space-size=12288', bundle, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
