/**
 * Runs cloud-configs through the REAL provider-rke2 v4.8.2 plugin (../shared/provider-rke2-real/run,
 * or $RKE2_REAL_PROVIDER_RUN), all files in one call, and says why it cannot when it cannot
 * (not Linux, not root, the runner missing or failing on a trivial input).
 * Output records: ../shared/provider-rke2-real/README.md ("Output format").
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FuzzCase } from './fuzzCases.js';

const RUNNER =
  process.env['RKE2_REAL_PROVIDER_RUN'] ??
  resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../shared/provider-rke2-real/run');
const TRIVIAL =
  '#cloud-config\ncluster:\n  cluster_token: t\n  role: init\n  config: |\n    cluster-cidr: 10.42.0.0/16\n    service-cidr: 10.43.0.0/16\n';

/** One output line of the runner: the recorded fields of oracle-fuzz's `real`, and the file. */
export type RealOutcome = FuzzCase['real'] & { file: string };

/** Runs every file in one call (about 25 files a second). */
export function runReal(files: string[], nodeCidr: string): RealOutcome[] {
  const run = spawnSync(RUNNER, ['--node-cidr', nodeCidr, ...files], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    timeout: 300_000 + files.length * 1_000,
  });
  if (run.status !== 0) throw new Error(`${RUNNER} exited with ${run.status}: ${run.stderr || run.error?.message}`);
  return run.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as RealOutcome);
}

/** Why the real provider cannot be run here, or null. */
export function realProviderProblem(nodeCidr: string): string | null {
  if (process.platform !== 'linux') return `the real provider runs on Linux only (this is ${process.platform})`;
  if (!existsSync(RUNNER)) return `${RUNNER} is not there`;
  if (process.getuid?.() !== 0) return 'the real provider runner needs root (unshare --mount --net)';
  const dir = mkdtempSync(join(tmpdir(), 'real-provider-probe-'));
  try {
    const file = join(dir, 'trivial.yaml');
    writeFileSync(file, TRIVIAL);
    const run = spawnSync(RUNNER, ['--node-cidr', nodeCidr, file], { encoding: 'utf8', timeout: 60_000 });
    if (run.status !== 0)
      return `a trivial run failed (exit ${run.status}): ${(run.stderr || run.error?.message || '').trim().split('\n')[0]}`;
    const kind = (JSON.parse(run.stdout) as RealOutcome).kind;
    return kind === 'written' ? null : `a trivial run gave "${kind}", not "written"`;
  } catch (e) {
    return `a trivial run failed: ${(e as Error).message}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
