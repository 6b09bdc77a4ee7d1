import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ORACLE_DIR } from '../../test/oracleCases.js';
import { runBuiltCli } from '../../test/runBuiltCli.js';
import { haSite, variant, registryConfig } from '../../test/siteFixtures.js';
import { zipBytes } from '../../test/zipBytes.js';
import { buildBundle } from '../bundle/buildBundle.js';
import { LIMITS } from '../limits.js';
import { encodeShareFragment, withoutSecrets } from '../share/shareLink.js';

const workDir = () => mkdtempSync(join(tmpdir(), 'rke2-edge-open-'));
const withRegistry = () =>
  variant((s) => {
    s.airGap.registryConfigs = [registryConfig({ host: 'registry.local:5000', username: 'pull', password: 's3cret!' })];
  });

describe('rke2-edge open', () => {
  it('explains itself, and is listed in the main help', async () => {
    const help = await runBuiltCli(['open', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: rke2-edge open FILE.zip|SHARE-URL|site.json|CLOUD-CONFIG... [-o site.json]');
    expect((await runBuiltCli(['--help'])).stdout).toMatch(/\n {2}open {6}open a zip bundle/);
    const bare = await runBuiltCli(['open']);
    expect(bare).toMatchObject({ code: 2, stdout: '' });
    expect(bare.stderr).toContain('rke2-edge: expected a zip, a share link, a site.json or cloud-configs');
  });

  it('turns a zip bundle into its site.json, on stdout or in -o', async () => {
    const dir = workDir();
    const bundle = await buildBundle(haSite(), { format: 'zip' });
    if (!bundle.ok) throw new Error(bundle.reason);
    writeFileSync(join(dir, 'plant-7.zip'), bundle.bytes);
    const printed = await runBuiltCli(['open', join(dir, 'plant-7.zip')]);
    expect([printed.code, printed.stderr]).toEqual([
      0,
      expect.stringMatching(/^Only the site\.json of .*plant-7\.zip was read: .*export them again/),
    ]);
    expect(JSON.parse(printed.stdout)).toEqual(haSite());
    const out = join(dir, 'out', 'site.json');
    const written = await runBuiltCli(['open', join(dir, 'plant-7.zip'), '-o', out]);
    expect(written).toMatchObject({
      code: 0,
      stdout: '',
      stderr: expect.stringMatching(
        new RegExp(`export them again from this site before writing sticks\\.\\nwrote ${out}: site "plant-7", 5 node\\(s\\)\\n$`),
      ),
    });
    expect(readFileSync(out, 'utf8')).toBe(`${JSON.stringify(haSite(), null, 2)}\n`);
  });

  it('opens a share link, as a URL or a fragment, and lists what it left out on stderr', async () => {
    const site = withRegistry();
    const fragment = await encodeShareFragment(site, { includeSecrets: false });
    for (const link of [`https://designer.example/${fragment}`, fragment]) {
      const run = await runBuiltCli(['open', link]);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual(withoutSecrets(site).site);
      expect(run.stderr).toBe(
        'Left out of the link, fill it in: the cluster token (Cluster section: paste the real one, or Regenerate for a new cluster).\n' +
          'Left out of the link, fill it in: the password for registry "registry.local:5000" (Air-gap & registries section).\n',
      );
    }
    const two = await runBuiltCli(['open', fragment, 'site.json']);
    expect(two).toMatchObject({ code: 2, stdout: '', stderr: 'rke2-edge: open one share link on its own\n' });
  });

  it('opens a site.json from a file or stdin, and cloud-configs', async () => {
    const dir = workDir();
    writeFileSync(join(dir, 'site.json'), JSON.stringify(haSite()));
    expect(JSON.parse((await runBuiltCli(['open', join(dir, 'site.json')])).stdout)).toEqual(haSite());
    expect(JSON.parse((await runBuiltCli(['open', '-'], JSON.stringify(haSite()))).stdout)).toEqual(haSite());
    const imported = await runBuiltCli([
      'open',
      join(ORACLE_DIR, '01-init-minimal', 'input.yaml'),
      join(ORACLE_DIR, '21-root-path', 'input.yaml'),
    ]);
    expect(imported.code).toBe(0);
    expect((JSON.parse(imported.stdout) as { nodes: unknown[] }).nodes).toHaveLength(2);
    expect(imported.stderr).toContain('providerConfig is not imported');
  });

  it('exits 2 with the reason and nothing on stdout for what it refuses', async () => {
    const dir = workDir();
    const zeros = new Uint8Array(LIMITS.siteJsonBytes * 2);
    writeFileSync(
      join(dir, 'bomb.zip'),
      zipBytes([{ name: 'a/site.json', method: 8, raw: deflateRawSync(zeros), uncompressedSize: 10, crc: 0 }]),
    );
    expect(await runBuiltCli(['open', join(dir, 'bomb.zip')])).toEqual({
      code: 2,
      stdout: '',
      stderr: `rke2-edge: ${join(dir, 'bomb.zip')}: "a/site.json" is damaged: it unpacks to more than the 10 bytes its zip entry declares (a forged entry or a "zip bomb")\n`,
    });
    writeFileSync(join(dir, 'dup.json'), '{"name": "a", "name": "b"}');
    expect(await runBuiltCli(['open', join(dir, 'dup.json')])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: `rke2-edge: ${join(dir, 'dup.json')} is not a site this designer can open: key "name" appears twice in the top-level object\n`,
    });
    expect(await runBuiltCli(['open', '#share=abc+'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringContaining('this share link is damaged'),
    });
    expect(await runBuiltCli(['open', join(dir, 'missing.zip')])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: expect.stringContaining(`rke2-edge: cannot read ${join(dir, 'missing.zip')}: `),
    });
  });

  it('refuses a file over 512 MiB without reading it', async () => {
    const huge = join(workDir(), 'huge.zip');
    writeFileSync(huge, '');
    truncateSync(huge, LIMITS.zipBytes + 1); // sparse: nothing is written
    const started = performance.now();
    expect(await runBuiltCli(['open', huge])).toEqual({
      code: 2,
      stdout: '',
      stderr: `rke2-edge: cannot read ${huge}: it is larger than 512 MiB, more than rke2-edge opens\n`,
    });
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
