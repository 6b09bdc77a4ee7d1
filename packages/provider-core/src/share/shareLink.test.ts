import { describe, expect, it } from 'vitest';
import { haSite, largeSite, variant } from '../../test/siteFixtures.js';
import { decodeShareFragment, encodeShareFragment, SHARE_PREFIX, withoutSecrets } from './shareLink.js';

const withRegistry = () =>
  variant((s) => {
    s.airGap.registryConfigs = [{ host: 'registry.local:5000', username: 'pull', password: 's3cret!', caFile: '', certFile: '', keyFile: '', insecureSkipVerify: false }];
  });

describe('share links', () => {
  it('carry the whole site without the token and registry passwords, and say what is missing', async () => {
    const site = withRegistry();
    const fragment = await encodeShareFragment(site, { includeSecrets: false });
    expect(fragment.startsWith(SHARE_PREFIX)).toBe(true);
    expect(fragment).toMatch(/^#share=[A-Za-z0-9_-]+$/);
    const opened = await decodeShareFragment(fragment);
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.site).toEqual(withoutSecrets(site).site);
    expect(opened.site.cluster.token).toBe('');
    expect(opened.site.airGap.registryConfigs[0]!.password).toBe('');
    expect(opened.site.airGap.registryConfigs[0]!.username).toBe('pull');
    expect(opened.omitted.map((o) => o.path.join('.'))).toEqual(['cluster.token', 'airGap.registryConfigs.0.password']);
    expect(opened.omitted[1]!.label).toContain('registry.local:5000');
  });

  it('carry the secrets too when asked', async () => {
    const site = withRegistry();
    const opened = await decodeShareFragment(await encodeShareFragment(site, { includeSecrets: true }));
    expect(opened).toEqual({ ok: true, site, omitted: [] });
  });

  it('never leak a secret into the fragment when secrets are left out', async () => {
    const site = withRegistry();
    const opened = await decodeShareFragment(await encodeShareFragment(site, { includeSecrets: false }));
    const carried = JSON.stringify(opened);
    expect(carried).not.toContain(site.cluster.token);
    expect(carried).not.toContain('s3cret!');
  });

  it('stay short enough for a URL for a typical site, and work for a large one', async () => {
    expect((await encodeShareFragment(haSite(), { includeSecrets: false })).length).toBeLessThan(1500);
    const big = await decodeShareFragment(await encodeShareFragment(largeSite(300), { includeSecrets: false }));
    expect(big.ok && big.site.nodes.length).toBe(300);
  });

  it('explain a damaged or foreign link', async () => {
    expect(await decodeShareFragment('#share=AAAA')).toMatchObject({ ok: false, message: expect.stringContaining('damaged') });
    expect(await decodeShareFragment('#other')).toMatchObject({ ok: false });
    const fragment = await encodeShareFragment(haSite(), { includeSecrets: false });
    expect(await decodeShareFragment(fragment.slice(0, fragment.length - 10))).toMatchObject({ ok: false, message: expect.stringContaining('damaged') });
  });
});

describe('share link encoding', () => {
  it('is base64url of the deflate-raw stream, for every byte value and length', async () => {
    const { encodeShareFragment: encode } = await import('./shareLink.js');
    // Sites of growing size give compressed payloads of every length modulo 3.
    const lengths = new Set<number>();
    for (let n = 1; n <= 6; n++) {
      const fragment = await encode(largeSite(n), { includeSecrets: true });
      const payload = fragment.slice(SHARE_PREFIX.length);
      lengths.add(payload.length % 4);
      expect(Buffer.from(payload, 'base64url').toString('base64url')).toBe(payload);
      expect((await decodeShareFragment(fragment)).ok).toBe(true);
    }
    expect(lengths.size).toBeGreaterThan(1);
  });
});
