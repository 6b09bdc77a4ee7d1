/** fast-check settings: a fixed seed (override with FC_SEED), 1,000 runs in CI, 200 locally. */
export const propertySettings = {
  seed: Number(process.env['FC_SEED'] ?? 20261124),
  numRuns: Number(process.env['FC_RUNS'] ?? (process.env['CI'] ? 1000 : 200)),
  verbose: 1,
} as const;
