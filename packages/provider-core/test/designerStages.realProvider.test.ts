/**
 * A CIS, kube-vip HA site through the REAL provider-rke2 v4.8.2 plugin (../shared/provider-rke2-real):
 * every node's user-data, with the designer's new stages (sysctl, the etcd user, the kube-vip static
 * pod), is still accepted (`written`, jq merge exit 0, the same merged config as the port), and the
 * stages decode into yip's own types (the runner's `ckyparse`, yaml.v3 into yip `schema.YipConfig`,
 * which reads the `boot.before` stage: the steps are placed there for it). Skipped without the runner.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { designerSteps } from '../src/site/designerStages.js';
import { expandSite } from '../src/site/expandSite.js';
import { KUBE_VIP_MANIFEST_PATH } from '../src/site/kubeVipSteps.js';
import { CIS_SYSCTL_CONF_PATH } from '../src/site/cisSteps.js';
import { renderYamlForGo } from '../src/yaml/renderYamlForGo.js';
import { kubeVipSite } from './siteFixtures.js';

const RUNNER =
  process.env['RKE2_REAL_PROVIDER_RUN'] ??
  resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../shared/provider-rke2-real/run');
const CKYPARSE = join(dirname(RUNNER), 'ckyparse');

function probe(): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'stages-probe-'));
  try {
    const file = join(dir, 'trivial.yaml');
    writeFileSync(
      file,
      '#cloud-config\ncluster:\n  cluster_token: t\n  role: init\n  config: |\n    cluster-cidr: 10.42.0.0/16\n    service-cidr: 10.43.0.0/16\n',
    );
    const run = spawnSync(RUNNER, [file], { encoding: 'utf8', timeout: 60_000 });
    if (run.status !== 0) return `a trivial run failed (exit ${run.status})`;
    return (JSON.parse(run.stdout) as { kind: string }).kind === 'written' ? null : 'a trivial run was not written';
  } catch (e) {
    return (e as Error).message;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const problem = probe();
if (problem) console.warn(`[designerStages.realProvider] skipped: ${problem}`);

describe.skipIf(problem !== null)("the real provider with the designer's CIS and kube-vip stages", () => {
  const dir = mkdtempSync(join(tmpdir(), 'designer-stages-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const site = kubeVipSite();
  site.security.cisProfile = true;
  const expanded = expandSite(site);

  it("accepts every node's user-data and merges the same config as the port", () => {
    const files = expanded.nodes.map((n) => {
      const file = join(dir, `${n.node.name}.yaml`);
      writeFileSync(file, n.userData);
      return file;
    });
    const run = spawnSync(RUNNER, ['--node-cidr', '192.168.1.11/24', ...files], { encoding: 'utf8', timeout: 300_000 });
    expect(run.status).toBe(0);
    const outcomes = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { kind: string; jqExit: number; merged: string });
    expanded.nodes.forEach((n, i) => {
      const real = outcomes[i]!;
      expect(real.kind).toBe('written');
      expect(real.jqExit).toBe(0);
      if (n.plan.kind !== 'written' || !n.plan.merged.ok) throw new Error(`${n.node.name}: the port did not write`);
      expect(JSON.parse(real.merged)).toEqual(JSON.parse(n.plan.merged.text));
    });
  });

  it("writes steps that yip's own types decode", () => {
    const ctx = expanded.context;
    for (const [i, node] of site.nodes.entries()) {
      const file = join(dir, `yip-${i}.yaml`);
      writeFileSync(
        file,
        renderYamlForGo(new Map([['stages', new Map([['boot.before', designerSteps(ctx, node, expanded.nodes[i]!.config)]])]])),
      );
      const run = spawnSync(CKYPARSE, [file], { encoding: 'utf8', timeout: 60_000 });
      const decoded = JSON.parse(run.stdout) as { err?: string; files: { path: string; stage_name: string }[] | null };
      expect(decoded.err).toBeUndefined();
      const paths = (decoded.files ?? []).map((f) => f.path);
      expect(paths).toContain(CIS_SYSCTL_CONF_PATH);
      expect(paths.includes(KUBE_VIP_MANIFEST_PATH)).toBe(node.role !== 'worker');
    }
  });
});
