// Bundles the rke2-edge CLI into dist/rke2-edge.mjs. Used by `pnpm build:cli` and, when the bundle
// is missing or older than the sources, by bin/rke2-edge.mjs itself.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const bundlePath = join(root, 'dist', 'rke2-edge.mjs');

function newestSource(dir) {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs;
    return Math.max(newest, time);
  }, 0);
}

export function bundleIsStale() {
  try {
    return statSync(bundlePath).mtimeMs < newestSource(join(root, 'src'));
  } catch {
    return true;
  }
}

/** Bundles a TypeScript entry point of this package into one ES module for Node. */
export async function bundleForNode(entry, outfile) {
  const { build } = await import('esbuild');
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    logLevel: 'warning',
    // The yaml package's CommonJS build calls require(); give the ES module bundle a real one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
}

export const buildCli = () => bundleForNode(join(root, 'src', 'cli', 'main.ts'), bundlePath);

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await buildCli();
