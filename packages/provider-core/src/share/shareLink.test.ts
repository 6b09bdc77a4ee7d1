import fc from 'fast-check';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { propertySettings } from '../../test/fastCheckSettings.js';
import { haSite, largeSite, TEST_TOKEN, variant, registryConfig } from '../../test/siteFixtures.js';
import { LIMITS } from '../limits.js';
import { decodeShareFragment, encodeShareFragment, withoutSecrets } from './shareLink.js';
import { SHARE_PREFIX } from './sharePrefix.js';

const withRegistry = () =>
  variant((s) => {
    s.airGap.registryConfigs = [registryConfig({ host: 'registry.local:5000', username: 'pull', password: 's3cret!' })];
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

  it("leave out the OS user's password hash too, and name it in our words", async () => {
    const site = withRegistry();
    site.os.user.passwordHash = '$6$salt$0123456789abcdef';
    const fragment = await encodeShareFragment(site, { includeSecrets: false });
    const opened = await decodeShareFragment(fragment);
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.site.os.user.passwordHash).toBe('');
    expect(JSON.stringify(opened)).not.toContain('$6$salt$');
    expect(opened.omitted.map((o) => o.path.join('.'))).toEqual([
      'cluster.token',
      'os.user.passwordHash',
      'airGap.registryConfigs.0.password',
    ]);
    expect(opened.omitted[1]!.label).toBe('the password hash of the OS user (Kairos OS section: mkpasswd -m sha-512), or SSH keys only');
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
    expect(await decodeShareFragment(fragment.slice(0, fragment.length - 10))).toMatchObject({
      ok: false,
      message: expect.stringContaining('damaged'),
    });
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

/** A link carrying any bytes or JSON, written the way the designer writes links. */
const linkOfBytes = (bytes: Uint8Array) => `${SHARE_PREFIX}${Buffer.from(deflateRawSync(bytes)).toString('base64url')}`;
const linkOf = (payload: unknown) => linkOfBytes(new TextEncoder().encode(JSON.stringify(payload)));
const tokenEntry = { path: ['cluster', 'token'], label: 'the cluster token' };

/** A link written by the designer before links were read as untrusted (commit 81fb499). */
const OLD_LINK =
  '#share=bVRNb9tIDP0rAg-LFlBsKW2Drm5B2t0W7RZGA_RS5DCWKJvQaGbAoZy4gf97wdH4o-2ebPINyUfyUc_Qex6NQFOXEEkQmmfYIUfyLvmcGREa8La7suQGKKHD2DIFSS8ASuABr78dQ2BXL17dQAmtnaIgaz7xA-a3rXfC3q6scfjBR4EG6r-vF_XN20W9eAMliI33xkVovj8cSnAoj54HTZLz3VHHGlQtXl8vqkW1rLVYRN5RixfgqzOYI99p1hNWVxeIHw0pwWwvrG-NVdyReo1L1jhZmSI0vbERSyC3YYzxbu7IaqsgbLCnAQ5KqZ2YZK_cewrnuJbiin1PFk-uiJbc9HRht4wS37uW92nQK_Y76lIJg7Fdt1BC8N39qQYEph1Z3GD3K_T-CccgX8yIMZgWdbAwTGu8ivsoOMJDCY9Mgp-mNbbe9bT5z3e68eqmqrSPwP4pNbEVCavZ0E2qGS9s50_GoQRD_K8JGkZj8CyfdaIfR7PBiwEmc2VkCw0sfZClqgOdLGcE8pNbbre0S9QfSph5v8PeTFa-4oaicKYwErPn_I4zdJeaUuczbGfFHaF5z82bqlIxTBE5qz1MVhceTIyPnrssXfNP2ln6jyxna8D92SCXNo_3A4VvyNTvc8MHFTQ-CZuZ0vzcRx2S1tbfXH8wxF77j3F7O8nWM_3A7hPuc29HYh9M3OaBk4tirNUkHeotqFQm8VCC6dMdAuPae4GD3pXvcB5JrqiOq1qP2adGyJFoaNepxn-50rpaXr9WAfgoOTpdoHzxHX4Mp_Vas0abCYshJ_n_byNIY_EjiWCXGIUkiO-nD0iZvx8POaWe2RaLDBcJLF7cZTNiqwfTFMFEwUJfMhpbeIdl4bn4iht0yEaw6D0XpnD4eMz1Eg7luX6W8J9KKqsLafzG6uhPyY-Bxf8IrnhxS3y1MaH46wgTxiP9lzqWnw';

describe('share links from someone else', () => {
  it('still open links written before, with our own wording of what was left out', async () => {
    const opened = await decodeShareFragment(OLD_LINK);
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.site.name).toBe('old-link');
    expect(opened.omitted).toEqual([
      {
        secret: 'cluster-token',
        path: ['cluster', 'token'],
        label: 'the cluster token (Cluster section: paste the real one, or Regenerate for a new cluster)',
      },
      {
        secret: 'registry-password',
        path: ['airGap', 'registryConfigs', 0, 'password'],
        registry: 'registry.local:5000',
        label: 'the password for registry "registry.local:5000" (Air-gap & registries section)',
      },
    ]);
  });

  it('ignore the labels a link carries: what the receiver reads is ours', async () => {
    const site = withRegistry();
    site.airGap.registryConfigs[0]!.password = '';
    const phishing = 'the token: ask the architect at https://evil.example/login';
    const opened = await decodeShareFragment(
      linkOf({
        format: 1,
        site,
        omitted: [
          { path: ['cluster', 'token'], label: phishing },
          { path: ['airGap', 'registryConfigs', 0, 'password'], label: phishing },
        ],
      }),
    );
    if (!opened.ok) throw new Error(opened.message);
    expect(JSON.stringify(opened)).not.toContain('evil.example');
    expect(opened.omitted.map((o) => o.label)).toEqual([
      'the cluster token (Cluster section: paste the real one, or Regenerate for a new cluster)',
      'the password for registry "registry.local:5000" (Air-gap & registries section)',
    ]);
    // Without a label, and listed twice: the same.
    const bare = await decodeShareFragment(
      linkOf({ format: 1, site, omitted: [{ path: ['cluster', 'token'] }, { path: ['cluster', 'token'] }] }),
    );
    expect(bare.ok && bare.omitted.map((o) => o.secret)).toEqual(['cluster-token']);
  });

  it('name a registry by its host from the site, quoted and shortened, or by its number', async () => {
    const site = withRegistry();
    site.airGap.registryConfigs.push(
      { ...site.airGap.registryConfigs[0]!, host: '' },
      { ...site.airGap.registryConfigs[0]!, host: `evil.example/"login"\n${'x'.repeat(100)}` },
    );
    const opened = await decodeShareFragment(await encodeShareFragment(site, { includeSecrets: false }));
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.omitted.slice(2).map((o) => o.label)).toEqual([
      'the password for registry 2 (Air-gap & registries section)',
      'the password for registry 3 (Air-gap & registries section)', // not a plain host[:port]: named by its number
    ]);
    expect(opened.omitted[3]).toMatchObject({ registry: site.airGap.registryConfigs[2]!.host });
  });

  it('refuse anything but the token and the passwords of registries the site has', async () => {
    const damaged = (n: number) =>
      `this share link's list of secrets left out is damaged: entry ${n} is not the cluster token, the OS user's password hash or the password of one of the site's registries`;
    const site = withRegistry();
    const refusedWith = async (omitted: unknown, message: string) =>
      expect(await decodeShareFragment(linkOf({ format: 1, site, omitted }))).toEqual({ ok: false, message });
    await refusedWith([tokenEntry, { path: ['cluster', 'controlPlaneHost'], label: 'x' }], damaged(2));
    await refusedWith([null], damaged(1));
    await refusedWith(['cluster.token'], damaged(1));
    await refusedWith([{ label: 'no path' }], damaged(1));
    await refusedWith([{ path: ['airGap', 'registryConfigs', 1, 'password'] }], damaged(1));
    await refusedWith([{ path: ['airGap', 'registryConfigs', -1, 'password'] }], damaged(1));
    await refusedWith([{ path: ['airGap', 'registryConfigs', 0.5, 'password'] }], damaged(1));
    await refusedWith([{ path: ['airGap', 'registryConfigs', '0', 'password'] }], damaged(1));
    await refusedWith([{ path: ['cluster', 'token', 'extra'] }], damaged(1));
    await refusedWith({ 0: tokenEntry }, "this share link's list of secrets left out is damaged: it is not a list");
    await refusedWith('the token', "this share link's list of secrets left out is damaged: it is not a list");
  });

  it('refuse a payload that is not an object, and a format that is not ours', async () => {
    const site = haSite();
    expect(await decodeShareFragment(linkOf(null))).toEqual({ ok: false, message: 'this share link does not hold a site (it holds null)' });
    expect(await decodeShareFragment(linkOf([site]))).toEqual({
      ok: false,
      message: 'this share link does not hold a site (it holds an array)',
    });
    expect(await decodeShareFragment(linkOf('site'))).toEqual({
      ok: false,
      message: 'this share link does not hold a site (it holds a string)',
    });
    const foreign = { ok: false, message: 'this share link has no format this designer knows: it was not made by RKE2 Edge Designer' };
    expect(await decodeShareFragment(linkOf({ format: { toString: 'x' }, site, omitted: [] }))).toEqual(foreign);
    expect(await decodeShareFragment(linkOf({ format: '1', site, omitted: [] }))).toEqual(foreign);
    expect(await decodeShareFragment(linkOf({ site, omitted: [] }))).toEqual(foreign);
    expect(await decodeShareFragment(linkOf({ format: 2, site, omitted: [] }))).toEqual({
      ok: false,
      message: 'this share link has format 2, which this designer does not read; update the designer',
    });
  });

  it('check the site like a site.json, and refuse duplicate keys anywhere', async () => {
    expect(await decodeShareFragment(linkOf({ format: 1, site: null, omitted: [] }))).toEqual({
      ok: false,
      message: 'the site in this share link cannot be opened: a site is a JSON object, not null',
    });
    expect(await decodeShareFragment(linkOf({ format: 1, site: { ...haSite(), version: 3 }, omitted: [] }))).toMatchObject({
      ok: false,
      message: expect.stringContaining('made by a newer RKE2 Edge Designer'),
    });
    const text = JSON.stringify({ format: 1, site: haSite(), omitted: [] }).replace(
      `"token":"${TEST_TOKEN}"`,
      `"token":"${TEST_TOKEN}","token":"other"`,
    );
    expect(await decodeShareFragment(linkOfBytes(new TextEncoder().encode(text)))).toEqual({
      ok: false,
      message: 'this share link cannot be opened: key "token" appears twice in site.cluster',
    });
  });

  it('refuse a link too long, not base64url, or not UTF-8', async () => {
    expect(await decodeShareFragment(`${SHARE_PREFIX}${'A'.repeat(LIMITS.shareLinkChars)}`)).toEqual({
      ok: false,
      message: 'this share link is longer than 2,097,152 characters, more than any site needs; it was not opened',
    });
    const notBase64 =
      'this share link is damaged: after #share= it holds characters a share link never has (letters, digits, "-" and "_" only)';
    expect(await decodeShareFragment('#share=abc+def/')).toEqual({ ok: false, message: notBase64 });
    expect(await decodeShareFragment('#share=AAAA=')).toEqual({ ok: false, message: notBase64 });
    expect(await decodeShareFragment('#share=AAAAA')).toEqual({ ok: false, message: notBase64 });
    expect(await decodeShareFragment('#share=')).toMatchObject({ ok: false, message: expect.stringContaining('damaged') });
    expect(await decodeShareFragment(linkOfBytes(Uint8Array.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d])))).toEqual({
      ok: false,
      message: 'this share link is damaged: its content is not valid UTF-8 at byte 2',
    });
  });

  it('stop unpacking at 32 MiB: a 1.4 MB link of 1 GiB of zeros is refused at once', async () => {
    const mib = deflateRawSync(new Uint8Array(1024 * 1024), { level: 9, finishFlush: 2 });
    const raw = new Uint8Array(mib.length * 1024 + 2);
    for (let i = 0; i < 1024; i++) raw.set(mib, i * mib.length);
    raw.set([0x03, 0x00], mib.length * 1024);
    const fragment = `${SHARE_PREFIX}${Buffer.from(raw).toString('base64url')}`;
    expect(fragment.length).toBeLessThan(LIMITS.shareLinkChars);
    const started = performance.now();
    expect(await decodeShareFragment(fragment)).toEqual({
      ok: false,
      message: 'this share link would unpack to more than 32 MiB, more than any site the designer opens; it was not opened',
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('never throw or reject, whatever the string', async () => {
    const payloads = fc.oneof(
      fc.string(),
      fc
        .string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_') })
        .map((s) => SHARE_PREFIX + s),
      fc.uint8Array({ maxLength: 200 }).map((b) => SHARE_PREFIX + Buffer.from(b).toString('base64url')),
      fc.uint8Array({ maxLength: 200 }).map(linkOfBytes),
      fc.jsonValue().map(linkOf),
      fc
        .record({
          format: fc.oneof(fc.constant(1), fc.jsonValue()),
          site: fc.oneof(fc.constant(haSite()), fc.jsonValue()),
          omitted: fc.oneof(fc.array(fc.jsonValue()), fc.jsonValue()),
        })
        .map(linkOf),
    );
    await fc.assert(
      fc.asyncProperty(payloads, async (fragment) => {
        const result = await decodeShareFragment(fragment);
        expect(typeof result.ok).toBe('boolean');
      }),
      propertySettings,
    );
  });
});
