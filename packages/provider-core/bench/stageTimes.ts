/**
 * Per-node timings of runPlugin (provider/runPlugin.ts) and of each of its stages, one pass over
 * all node inputs per stage, each stage fed the previous stage's results so it runs alone:
 * decode (decodeCloudConfig), provider (clusterProvider, with the YAMLToJSON of the user config),
 * render (renderClusterKairosYaml), jq merge (mergedConfigOf), then the whole runPlugin. The
 * serialization floor is the time to write the same output bytes with no logic at all: TextEncoder
 * of each output text (cluster.kairos.yaml, the provider's files, merged config.yaml) into a
 * buffer.
 */
import { decodeCloudConfig } from '../src/kairos/decodeCloudConfig.js';
import type { Cluster } from '../src/kairos/clusterSchema.js';
import { renderClusterKairosYaml } from '../src/kairos/renderClusterKairosYaml.js';
import type { YipConfig } from '../src/kairos/yipSchema.js';
import { clusterProvider } from '../src/provider/clusterProvider.js';
import { filesOf, mergedConfigOf, runPlugin, type PluginOutcome } from '../src/provider/runPlugin.js';
import type { NodeInput } from './benchSites.js';

export interface StageTimes {
  /** µs per node, one entry per node input (fewer for stages that not every node reaches). */
  decode: Float64Array;
  provider: Float64Array;
  render: Float64Array;
  jq: Float64Array;
  runPlugin: Float64Array;
  floor: Float64Array;
  /** UTF-8 bytes of each written node's output texts. */
  outputBytes: Float64Array;
  /** How many node inputs ended in each outcome kind (written, panic, …). */
  outcomes: Map<string, number>;
}

/** Calls `f` on each item, timing each call in µs. */
function timeEach<T, R>(items: readonly T[], f: (item: T) => R): { times: Float64Array; results: R[] } {
  const times = new Float64Array(items.length);
  const results: R[] = new Array<R>(items.length);
  for (let i = 0; i < items.length; i++) {
    const start = performance.now();
    results[i] = f(items[i]!);
    times[i] = (performance.now() - start) * 1000;
  }
  return { times, results };
}

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

export function stageTimes(inputs: readonly NodeInput[]): StageTimes {
  // Warm-up: one untimed pass, so every stage is compiled before it is timed.
  const outcomes = inputs.map((input) => runPlugin(input.cloudConfig, { nodeCidr: input.nodeCidr }));

  const decode = timeEach(inputs, (input) => decodeCloudConfig(input.cloudConfig));
  const clusters: { cluster: Cluster; nodeCidr: string }[] = [];
  decode.results.forEach((d, i) => {
    if (d.kind === 'cluster') clusters.push({ cluster: d.cluster, nodeCidr: inputs[i]!.nodeCidr });
  });
  const provider = timeEach(clusters, ({ cluster, nodeCidr }) => clusterProvider(cluster, { nodeCidr }));
  const yips: YipConfig[] = provider.results.flatMap((r) => (r.ok ? [r.yip] : []));
  const render = timeEach(yips, renderClusterKairosYaml);
  const files = yips.map(filesOf);
  const jq = timeEach(files, mergedConfigOf);
  const whole = timeEach(inputs, (input) => runPlugin(input.cloudConfig, { nodeCidr: input.nodeCidr }));

  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  // Flat copies of the output texts: the floor writes bytes, it does not join pieces.
  const written = outcomes.flatMap((o) => (o.kind === 'written' ? [outputTexts(o).map((t) => decoder.decode(encoder.encode(t)))] : []));
  const buffer = new Uint8Array(1 << 22);
  const floor = timeEach(written, (texts) => {
    let offset = 0;
    for (const text of texts) offset += encoder.encodeInto(text, buffer.subarray(offset)).written;
    return offset;
  });
  return {
    decode: decode.times,
    provider: provider.times,
    render: render.times,
    jq: jq.times,
    runPlugin: whole.times,
    floor: floor.times,
    outputBytes: Float64Array.from(floor.results),
    outcomes: countOutcomes(outcomes),
  };
}

export function median(values: Float64Array): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
