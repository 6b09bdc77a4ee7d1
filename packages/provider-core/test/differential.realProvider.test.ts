/**
 * Differential test against the REAL provider-rke2 v4.8.2 plugin: hostile cloud-configs from
 * ./hostileCloudConfigs.ts (anchors, tags, directives, flow and block scalars, exotic line ends,
 * long keys, duplicate keys...) go through the real binary (one call for all) and through
 * `runPlugin`; the outcome kind, error or panic text, cluster.kairos.yaml, every file, the merged
 * config.yaml, jq's exit status and stderr must be the same.
 *
 * The one input class without a single right answer: two user config keys that become the same
 * JSON key with different values (Go then keeps either, from one run to the next). There the port
 * must say so: `lintCloudConfig` reports `ambiguous-key`.
 *
 * DIFF_RUNS inputs per seed (default 300), seeds from DIFF_SEEDS (comma-separated, default FC_SEED
 * or the project's fixed seed); DIFF_OUT=<file> writes every mismatch as JSON lines for study.
 * Needs Linux, root and the runner's tools; otherwise it is skipped with the reason printed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCloudConfig } from '../src/kairos/decodeCloudConfig.js';
import { lintCloudConfig } from '../src/lint/lintCloudConfig.js';
import { runPlugin } from '../src/provider/runPlugin.js';
import { decodeYamlV2 } from '../src/yaml/yamlToJson.js';
import { propertySettings } from './fastCheckSettings.js';
import { asRecorded, type FuzzCase } from './fuzzCases.js';
import { hostileCloudConfig } from './hostileCloudConfigs.js';
import { realProviderProblem, runReal, type RealOutcome } from './realProviderRunner.js';

const NODE_CIDR = '192.168.1.10/24';
const RUNS = Number(process.env['DIFF_RUNS'] ?? 300);
const SEEDS = (process.env['DIFF_SEEDS'] ?? String(propertySettings.seed)).split(',').map(Number);

const problem = realProviderProblem(NODE_CIDR);
if (problem) console.warn(`[differential.realProvider] skipped: ${problem}`);

const FIELDS = ['kind', 'exitCode', 'error', 'clusterKairosYaml', 'files', 'merged', 'jqExit', 'jqStderr'] as const;

/** The fields where the port differs from the real plugin. */
function differences(real: RealOutcome, port: FuzzCase['real']): string[] {
  return FIELDS.filter((f) => JSON.stringify(real[f]) !== JSON.stringify(port[f]));
}

/**
 * Two user config keys that become one JSON key with different values: the device's choice is
 * random, also whether the conversion fails (`true: 1` and `"true": .inf`: json.Marshal refuses +Inf).
 */
function ambiguousConfig(text: string): boolean {
  const decoded = decodeCloudConfig(text);
  if (decoded.kind !== 'cluster') return false;
  const user = decodeYamlV2(decoded.cluster.config || '{}');
  return user.ok && user.ambiguous.length > 0;
}

interface Mismatch {
  seed: number;
  index: number;
  fields: string[];
  input: string;
  real: RealOutcome;
  port: FuzzCase['real'];
}

describe.skipIf(problem !== null)('hostile cloud-configs: the port does what the real provider-rke2 does', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'differential-'));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each(SEEDS)(`seed %i: ${RUNS} inputs through both`, { timeout: 120_000 + RUNS * 200 }, (seed) => {
    const inputs = fc.sample(hostileCloudConfig, { seed, numRuns: RUNS });
    const files = inputs.map((text, i) => {
      const file = join(dir, `${seed}-${i}.yaml`);
      writeFileSync(file, text);
      return file;
    });
    const started = Date.now();
    const outcomes = runReal(files, NODE_CIDR);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    expect(outcomes).toHaveLength(inputs.length);

    const mismatches: Mismatch[] = [];
    const unflagged: string[] = [];
    const kinds = new Map<string, number>();
    let ambiguous = 0;
    let diskDependent = 0;
    outcomes.forEach((real, index) => {
      const input = inputs[index]!;
      const port = runPlugin(input, { nodeCidr: NODE_CIDR });
      if ((port.kind === 'written' && port.cluster.cluster_config_path) || real.kind === 'write-error') {
        diskDependent++; // where the file goes depends on the device's disk
        return;
      }
      kinds.set(real.kind, (kinds.get(real.kind) ?? 0) + 1);
      if (ambiguousConfig(input)) {
        ambiguous++;
        const codes = lintCloudConfig(input, { nodeCidr: NODE_CIDR }).map((f) => f.code);
        if (!codes.includes('ambiguous-key')) unflagged.push(input);
        return;
      }
      const recorded = asRecorded(port);
      const fields = differences(real, recorded);
      if (fields.length > 0) mismatches.push({ seed, index, fields, input, real, port: recorded });
    });

    const out = process.env['DIFF_OUT'];
    if (out) writeFileSync(out, mismatches.map((m) => JSON.stringify(m)).join('\n') + (mismatches.length > 0 ? '\n' : ''), { flag: 'a' });
    console.info(
      `[differential.realProvider] seed ${seed}: ${inputs.length} inputs through the real provider in ${seconds} s ` +
        `(${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}; ${ambiguous} with ambiguous config keys, ${diskDependent} disk-dependent); ` +
        `${mismatches.length} mismatches`,
    );
    expect(unflagged).toEqual([]);
    expect(mismatches.slice(0, 5).map(({ fields, input, real, port }) => ({ fields, input, real, port }))).toEqual([]);
  });
});
