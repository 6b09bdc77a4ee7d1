/**
 * Conformance: every oracle case through the library and through the built CLI must give the
 * bytes the real provider-rke2 wrote (cluster.kairos.yaml, each file and its permissions, the jq
 * merge), or the same failure.
 */
import { describe, expect, it } from 'vitest';
import { runPlugin } from '../src/provider/runPlugin.js';
import { CLUSTER_PROVIDER_CONFIG_FILE } from '../src/provider/constants.js';
import { loadOracleCases, type OracleCase } from './oracleCases.js';
import { runBuiltCli } from './runBuiltCli.js';

const cases = loadOracleCases();

function expectedKind(c: OracleCase): string {
  if (c.meta.panic) return 'panic';
  if (c.meta.response?.error && c.clusterKairosYaml === null && !c.meta.response.error.includes('no such file')) return 'sdk-error';
  if (c.clusterKairosYaml === null && !c.meta.response?.error) return 'no-cluster';
  return 'written';
}

describe('oracle corpus', () => {
  it('holds the 53 public cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(53);
  });

  describe.each(cases)('$name', (c) => {
    const outcome = runPlugin(c.input, { nodeCidr: c.meta.node_cidr });

    it('library: same outcome as the real plugin', () => {
      expect(outcome.kind).toBe(expectedKind(c));
      if (outcome.kind === 'panic') {
        expect(outcome.panic.goPanic).toBe(c.meta.panic_message);
        expect(c.meta.panic_at).toMatch(new RegExp(`${outcome.panic.at.replace('.', '\\.')}$`));
      }
      if (outcome.kind === 'sdk-error') expect(outcome.message).toBe(c.meta.response?.error);
    });

    if (expectedKind(c) === 'written')
      it('library: cluster.kairos.yaml, files and merge byte for byte', () => {
        if (outcome.kind !== 'written') throw new Error(`expected a written outcome, got ${outcome.kind}`);
        const written = c.meta.written[0]?.path;
        // Case 49's folder is missing on the device, so nothing was written there; the path is still the one asked for.
        expect(outcome.path).toBe(written ?? outcome.cluster.cluster_config_path ?? CLUSTER_PROVIDER_CONFIG_FILE);
        if (c.clusterKairosYaml !== null) expect(outcome.clusterKairosYaml).toBe(c.clusterKairosYaml);
        for (const expected of c.meta.files ?? []) {
          const file = outcome.files.find((f) => f.path === expected.path);
          expect(file, expected.path).toBeDefined();
          expect(file!.content).toBe(c.fileContent(expected.stored_as));
          expect([file!.permissions, file!.owner, file!.group, file!.encoding, file!.ownerstring]).toEqual([
            expected.permissions,
            expected.owner,
            expected.group,
            expected.encoding,
            expected.ownerstring,
          ]);
        }
        if (c.clusterKairosYaml !== null) expect(outcome.files.map((f) => f.path)).toEqual((c.meta.files ?? []).map((f) => f.path));
        if (c.meta.merged === 'ok') {
          expect(outcome.merged.ok).toBe(true);
          expect(outcome.merged.text).toBe(c.mergedConfig);
        } else if (c.meta.merged === 'jq-error') {
          expect(outcome.merged.ok).toBe(false);
          expect(outcome.merged.text).toBe(c.mergedConfig); // empty: the redirect truncated it
          if (!outcome.merged.ok) expect(`${outcome.merged.error}\n`).toBe(c.mergedError);
        }
      });

    it('CLI: provider and merged print the same bytes, with the documented exit codes', async () => {
      const args = [c.dir + '/input.yaml', '--node-cidr', c.meta.node_cidr];
      const provider = await runBuiltCli(['provider', ...args]);
      const merged = await runBuiltCli(['merged', ...args]);
      const kind = expectedKind(c);
      const code = { panic: 3, 'sdk-error': 2, 'no-cluster': 0, written: 0 }[kind];
      expect(provider.code).toBe(code);
      if (kind === 'written') {
        if (c.clusterKairosYaml !== null) expect(provider.stdout).toBe(c.clusterKairosYaml);
        if (c.meta.merged === 'jq-error') {
          expect([merged.code, merged.stdout, merged.stderr]).toEqual([5, '', c.mergedError]);
        } else if (c.mergedConfig !== null) {
          expect([merged.code, merged.stdout]).toEqual([0, c.mergedConfig]);
        }
      } else {
        expect(provider.stdout).toBe('');
        expect(merged.stdout).toBe('');
        expect(merged.code).toBe(code);
        // The SDK's decoder error as the plugin words it (Go's line breaks kept); a panic is one line.
        if (kind === 'sdk-error') expect(provider.stderr).toContain(c.meta.response!.error);
        if (kind === 'panic') expect(provider.stderr.trim().split('\n')).toHaveLength(1);
      }
    });
  });
});
