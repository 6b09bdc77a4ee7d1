import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { haSite, variant } from '../../test/siteFixtures.js';
import { buildBundle } from './buildBundle.js';
import { readBundle } from './readBundle.js';

describe('readBundle', () => {
  it('gives back the very site a bundle was made from', async () => {
    const site = variant((s) => (s.proxy.httpProxy = 'http://proxy:3128'));
    const bundle = await buildBundle(site, { format: 'zip', iso: true });
    if (!bundle.ok) throw new Error(bundle.reason);
    expect(await readBundle(bundle.bytes)).toEqual({ ok: true, site });
  });

  it('explains a zip that is not a bundle, a damaged file, and a newer site', async () => {
    const other = new JSZip();
    other.file('notes.txt', 'hi');
    expect(await readBundle(await other.generateAsync({ type: 'uint8array' }))).toMatchObject({ ok: false, message: expect.stringContaining('no SITE/site.json') });
    expect(await readBundle(new TextEncoder().encode('not a zip'))).toMatchObject({ ok: false, message: expect.stringContaining('not a readable zip') });
    const newer = new JSZip();
    newer.file('x/site.json', JSON.stringify({ ...haSite(), version: 3 }));
    expect(await readBundle(await newer.generateAsync({ type: 'uint8array' }))).toMatchObject({ ok: false, message: expect.stringContaining('newer RKE2 Edge Designer') });
  });
});

describe('siteErrorText', () => {
  it('joins parseSite errors into one line and says how many it left out', async () => {
    const { siteErrorText } = await import('../site/createSite.js');
    expect(siteErrorText([{ path: '', message: 'not valid JSON' }])).toBe('not valid JSON');
    const many = Array.from({ length: 7 }, (_, i) => ({ path: `nodes.${i}.role`, message: 'bad' }));
    expect(siteErrorText(many)).toBe('nodes.0.role: bad; nodes.1.role: bad; nodes.2.role: bad; nodes.3.role: bad; nodes.4.role: bad; and 2 more');
  });
});
