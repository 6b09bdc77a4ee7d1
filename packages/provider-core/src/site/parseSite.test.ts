import { lintSite } from '../lint/lintSite.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertySettings } from '../../test/fastCheckSettings.js';
import { haSite, largeSite, variant } from '../../test/siteFixtures.js';
import { LIMITS } from '../limits.js';
import { parseSite, parseSiteBytes, siteErrorText, type ParseSiteResult } from './createSite.js';
import type { Site } from './siteSchema.js';

const encode = (text: string) => new TextEncoder().encode(text);
const errorText = (result: ParseSiteResult) => (result.ok ? 'ok' : siteErrorText(result.errors));
const siteJson = () => JSON.stringify(haSite(), null, 2);

/** Every object of a parsed site is a plain object or array, with no own "__proto__". */
function expectPlain(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  expect([Object.prototype, Array.prototype]).toContain(Object.getPrototypeOf(value));
  expect(Object.hasOwn(value, '__proto__')).toBe(false);
  for (const child of Object.values(value)) expectPlain(child);
}

describe('parseSite', () => {
  it('reads a site.json as text, bytes or a parsed value, with or without a byte-order mark', () => {
    const site = haSite();
    expect(parseSite(siteJson())).toEqual({ ok: true, site });
    expect(parseSite(`\uFEFF${siteJson()}`)).toEqual({ ok: true, site });
    expect(parseSiteBytes(encode(siteJson()))).toEqual({ ok: true, site });
    expect(parseSite(JSON.parse(siteJson()))).toEqual({ ok: true, site });
  });

  it('refuses a file over the size limit, as text or bytes, before parsing it', () => {
    const big = `${siteJson().slice(0, -1)}, "description": "${'x'.repeat(LIMITS.siteJsonBytes)}"}`;
    const message = 'the file is larger than 32 MiB, more than any site the designer opens';
    expect(errorText(parseSite(big))).toBe(message);
    expect(errorText(parseSiteBytes(encode(big)))).toBe(message);
    // Counted in UTF-8 bytes: a third of the limit in characters of "€" (3 bytes each) is just over it.
    expect(errorText(parseSite(`"${'€'.repeat(LIMITS.siteJsonBytes / 3 + 1)}"`))).toBe(message);
  });

  it('refuses invalid UTF-8 with the offset of the bad byte', () => {
    const bytes = encode(siteJson());
    const at = bytes.indexOf(encode('plant-7')[0]!);
    bytes[at] = 0xc0;
    expect(errorText(parseSiteBytes(bytes))).toBe(`not valid UTF-8 at byte ${at}`);
    expect(errorText(parseSiteBytes(Uint8Array.from([0x7b, 0x22, 0xff, 0x22, 0x7d])))).toBe('not valid UTF-8 at byte 2');
  });

  it('refuses an empty file, white space, and JSON that is not an object', () => {
    expect(errorText(parseSite(''))).toBe('the file is empty');
    expect(errorText(parseSite(' \n\t\r\n'))).toBe('the file is empty');
    expect(errorText(parseSiteBytes(new Uint8Array()))).toBe('the file is empty');
    expect(errorText(parseSite('null'))).toBe('a site.json is a JSON object; this file holds null');
    expect(errorText(parseSite(' [1, 2]'))).toBe('a site.json is a JSON object; this file holds an array');
    expect(errorText(parseSite('42'))).toBe('a site.json is a JSON object; this file holds a number');
    expect(errorText(parseSite('"site"'))).toBe('a site.json is a JSON object; this file holds a string');
    expect(errorText(parseSite('false'))).toBe('a site.json is a JSON object; this file holds false');
    expect(errorText(parseSite('{"name": '))).toMatch(/^not valid JSON: /);
  });

  it('refuses a parsed value that is not an object', () => {
    expect(errorText(parseSite(null))).toBe('a site is a JSON object, not null');
    expect(errorText(parseSite(undefined))).toBe('a site is a JSON object, not nothing');
    expect(errorText(parseSite([haSite()]))).toBe('a site is a JSON object, not an array');
  });

  it('refuses a key repeated in any object, saying where', () => {
    const text = siteJson();
    expect(errorText(parseSite(text.replace('"name": "plant-7"', '"name": "plant-7", "name": "other"')))).toBe(
      'key "name" appears twice in the top-level object',
    );
    const nodes = JSON.parse(text) as { nodes: Record<string, unknown>[] };
    const json = JSON.stringify(nodes).replace('"name":"worker-1"', '"name":"worker-1","role":"worker","name":"worker-9"');
    expect(errorText(parseSite(json))).toBe('key "name" appears twice in nodes.3');
    // The same key written two ways is the same key.
    expect(errorText(parseSite(text.replace('"cni": "canal"', '"cni": "canal", "c\\u006ei": "none"')))).toBe(
      'key "cni" appears twice in network',
    );
    // Keys inside strings, and equal keys in different objects, are fine.
    expect(parseSite(text.replace('"description": ""', '"description": "{\\"name\\": 1, \\"name\\": 2}"')).ok).toBe(true);
    // Deep inside a value the schema does not read, still refused.
    expect(errorText(parseSite(text.replace('"version": 2', '"version": 2, "x": [[{"a": 1}, {"b": [{"k": 1, "k": 2}]}]]')))).toBe(
      'key "k" appears twice in x.0.1.b.0',
    );
  });

  it('refuses a newer format version by name', () => {
    expect(errorText(parseSite(JSON.stringify({ ...haSite(), version: 3 })))).toBe(
      'version: this site.json has format version 3, made by a newer RKE2 Edge Designer; this one reads version 2. Update the designer to open it.',
    );
  });

  it(`refuses more than ${LIMITS.nodes} nodes`, () => {
    expect(parseSite(largeSite(LIMITS.nodes)).ok).toBe(true);
    const tooMany = largeSite(LIMITS.nodes + 1);
    const message = `nodes: a site has at most ${LIMITS.nodes} nodes; this one has ${LIMITS.nodes + 1}`;
    expect(errorText(parseSite(tooMany))).toBe(message);
    expect(errorText(parseSite(JSON.stringify(tooMany)))).toBe(message);
  });

  it('opens extra config over 16 KiB (a saved site must open again) and lintSite reports it as too large, counted in UTF-8', () => {
    const atLimit = `# ${'x'.repeat(LIMITS.extraConfigBytes - 2)}`;
    const tooLarge = (site: Site) =>
      lintSite(site)
        .filter((f) => f.code === 'too-large')
        .map((f) => [f.path.join('.'), f.message]);
    const ok = parseSite(variant((s) => (s.extraConfig = atLimit)));
    expect(ok.ok && tooLarge(ok.site)).toEqual([]);
    const euros = parseSite(variant((s) => (s.extraConfig = `# ${'€'.repeat(6_000)}`))); // 6,002 characters, 18,002 bytes
    expect(euros.ok && tooLarge(euros.site)).toEqual([
      ['extraConfig', "the site's extra config is 18002 bytes; the designer accepts at most 16 KiB"],
    ]);
  });

  it('refuses "__proto__" as a registry rewrite pattern, and keeps "constructor" and "prototype" as data', () => {
    const mirror = (rewrites: string) =>
      siteJson().replace('"mirrors": []', `"mirrors": [{"registry": "docker.io", "rewrites": ${rewrites}}]`);
    expect(errorText(parseSite(mirror('{"__proto__": "x", "^a": "b"}')))).toBe(
      'airGap.mirrors.0.rewrites: the pattern "__proto__" is a reserved name and cannot be used; a rewrite pattern is a regular expression for image names',
    );
    const kept = parseSite(mirror('{"constructor": "c", "prototype": "p", "toString": "t"}'));
    if (!kept.ok) throw new Error(siteErrorText(kept.errors));
    const rewrites = kept.site.airGap.mirrors[0]!.rewrites;
    expect(rewrites).toEqual({ constructor: 'c', prototype: 'p', toString: 't' });
    expect(parseSite(JSON.stringify(kept.site))).toEqual(kept);
    expectPlain(kept.site);
  });

  it('never pollutes Object.prototype and gives plain objects, whatever the keys', () => {
    const reserved = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'polluted');
    const hostile = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.integer(),
        fc.constant(null),
        tie('object'),
        fc.array(tie('value'), { maxLength: 3 }),
      ),
      object: fc.dictionary(fc.oneof(reserved, fc.string({ maxLength: 3 })), tie('value'), { maxKeys: 4 }),
    })).object;
    const places = ['', 'cluster', 'network', 'airGap', 'airGap.mirrors.0', 'airGap.mirrors.0.rewrites', 'nodes.0', 'os.user'];
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    fc.assert(
      fc.property(hostile, fc.constantFrom(...places), (extra, place) => {
        const site = JSON.parse(
          JSON.stringify(variant((s) => (s.airGap.mirrors = [{ registry: 'docker.io', endpoints: [], rewrites: {} }]))),
        ) as Record<string, unknown>;
        let target: Record<string, unknown> = site;
        for (const key of place.split('.').filter(Boolean)) target = target[key] as Record<string, unknown>;
        // Written as JSON text, so "__proto__" is a key (JSON.parse makes it an own property).
        const extraJson = JSON.stringify(extra).slice(1, -1);
        const text = JSON.stringify(site).replace(JSON.stringify(target), (json) =>
          extraJson && json !== '{}' ? `${json.slice(0, -1)},${extraJson}}` : extraJson ? `{${extraJson}}` : json,
        );
        for (const result of [parseSite(text), parseSite(JSON.parse(text))]) if (result.ok) expectPlain(result.site);
        expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      }),
      propertySettings,
    );
  });

  it('never throws, whatever the text, bytes or value', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify({ ...haSite(), nodes: [v], extraConfig: v })),
          fc.uint8Array(),
        ),
        (input) => {
          const result = typeof input === 'string' ? parseSite(input) : parseSiteBytes(input);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
      propertySettings,
    );
    fc.assert(
      fc.property(fc.anything(), (value) => void parseSite(value)),
      propertySettings,
    );
    const deep = `{"x": ${'['.repeat(500_000)}${']'.repeat(500_000)}}`;
    expect(parseSite(deep).ok).toBe(false);
  });
});
