import { describe, expect, it } from 'vitest';
import { TEST_TOKEN, variant, registryConfig } from '../../test/siteFixtures.js';
import { encodeShareFragment, withoutSecrets } from '../share/shareLink.js';
import { isShareLink, openShareLink } from './openShareLink.js';

const withRegistry = () =>
  variant((s) => {
    s.airGap.registryConfigs = [registryConfig({ host: 'registry.local:5000', username: 'pull', password: 's3cret!' })];
  });

describe('openShareLink', () => {
  it('opens a whole URL or only its fragment, with notes in our words', async () => {
    const site = withRegistry();
    const fragment = await encodeShareFragment(site, { includeSecrets: false });
    for (const link of [`https://designer.example/app/?x=1${fragment}`, fragment, `  ${fragment}\n`, `HTTP://localhost:5173/${fragment}`]) {
      const opened = await openShareLink(link);
      if (!opened.ok) throw new Error(opened.message);
      expect(opened.site).toEqual(withoutSecrets(site).site);
      expect(opened.notes).toEqual([
        'Left out of the link, fill it in: the cluster token (Cluster section: paste the real one, or Regenerate for a new cluster).',
        'Left out of the link, fill it in: the password for registry "registry.local:5000" (Air-gap & registries section).',
      ]);
      expect(opened.omitted?.map((o) => o.secret)).toEqual(['cluster-token', 'registry-password']);
    }
    const full = await openShareLink(await encodeShareFragment(site, { includeSecrets: true }));
    expect(full.ok && [full.site.cluster.token, full.notes]).toEqual([TEST_TOKEN, []]);
  });

  it('explains a link without a site, and text that is no link', async () => {
    expect(await openShareLink('https://designer.example/')).toEqual({ ok: false, message: 'this link does not carry a site' });
    expect(await openShareLink('https://designer.example/#other')).toEqual({ ok: false, message: 'this link does not carry a site' });
    expect(await openShareLink('ftp://x/#share=AAAA')).toEqual({
      ok: false,
      message: 'this is not a share link: it starts neither with https:// nor with #share=',
    });
    expect(await openShareLink('#share=AAAA')).toMatchObject({ ok: false, message: expect.stringContaining('damaged') });
  });

  it('tells a share link from a file name', () => {
    expect(['https://x/#share=a', 'http://x', '#share=abc', ' #share='].map(isShareLink)).toEqual([true, true, true, true]);
    expect(['site.json', './https:/x', 'share=abc', '#other'].map(isShareLink)).toEqual([false, false, false, false]);
  });
});
