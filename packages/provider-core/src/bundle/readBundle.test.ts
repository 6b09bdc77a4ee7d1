import fc from 'fast-check';
import JSZip from 'jszip';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { propertySettings } from '../../test/fastCheckSettings.js';
import { haSite, variant } from '../../test/siteFixtures.js';
import { zipBytes } from '../../test/zipBytes.js';
import { LIMITS } from '../limits.js';
import { buildBundle } from './buildBundle.js';
import { readBundle } from './readBundle.js';
import { crc32 } from './readZip.js';

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
    expect(await readBundle(await other.generateAsync({ type: 'uint8array' }))).toMatchObject({
      ok: false,
      message: expect.stringContaining('no SITE/site.json'),
    });
    expect(await readBundle(new TextEncoder().encode('not a zip'))).toMatchObject({
      ok: false,
      message: expect.stringContaining('not a readable zip'),
    });
    const newer = new JSZip();
    newer.file('x/site.json', JSON.stringify({ ...haSite(), version: 3 }));
    expect(await readBundle(await newer.generateAsync({ type: 'uint8array' }))).toMatchObject({
      ok: false,
      message: expect.stringContaining('newer RKE2 Edge Designer'),
    });
  });
});

describe('readBundle, given a zip from anyone', () => {
  const siteJson = () => JSON.stringify(haSite());

  it('reads exactly one SITE/site.json, and refuses two, even with the same name', async () => {
    expect(
      await readBundle(
        zipBytes([
          { name: 'a/README.txt', data: 'hi' },
          { name: 'a/site.json', data: siteJson(), method: 8 },
        ]),
      ),
    ).toEqual({ ok: true, site: haSite() });
    const twice = { ok: false, message: 'this zip holds more than one site.json' };
    expect(
      await readBundle(
        zipBytes([
          { name: 'a/site.json', data: siteJson() },
          { name: 'a/site.json', data: siteJson() },
        ]),
      ),
    ).toEqual(twice);
    expect(
      await readBundle(
        zipBytes([
          { name: 'a/site.json', data: siteJson() },
          { name: 'b/site.json', data: '{}' },
        ]),
      ),
    ).toEqual(twice);
    // Only a site.json one folder down counts.
    expect(
      await readBundle(
        zipBytes([
          { name: 'site.json', data: siteJson() },
          { name: 'a/b/site.json', data: siteJson() },
        ]),
      ),
    ).toMatchObject({ ok: false, message: expect.stringContaining('no SITE/site.json') });
  });

  it('unpacks only the site.json, and refuses one declared over 32 MiB before unpacking it', async () => {
    const huge = new Uint8Array(LIMITS.siteJsonBytes + 1);
    expect(
      await readBundle(
        zipBytes([{ name: 'a/site.json', method: 8, raw: deflateRawSync(huge), uncompressedSize: huge.length, crc: crc32(huge) }]),
      ),
    ).toEqual({
      ok: false,
      message: `"a/site.json" would unpack to ${LIMITS.siteJsonBytes + 1} bytes, more than the 32 MiB the designer opens`,
    });
    // A broken entry elsewhere is never read.
    expect(
      (
        await readBundle(
          zipBytes([
            { name: 'a/cidata.iso', method: 8, raw: Uint8Array.from([1, 2, 3]) },
            { name: 'a/site.json', data: siteJson() },
          ]),
        )
      ).ok,
    ).toBe(true);
  });

  it('stops a zip bomb: 2 GiB of zeros declared as 100 bytes end in well under a second', async () => {
    // A deflate stream of 2 GiB of zeros is about 2 MiB: 1 MiB of zeros compressed once, its
    // non-final blocks repeated 2,048 times, then an empty final block.
    const mib = deflateRawSync(new Uint8Array(1024 * 1024), { level: 9, finishFlush: 2 /* Z_SYNC_FLUSH: no final block */ });
    const raw = new Uint8Array(mib.length * 2048 + 2);
    for (let i = 0; i < 2048; i++) raw.set(mib, i * mib.length);
    raw.set([0x03, 0x00], mib.length * 2048); // an empty final fixed-Huffman block
    const started = performance.now();
    expect(await readBundle(zipBytes([{ name: 'a/site.json', method: 8, raw, uncompressedSize: 100, crc: 0 }]))).toEqual({
      ok: false,
      message: '"a/site.json" is damaged: it unpacks to more than the 100 bytes its zip entry declares (a forged entry or a "zip bomb")',
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses more entries than the limit at once', async () => {
    const zip = zipBytes(Array.from({ length: LIMITS.zipEntries + 1 }, (_, i) => ({ name: `a/${i}` })));
    const started = performance.now();
    expect(await readBundle(zip)).toEqual({
      ok: false,
      message: 'this zip has more than 250,000 entries, more than any designer bundle (about 10 per node)',
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('says why its site.json cannot be opened: bad UTF-8, duplicate keys, empty, null', async () => {
    const open = (data: Uint8Array | string) => readBundle(zipBytes([{ name: 'a/site.json', data, method: 8 }]));
    const bytes = new TextEncoder().encode(siteJson());
    bytes[10] = 0xff;
    expect(await open(bytes)).toEqual({ ok: false, message: 'its site.json cannot be opened: not valid UTF-8 at byte 10' });
    expect(await open(siteJson().replace('"name":"plant-7"', '"name":"plant-7","name":"x"'))).toEqual({
      ok: false,
      message: 'its site.json cannot be opened: key "name" appears twice in the top-level object',
    });
    expect(await open('  ')).toEqual({ ok: false, message: 'its site.json cannot be opened: the file is empty' });
    expect(await open('null')).toEqual({
      ok: false,
      message: 'its site.json cannot be opened: a site.json is a JSON object; this file holds null',
    });
  });

  it('never throws or rejects: random bytes, cut and damaged bundles', async () => {
    const bundle = await buildBundle(haSite(), { format: 'zip' });
    if (!bundle.ok) throw new Error(bundle.reason);
    const bytes = bundle.bytes;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 2000 }),
          fc.integer({ min: 0, max: bytes.length }).map((n) => bytes.slice(0, n)),
          fc.integer({ min: 0, max: bytes.length }).map((n) => bytes.slice(n)),
          fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((changes) => {
            const copy = bytes.slice();
            for (const [at, value] of changes) copy[at] = value;
            return copy;
          }),
        ),
        async (input) => {
          const result = await readBundle(input);
          expect(typeof result.ok).toBe('boolean');
          if (!result.ok) expect(result.message).toMatch(/^\S/);
        },
      ),
      { ...propertySettings, numRuns: Math.min(propertySettings.numRuns, 300) },
    );
  });
});

describe('siteErrorText', () => {
  it('joins parseSite errors into one line and says how many it left out', async () => {
    const { siteErrorText } = await import('../site/createSite.js');
    expect(siteErrorText([{ path: '', message: 'not valid JSON' }])).toBe('not valid JSON');
    const many = Array.from({ length: 7 }, (_, i) => ({ path: `nodes.${i}.role`, message: 'bad' }));
    expect(siteErrorText(many)).toBe(
      'nodes.0.role: bad; nodes.1.role: bad; nodes.2.role: bad; nodes.3.role: bad; nodes.4.role: bad; and 2 more',
    );
  });
});
