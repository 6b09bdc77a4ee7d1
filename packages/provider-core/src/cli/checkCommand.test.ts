import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from '../../test/runBuiltCli.js';
import { haSite, variant } from '../../test/siteFixtures.js';
import { SiteCheckSchema } from '../check/checkResult.js';
import { SITE_TEMPLATES } from '../designer/siteTemplates.js';

const workDir = () => mkdtempSync(join(tmpdir(), 'rke2-edge-check-'));
const writeSite = (site: unknown) => {
  const path = join(workDir(), 'site.json');
  writeFileSync(path, JSON.stringify(site));
  return path;
};

describe('rke2-edge check', () => {
  it('exits 0 and says each node comes up and joins, with what its device needs', async () => {
    const run = await runBuiltCli(['check', writeSite(haSite())]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('cp-1 (rke2-server): comes up and joins\n');
    expect(run.stdout).toContain('worker-2 (rke2-agent): comes up and joins\n');
    expect(run.stdout).toContain('Kairos image with RKE2 v1.36');
    expect(run.stdout).toContain('5 node(s): all come up and join\n');
  });

  it("exits 1 with RKE2's message and its source for a node that would not start", async () => {
    const run = await runBuiltCli(['check', writeSite(variant((s) => s.nodes[3]!.labels.push('node-role.kubernetes.io/worker=true')))]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('worker-1 (rke2-agent): does not come up\n');
    expect(run.stdout).toContain(
      "failed to validate kubelet flags: unknown 'kubernetes.io' or 'k8s.io' labels specified with --node-labels: [node-role.kubernetes.io/worker]",
    );
    expect(run.stdout).toContain('source: kubernetes cmd/kubelet/app/options/options.go');
  });

  it('--json prints exactly the check schema', async () => {
    const run = await runBuiltCli([
      'check',
      '--json',
      writeSite(variant((s) => Object.assign(s.network, { serviceCidr: '10.101.0.0/16', clusterDns: '10.43.0.10' }))),
    ]);
    expect(run.code).toBe(1);
    const parsed = SiteCheckSchema.strict().parse(JSON.parse(run.stdout));
    expect(parsed.nodes.map((n) => [n.node, n.service, n.ok])).toEqual([
      ['cp-1', 'rke2-server', false],
      ['cp-2', 'rke2-server', false],
      ['cp-3', 'rke2-server', false],
      ['worker-1', 'rke2-agent', true],
      ['worker-2', 'rke2-agent', true],
    ]);
    expect(Object.keys(parsed.nodes[0]!.failures[0]!).sort()).toEqual(['message', 'rule', 'source']);
  });

  it('passes every example site in examples/', async () => {
    const dir = join(__dirname, '../../../../examples');
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.site.json'))) {
      const run = await runBuiltCli(['check', join(dir, name)]);
      expect({ name, code: run.code, stdout: run.code === 0 ? '' : run.stdout }).toEqual({ name, code: 0, stdout: '' });
    }
  });

  it('exits 2 on unreadable input', async () => {
    expect((await runBuiltCli(['check', join(workDir(), 'missing.json')])).code).toBe(2);
    const bad = join(workDir(), 'bad.json');
    writeFileSync(bad, '{"version": 2, "name": ');
    expect((await runBuiltCli(['check', bad])).code).toBe(2);
    expect((await runBuiltCli(['check'])).code).toBe(2);
  });
});

describe('rke2-edge new', () => {
  it('--list prints one template id a line', async () => {
    const run = await runBuiltCli(['new', '--list']);
    expect(run).toMatchObject({ code: 0, stdout: SITE_TEMPLATES.map((t) => `${t.id}\n`).join('') });
  });

  it('refuses an unknown template with exit 2 and the list', async () => {
    const run = await runBuiltCli(['new', 'no-such-template']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown template "no-such-template"');
    expect(run.stderr).toContain(`${SITE_TEMPLATES[0]!.id}\n`);
  });

  it('writes each template as a site that check passes', async () => {
    for (const { id } of SITE_TEMPLATES) {
      const out = join(workDir(), `${id}.json`);
      expect((await runBuiltCli(['new', id, '-o', out])).code).toBe(0);
      expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ version: 2 });
      const check = await runBuiltCli(['check', out]);
      expect({ id, code: check.code, stdout: check.code === 0 ? '' : check.stdout }).toEqual({ id, code: 0, stdout: '' });
    }
  }, 60_000);
});
