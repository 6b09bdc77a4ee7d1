/**
 * Per-node timings of runPlugin (provider/runPlugin.ts) and of each of its stages. For each node
 * the stages run one after the other, as runPlugin chains them, each timed on its own: decode
 * (decodeCloudConfig), provider (clusterProvider, with the YAMLToJSON of the user config), render
 * (renderClusterKairosYaml), jq merge (mergedConfigOf); then the whole runPlugin is timed on the
 * same node. Timing the stages in the same mix of work as runPlugin keeps their sum close to it
 * (a stage run alone over all nodes is faster: its code and data stay in the caches).
 *
 * The serialization floor is the time to write the same output bytes with no logic at all:
 * TextEncoder of each output text (cluster.kairos.yaml, the provider's files, merged config.yaml)
 * into a buffer.
 */
import { decodeCloudConfig } from '../src/kairos/decodeCloudConfig.js';
import { renderClusterKairosYaml } from '../src/kairos/renderClusterKairosYaml.js';
import { clusterProvider } from '../src/provider/clusterProvider.js';
import { filesOf, mergedConfigOf, runPlugin, type PluginOutcome } from '../src/provider/runPlugin.js';
import type { NodeInput } from './benchSites.js';

export interface StageTimes {
  /** µs per node and round, one entry per node that reached the stage. */
  decode: number[];
  provider: number[];
  render: number[];
  jq: number[];
  runPlugin: number[];
  floor: number[];
  /** UTF-8 bytes of each written node's output texts. */
  outputBytes: number[];
  /** How many node inputs ended in each outcome kind (written, panic, …). */
  outcomes: Map<string, number>;
}

const microseconds = (start: number) => (performance.now() - start) * 1000;

const outputTexts = (outcome: PluginOutcome & { kind: 'written' }): string[] => [
  outcome.clusterKairosYaml,
  ...outcome.files.map((f) => f.content),
  outcome.merged.text,
];

function countOutcomes(outcomes: readonly PluginOutcome[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const o of outcomes) counts.set(o.kind, (counts.get(o.kind) ?? 0) + 1);
  return counts;
}

/** One node: the stages in runPlugin's order, each timed, then runPlugin itself. */
function timeNode(input: NodeInput, t: StageTimes): void {
  const options = { nodeCidr: input.nodeCidr };
  let start = performance.now();
  const decoded = decodeCloudConfig(input.cloudConfig);
  t.decode.push(microseconds(start));
  if (decoded.kind === 'cluster') {
    start = performance.now();
    const result = clusterProvider(decoded.cluster, options);
    t.provider.push(microseconds(start));
    if (result.ok) {
      start = performance.now();
      renderClusterKairosYaml(result.yip);
      t.render.push(microseconds(start));
      start = performance.now();
      mergedConfigOf(filesOf(result.yip));
      t.jq.push(microseconds(start));
    }
  }
  start = performance.now();
  runPlugin(input.cloudConfig, options);
  t.runPlugin.push(microseconds(start));
}

/** Serialization floor: each written node's output texts, flat, encoded into one buffer. */
function floorTimes(outcomes: readonly PluginOutcome[], t: StageTimes): void {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  // Flat copies of the output texts: the floor writes bytes, it does not join pieces.
  const written = outcomes.flatMap((o) => (o.kind === 'written' ? [outputTexts(o).map((s) => decoder.decode(encoder.encode(s)))] : []));
  const buffer = new Uint8Array(1 << 22);
  for (const texts of written) {
    const start = performance.now();
    let offset = 0;
    for (const text of texts) offset += encoder.encodeInto(text, buffer.subarray(offset)).written;
    t.floor.push(microseconds(start));
    t.outputBytes.push(offset);
  }
}

/** Times every node input `rounds` times, after one untimed warm-up pass. */
export function stageTimes(inputs: readonly NodeInput[], rounds: number): StageTimes {
  const outcomes = inputs.map((input) => runPlugin(input.cloudConfig, { nodeCidr: input.nodeCidr }));
  const t: StageTimes = {
    decode: [],
    provider: [],
    render: [],
    jq: [],
    runPlugin: [],
    floor: [],
    outputBytes: [],
    outcomes: countOutcomes(outcomes),
  };
  for (let round = 0; round < rounds; round++) for (const input of inputs) timeNode(input, t);
  for (let round = 0; round < rounds; round++) floorTimes(outcomes, t);
  return t;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
