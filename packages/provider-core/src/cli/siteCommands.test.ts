import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ORACLE_DIR } from '../../test/oracleCases.js';
import { runBuiltCli } from '../../test/runBuiltCli.js';
import { haSite, largeSite, variant } from '../../test/siteFixtures.js';

const oracle = (name: string) => join(ORACLE_DIR, name, 'input.yaml');
const workDir = () => mkdtempSync(join(tmpdir(), 'rke2-edge-'));
const writeSite = (dir: string, site: unknown) => {
  const path = join(dir, 'site.json');
  writeFileSync(path, JSON.stringify(site));
  return path;
};

describe('rke2-edge lint / import / bundle / expand', () => {
  it('lint exits 1 and names the trap for a broken cloud-config, 0 for a good site', async () => {
    const bad = await runBuiltCli(['lint', oracle('04-init-no-cidrs')]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('[provider-panic]');
    // The oracle's test token starts with "K10" without "::…:…", which RKE2 refuses as a malformed full token.
    expect(bad.stdout).toContain('[token-format]');
    expect(bad.stdout).toContain('2 error(s)');
    const good = await runBuiltCli(['lint', writeSite(workDir(), haSite())]);
    // haSite is behind a load balancer: one note says what it must forward (load-balancer-required)
    expect(good).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/\[load-balancer-required\]\n0 error\(s\), 0 warning\(s\), 1 note\(s\)\n$/) as unknown as string,
    });
  });

  it("the README's example site lints clean and bundles", async () => {
    const example = new URL('../../../../examples/plant-7.site.json', import.meta.url).pathname;
    expect(await runBuiltCli(['lint', example])).toMatchObject({ code: 0, stdout: '0 error(s), 0 warning(s), 0 note(s)\n' });
    expect((await runBuiltCli(['bundle', example, '-o', join(workDir(), 'p7.zip')])).code).toBe(0);
  });

  it('lint --json gives findings as data, per file, and checks cloud-configs together', async () => {
    const run = await runBuiltCli(['lint', '--json', oracle('02-controlplane-minimal'), oracle('03-worker-minimal')]);
    const results = JSON.parse(run.stdout) as { file: string; findings: { code: string }[] }[];
    expect(results.map((r) => r.file)).toEqual([oracle('02-controlplane-minimal'), oracle('03-worker-minimal'), '(all files)']);
    expect(results[2]!.findings.map((f) => f.code)).toContain('no-init');
    expect(run.code).toBe(1);
  });

  it('lint checks cloud-configs as one cluster: a token and a host that differ, naming both files and lines', async () => {
    const dir = workDir();
    const write = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const init = write('init.yaml', readFileSync(oracle('01-init-minimal'), 'utf8'));
    const worker = write(
      'worker.yaml',
      readFileSync(oracle('03-worker-minimal'), 'utf8')
        .replace('K10pubtoken1234567890abcdef', 'K10othertoken1234567890abcd')
        .replace('10.0.1.100', '10.0.1.101'),
    );
    const run = await runBuiltCli(['lint', init, worker]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `(all files) ${worker}.cluster.cluster_token:3  the cluster_token at ${worker}:3 differs from the one at ${init}:3 (the init node)`,
    );
    expect(run.stdout).toContain(
      `${worker}:4 sets control_plane_host to "10.0.1.101", but ${init}:4 sets control_plane_host to "10.0.1.100" (the init node)`,
    );
    expect(run.stdout).toMatch(/\[token-mismatch\][\s\S]*\[control-plane-host-mismatch\]/);
    expect(run.stdout).not.toContain('K10othertoken');
  });

  it('lint refuses an invalid or newer site.json with exit 2', async () => {
    const dir = workDir();
    const newer = await runBuiltCli(['lint', writeSite(dir, { ...haSite(), version: 99 })]);
    expect(newer.code).toBe(2);
    expect(newer.stderr).toContain('made by a newer RKE2 Edge Designer');
    const invalid = await runBuiltCli(['lint', writeSite(dir, { ...haSite(), nodes: [{ name: 'x', role: 'boss' }] })]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('nodes.0.role');
  });

  it('import turns cloud-configs into a site that bundles, and reports what it drops', async () => {
    const dir = workDir();
    const out = join(dir, 'imported.json');
    const run = await runBuiltCli(['import', oracle('01-init-minimal'), oracle('21-root-path'), '-o', out, '--name', 'lab']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('providerConfig is not imported');
    const site = JSON.parse(readFileSync(out, 'utf8')) as { name: string; nodes: unknown[] };
    expect([site.name, site.nodes.length]).toEqual(['lab', 2]);
  });

  it('bundle writes a zip, refuses a site with errors, and --force overrides', async () => {
    const dir = workDir();
    const zipPath = join(dir, 'out.zip');
    const ok = await runBuiltCli(['bundle', writeSite(dir, haSite()), '-o', zipPath]);
    expect(ok.code).toBe(0);
    expect(Object.keys((await JSZip.loadAsync(readFileSync(zipPath))).files)).toContain('plant-7/cp-1/user-data');
    const broken = writeSite(
      dir,
      variant((s) => (s.nodes[1]!.role = 'init')),
    );
    const refused = await runBuiltCli(['bundle', broken, '-o', join(dir, 'no.zip')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('second "init" node');
    expect(existsSync(join(dir, 'no.zip'))).toBe(false);
    expect((await runBuiltCli(['bundle', broken, '-o', join(dir, 'forced.zip'), '--force'])).code).toBe(0);
  });

  it('bundle shows progress on stderr for a large site', async () => {
    const dir = workDir();
    const run = await runBuiltCli(['bundle', writeSite(dir, largeSite(100)), '-o', join(dir, 'big.zip')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('bundling 100 nodes: 100%');
  });

  it("expand writes each node's files as in the zip", async () => {
    const dir = workDir();
    const run = await runBuiltCli(['expand', writeSite(dir, haSite()), '-o', join(dir, 'out')]);
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'out/plant-7/worker-1/user-data'), 'utf8')).toContain('role: worker');
    expect(existsSync(join(dir, 'out/plant-7/manifest.json'))).toBe(true);
    expect(readFileSync(join(dir, 'out/plant-7/cp-1/device/etc/rancher/rke2/config.yaml'), 'utf8')).toContain(
      '"cluster-cidr": "10.42.0.0/16"',
    );
  });

  it("iso writes one node's cidata image that reads back with its user-data", async () => {
    const dir = workDir();
    const sitePath = writeSite(dir, haSite());
    const iso = join(dir, 'worker-1.iso');
    const run = await runBuiltCli(['iso', 'worker-1', sitePath, '-o', iso]);
    expect(run).toMatchObject({ code: 0 });
    expect(execFileSync('isoinfo', ['-d', '-i', iso], { encoding: 'utf8' })).toMatch(/^Volume id: cidata$/m);
    expect(execFileSync('isoinfo', ['-R', '-x', '/user-data', '-i', iso], { encoding: 'utf8' })).toMatch(
      /^#cloud-config\nhostname: worker-1\n/,
    );
    const missing = await runBuiltCli(['iso', 'worker-9', sitePath, '-o', join(dir, 'x.iso')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no node named "worker-9"; its nodes: cp-1, cp-2, cp-3, worker-1, worker-2');
    const broken = writeSite(
      dir,
      variant((s) => (s.nodes[1]!.role = 'init')),
    );
    expect((await runBuiltCli(['iso', 'cp-1', broken, '-o', join(dir, 'no.iso')])).code).toBe(1);
    expect(existsSync(join(dir, 'no.iso'))).toBe(false);
  });

  it("bundle --iso puts each node's cidata.iso in the zip, identical to rke2-edge iso", async () => {
    const dir = workDir();
    const sitePath = writeSite(dir, haSite());
    expect((await runBuiltCli(['bundle', sitePath, '--iso', '-o', join(dir, 'iso.zip')])).code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'iso.zip')));
    const isos = Object.keys(zip.files).filter((f) => f.endsWith('/cidata.iso'));
    expect(isos).toHaveLength(5);
    await runBuiltCli(['iso', 'cp-2', sitePath, '-o', join(dir, 'cp-2.iso')]);
    const fromZip = await zip.file('plant-7/cp-2/cidata.iso')!.async('uint8array');
    expect(Buffer.from(fromZip).equals(readFileSync(join(dir, 'cp-2.iso')))).toBe(true);
    expect(await zip.file('plant-7/cp-2/README.txt')!.async('string')).toContain('sudo dd if=cidata.iso of=/dev/sdX');
    const manifest = JSON.parse(await zip.file('plant-7/manifest.json')!.async('string')) as { files: { path: string; size: number }[] };
    expect(manifest.files.find((f) => f.path === 'plant-7/cp-2/cidata.iso')?.size).toBe(fromZip.length);
  });
});
