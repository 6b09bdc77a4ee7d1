import { buildBundle, createSite, LIMITS } from '@rke2-edge/provider-core';
import { describe, expect, it } from 'vitest';
import { uploadProblem } from './openFiles.js';
import { runOpen } from './openRequest.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('uploadProblem', () => {
  it('refuses, before reading, files larger than anything the designer opens', () => {
    expect(uploadProblem([{ name: 'site.json', size: 1000 }])).toBeNull();
    expect(uploadProblem([])).toBe('No file was given.');
    expect(uploadProblem([{ name: 'huge.zip', size: LIMITS.zipBytes + 1 }])).toBe(
      'huge.zip is larger than 512 MiB, more than anything the designer opens; it was not read.',
    );
    expect(
      uploadProblem([
        { name: 'a', size: LIMITS.zipBytes },
        { name: 'b', size: 1 },
      ]),
    ).toMatch(/more than 512 MiB together/);
    expect(uploadProblem(Array.from({ length: LIMITS.nodes + 1 }, (_, i) => ({ name: `${i}.yaml`, size: 10 })))).toMatch(
      /^Open at most 20000 files/,
    );
  });
});

describe('runOpen (what the open worker does)', () => {
  it('opens a site.json, a zip bundle and a share link; explains what it refuses', async () => {
    const site = createSite({ name: 'plant-7' });
    expect(await runOpen({ kind: 'files', files: [{ name: 'site.json', bytes: bytes(JSON.stringify(site)) }] })).toEqual({
      ok: true,
      site,
      notes: [],
    });
    const bundle = await buildBundle(site, { format: 'zip', force: true });
    if (!bundle.ok) throw new Error(bundle.reason);
    expect(await runOpen({ kind: 'files', files: [{ name: 'plant-7.zip', bytes: bundle.bytes }] })).toEqual({
      ok: true,
      site,
      notes: [expect.stringMatching(/^Only the site\.json of plant-7\.zip was read/)],
    });
    expect(await runOpen({ kind: 'files', files: [{ name: 'site.json', bytes: bytes('null') }] })).toEqual({
      ok: false,
      message: 'site.json is not a site this designer can open: a site.json is a JSON object; this file holds null',
    });
    expect(await runOpen({ kind: 'share', link: '#share=%%%' })).toMatchObject({ ok: false, message: expect.stringMatching(/damaged/) });
  });
});
