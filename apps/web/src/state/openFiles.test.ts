import { buildBundle, createSite } from '@rke2-edge/provider-core';
import { describe, expect, it } from 'vitest';
import { openTexts, openUploads } from './openFiles.js';

describe('openTexts', () => {
  it('opens a site.json', () => {
    const site = createSite({ name: 'plant-7' });
    expect(openTexts([{ name: 'site.json', text: JSON.stringify(site) }])).toEqual({ ok: true, site, notes: [] });
  });

  it('refuses a newer site.json by name', () => {
    const result = openTexts([{ name: 'site.json', text: JSON.stringify({ version: 2, name: 'x' }) }]);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/format version 2.*newer/) });
  });

  it('explains JSON that is not a site', () => {
    expect(openTexts([{ name: 'site.json', text: '{"nope": true' }])).toMatchObject({ ok: false, message: expect.stringMatching(/site.json.*not valid JSON/) });
  });

  it('imports cloud-configs and lists what it could not carry over', () => {
    const cloudConfig = (role: string, name: string) =>
      `#cloud-config\ncluster:\n  cluster_token: abcdefghijklmnop1234\n  control_plane_host: 10.0.0.1\n  role: ${role}\n  config: |\n    node-name: ${name}\n    token: leaked\n`;
    const result = openTexts([
      { name: 'cp.yaml', text: cloudConfig('init', 'cp') },
      { name: 'w.yaml', text: cloudConfig('worker', 'w') },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.site.nodes.map((n) => n.role)).toEqual(['init', 'worker']);
    expect(result.notes.join('\n')).toMatch(/token/);
  });

  it('says so when nothing is a cloud-config', () => {
    expect(openTexts([{ name: 'notes.txt', text: 'hello' }])).toMatchObject({ ok: false, message: expect.stringMatching(/None of the files/) });
  });

  it('opens a zip bundle made by this app as the site it holds', async () => {
    const site = createSite({ name: 'plant-7' });
    const bundle = await buildBundle(site, { format: 'zip', force: true });
    if (!bundle.ok) throw new Error(bundle.reason);
    expect(await openUploads([{ name: 'plant-7.zip', bytes: bundle.bytes }])).toEqual({ ok: true, site, notes: [] });
    expect(await openUploads([{ name: 'a.zip', bytes: bundle.bytes }, { name: 'b.yaml', bytes: new Uint8Array() }])).toMatchObject({ ok: false });
  });

  it('reads uploaded text files as before', async () => {
    const site = createSite({ name: 'x' });
    expect(await openUploads([{ name: 'site.json', bytes: new TextEncoder().encode(JSON.stringify(site)) }])).toEqual({ ok: true, site, notes: [] });
  });
});
