/**
 * `pnpm bench:core --quick` runs and prints every figure (each beside its budget or marked as a
 * reference). Timings are not checked here: the benchmark itself judges them.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const RUNNER = fileURLToPath(new URL('../bench/benchCore.mjs', import.meta.url));

const FIGURE = String.raw`\s+[\d,.]+ (µs|s|×)  (budget [<≤] [\d,.]+ (µs|s|×)\s+(ok|(OVER|FAILED) \(quick: not judged\))|\(reference\))`;
const EXPECTED_LINES = [
  String.raw`provider-core bench \(quick\): \d+ × .+, node v[\d.]+`,
  String.raw`runPlugin over 400 node inputs from designed sites \(written \d+.*\); µs per node, median:`,
  String.raw`  decode \(decodeCloudConfig\)${FIGURE}`,
  String.raw`  provider \(clusterProvider, YAMLToJSON of user config\)${FIGURE}`,
  String.raw`  render \(renderClusterKairosYaml\)${FIGURE}`,
  String.raw`  jq merge \(mergedConfigOf\)${FIGURE}`,
  String.raw`  runPlugin, whole \(Go provider: 301 µs/node\)${FIGURE}`,
  String.raw`  serialization floor \(TextEncoder of [\d.]+ KiB output\)${FIGURE}`,
  String.raw`  runPlugin ÷ serialization floor${FIGURE}`,
  ...['50', '100', '200'].flatMap((n) => [
    String.raw`site of ${n} nodes: expandSite${FIGURE}`,
    String.raw`site of ${n} nodes: lintSite${FIGURE}`,
    String.raw`site of ${n} nodes: buildBundle \(lint, files, manifest, zip\)${FIGURE}`,
    String.raw`  \((zip: [\d.]+ MiB|no bundle: .+)\)`,
    String.raw`site of ${n} nodes: total \(expandSite \+ buildBundle\)${FIGURE}`,
  ]),
  String.raw`site: s/node at 200 ÷ s/node at 50${FIGURE}`,
  String.raw`lintSite, extra config of 2,000 keys \(\d+ findings\)${FIGURE}`,
  String.raw`quick run: the budgets are for the full run and are not judged here`,
];

it('bench:core --quick prints every figure in order', () => {
  const run = spawnSync(process.execPath, [RUNNER, '--quick'], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  const lines = run.stdout.trimEnd().split('\n');
  expect(lines).toHaveLength(EXPECTED_LINES.length);
  lines.forEach((text, i) => expect(text).toMatch(new RegExp(`^${EXPECTED_LINES[i]}$`)));
  // A quick run judges nothing: its exit status is 0 whatever the timings.
  expect(run.status).toBe(0);
});
