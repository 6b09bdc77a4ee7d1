/** Vitest global setup: bundle the rke2-edge CLI once, so tests run the real binary. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const cwd = fileURLToPath(new URL('..', import.meta.url));
  execFileSync('pnpm', ['--silent', 'build:cli'], { cwd, stdio: 'inherit' });
}
