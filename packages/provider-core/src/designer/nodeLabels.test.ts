import { describe, expect, it } from 'vitest';
import { haSite, TEST_TOKEN, variant } from '../../test/siteFixtures.js';
import { buildBundle } from '../bundle/buildBundle.js';
import { maskSecrets } from './maskSecrets.js';
import { nodeLabels } from './nodeLabels.js';

describe('nodeLabels', () => {
  it("hashes each node's user-data and cidata ISO exactly as the bundle's manifest does", async () => {
    const site = haSite();
    const bundle = await buildBundle(site, { format: 'zip', iso: true });
    if (!bundle.ok) throw new Error(bundle.reason);
    const manifest = JSON.parse(bundle.files.at(-1)!.content as string) as { files: { path: string; sha256: string }[] };
    const sum = (path: string) => manifest.files.find((f) => f.path === path)!.sha256;
    const { labels, more } = await nodeLabels(site);
    expect(more).toBe(0);
    expect(labels.map((l) => l.node)).toEqual(['cp-1', 'cp-2', 'cp-3', 'worker-1', 'worker-2']);
    for (const label of labels) {
      expect(label.userDataSha256).toBe(sum(`plant-7/${label.node}/user-data`));
      expect(label.isoSha256).toBe(sum(`plant-7/${label.node}/cidata.iso`));
    }
    expect(labels[3]!.text).toBe(
      [
        'node: worker-1',
        'site: plant-7',
        'role: worker',
        'address: 192.168.1.21/24',
        'mac: 52:54:00:00:01:21',
        `user-data sha256: ${labels[3]!.userDataSha256}`,
        `cidata.iso sha256: ${labels[3]!.isoSha256}`,
      ].join('\n'),
    );
  });

  it('says when the MAC or address is not known, stops at the limit and keeps every value on its line', async () => {
    const site = variant((s) => {
      s.nodes[0]!.mac = '';
      s.nodes[0]!.address = '';
      s.nodes[1]!.name = 'cp-2\nrole: worker';
    });
    const { labels, more } = await nodeLabels(site, { limit: 2 });
    expect(more).toBe(3);
    expect(labels[0]!.text).toContain('address: not set\nmac: not known\n');
    expect(labels[1]!.text.split('\n')).toHaveLength(7);
    expect(labels[1]!.text).toContain('node: cp-2\\u{A}role: worker\nsite: plant-7');
  });

  it('cuts long values so a label always fits a QR code (at most 2,331 bytes at level M)', async () => {
    const site = variant((s) => {
      s.name = 'a'.repeat(2400);
      s.nodes[0]!.name = '漢'.repeat(800);
      s.nodes[0]!.address = '🔑'.repeat(300);
      s.nodes[0]!.mac = '\n'.repeat(300);
    });
    const { labels } = await nodeLabels(site, { limit: 1 });
    const text = labels[0]!.text;
    expect(new TextEncoder().encode(text).length).toBeLessThan(2331);
    expect(text.split('\n')).toHaveLength(7);
    expect(text).toContain(`node: ${'漢'.repeat(63)}…\nsite: ${'a'.repeat(63)}…\n`);
  });

  it("in presentation mode hashes the real files (the stick's) and redacts every value it shows", async () => {
    const site = variant((s) => {
      s.name = `plant-${TEST_TOKEN}`;
      s.nodes[0]!.name = `cp-${TEST_TOKEN}`;
    });
    const real = await nodeLabels(site);
    const { site: masked, redact } = maskSecrets(site);
    const shown = await nodeLabels(site, { redact });
    expect(shown.labels.map((l) => [l.userDataSha256, l.isoSha256])).toEqual(real.labels.map((l) => [l.userDataSha256, l.isoSha256]));
    // The masked site's files differ (its token is the mask): hashing them would not match the stick.
    expect((await nodeLabels(masked)).labels[0]!.userDataSha256).not.toBe(real.labels[0]!.userDataSha256);
    expect(shown.labels[0]!.node).toBe('cp-••••••••');
    expect(shown.labels[0]!.text).toContain('node: cp-••••••••\nsite: plant-••••••••\n');
    expect(JSON.stringify(shown)).not.toContain(TEST_TOKEN);
  });
});
