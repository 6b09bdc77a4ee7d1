/**
 * Reads ../shared/oracle-fuzz/cases.jsonl (or $RKE2_ORACLE_FUZZ_DIR): random and hostile
 * cloud-configs with what the real provider-rke2 v4.8.2 did with each. Format in its README.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PluginOutcome } from '../src/provider/runPlugin.js';

const ORACLE_FUZZ_DIR =
  process.env['RKE2_ORACLE_FUZZ_DIR'] ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../shared/oracle-fuzz');

interface FuzzFile {
  path: string;
  permissions: number;
  owner: number;
  group: number;
  content: string;
}

export interface FuzzCase {
  id: string;
  /** examples.jsonl only: the outcome depends on the device's disk (cluster_config_path). */
  dependsOnDisk?: boolean;
  nodeCidr: string;
  input: string;
  real: {
    kind: 'written' | 'panic' | 'sdk-error' | 'no-cluster' | 'write-error';
    exitCode: number;
    error: string | null;
    clusterKairosYaml: string | null;
    files: FuzzFile[];
    merged: string | null;
    jqExit: number | null;
    jqStderr: string | null;
  };
}

function readJsonl(path: string): FuzzCase[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as FuzzCase);
}

/** The 1,966 generated cases. */
export function loadFuzzCases(): FuzzCase[] {
  return readJsonl(join(ORACLE_FUZZ_DIR, 'cases.jsonl'));
}

/** The 49 minimised, crafted and designer-made examples. */
export function loadFuzzExamples(): FuzzCase[] {
  return readJsonl(join(ORACLE_FUZZ_DIR, 'examples', 'examples.jsonl'));
}

/** The port's outcome in the corpus' and the runner's terms (oracle-fuzz README, "port:" notes per field). */
export function asRecorded(o: PluginOutcome): FuzzCase['real'] {
  const none = { clusterKairosYaml: null, files: [], merged: null, jqExit: null, jqStderr: null };
  if (o.kind === 'sdk-error') return { kind: o.kind, exitCode: 0, error: o.message, ...none };
  if (o.kind === 'panic')
    return { kind: o.kind, exitCode: 2, error: o.panic.at ? `${o.panic.goPanic} (${o.panic.at})` : o.panic.goPanic, ...none };
  if (o.kind === 'no-cluster') return { kind: o.kind, exitCode: 0, error: null, ...none };
  return {
    kind: o.kind,
    exitCode: 0,
    error: null,
    clusterKairosYaml: o.clusterKairosYaml,
    files: o.files.map(({ path, permissions, owner, group, content }) => ({ path, permissions, owner, group, content })),
    merged: o.merged.text,
    jqExit: o.merged.ok ? 0 : o.merged.exitCode,
    jqStderr: o.merged.ok ? '' : `${o.merged.error}\n`,
  };
}
