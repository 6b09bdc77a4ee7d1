import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertySettings } from '../../test/fastCheckSettings.js';
import { LIMITS } from '../limits.js';
import { classifyInput, type InputKind } from './classifyInput.js';

const file = (name: string, content: string | number[] | Uint8Array) => ({
  name,
  bytes: typeof content === 'string' ? new TextEncoder().encode(content) : Uint8Array.from(content),
});
const kindOf = (name: string, content: string | number[] | Uint8Array): InputKind => classifyInput(file(name, content)).kind;

describe('classifyInput', () => {
  it('knows a zip by its signature or its name', () => {
    expect(classifyInput(file('bundle.bin', [0x50, 0x4b, 3, 4, 0]))).toEqual({ kind: 'zip', reason: 'it starts with a zip signature' });
    expect(kindOf('empty', [0x50, 0x4b, 5, 6])).toBe('zip');
    expect(classifyInput(file('FAKE.ZIP', 'not a zip'))).toEqual({ kind: 'zip', reason: 'its name ends in .zip' });
    // A site.json renamed .zip opens as a site.json.
    expect(classifyInput(file('site.zip', ' {"name": "x"}'))).toEqual({ kind: 'site-json', reason: 'it is a JSON object' });
    expect(kindOf('pk.txt', 'PK is not enough')).not.toBe('zip');
  });

  it('knows a site.json by a JSON object, whatever its name', () => {
    expect(kindOf('plant-7.txt', '\uFEFF \n\t{"name": 1}')).toBe('site-json');
    expect(kindOf('x', '{')).toBe('site-json');
    expect(kindOf('notes.json', '[1, 2]')).toBe('unknown');
    expect(kindOf('a.yaml', '\u00a0{')).toBe('unknown');
    expect(kindOf('a.yaml', '#cloud-config\n{')).toBe('cloud-config');
  });

  it('takes an empty or null *.json as a broken site.json, and not under other names', () => {
    for (const content of ['', ' \r\n\t', ' null\n', 'null'])
      expect(classifyInput(file('SITE.JSON', content))).toEqual({
        kind: 'site-json',
        reason: 'its name ends in .json and it holds no JSON object',
      });
    expect(kindOf('site.json', 'nullx')).toBe('unknown');
    expect(kindOf('site.yaml', '')).toBe('unknown');
  });

  it('finds a share link a file holds and nothing else, within a link length', () => {
    expect(classifyInput(file('link.txt', '  https://d.example/#share=abc\n'))).toEqual({
      kind: 'share-link',
      reason: 'it holds only a share link',
      link: 'https://d.example/#share=abc',
    });
    expect(kindOf('link', '#share=abc')).toBe('share-link');
    expect(kindOf('link', 'https://a.example/#share=abc https://b.example/')).toBe('unknown');
    expect(kindOf('link', `#share=${'a'.repeat(LIMITS.shareLinkChars + 4096)}`)).toBe('unknown');
  });

  it('knows a cloud-config by its first line', () => {
    expect(classifyInput(file('n.yaml', '#cloud-config\ncluster: {}'))).toEqual({
      kind: 'cloud-config',
      reason: 'its first line is #cloud-config',
    });
    expect(kindOf('n', '\uFEFF#cloud-config\r\n')).toBe('cloud-config');
    expect(kindOf('n', '#cloud-config')).toBe('cloud-config');
    expect(kindOf('n', '#cloud-configs\n')).toBe('unknown');
    expect(kindOf('n', 'cluster: {}')).toBe('unknown');
    expect(kindOf('n', [0x23, 0x20, 0x80])).toBe('unknown');
  });

  it('answers for any bytes and name, with a reason, and the zip signature always wins', () => {
    const name = fc.constantFrom('site.json', 'a.zip', 'node.yaml', 'x', 'LINK.TXT');
    fc.assert(
      fc.property(name, fc.uint8Array({ maxLength: 200 }), (n, bytes) => {
        const got = classifyInput({ name: n, bytes });
        expect(got.reason.length).toBeGreaterThan(0);
        expect(classifyInput({ name: n, bytes: Uint8Array.from([0x50, 0x4b, 3, 4, ...bytes]) }).kind).toBe('zip');
        if (n === 'a.zip') expect(got.kind).toBe(got.reason === 'it is a JSON object' ? 'site-json' : 'zip');
      }),
      propertySettings,
    );
  });

  it('takes any text that starts with "{" after JSON white space as a site.json', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[\t\n\r ]*$/), fc.string(), (space, rest) => {
        expect(kindOf('node.yaml', `${space}{${rest}`)).toBe('site-json');
      }),
      propertySettings,
    );
  });
});
