import { describe, expect, it } from 'vitest';
import { mergeConfigD } from './mergeConfigD.js';

const dir = '/etc/rancher/rke2/config.d';

describe('mergeConfigD (jq 1.6 += over config.d in glob order)', () => {
  it('adds numbers, concatenates strings and lists, merges objects, in file name order', () => {
    const result = mergeConfigD([
      { path: `${dir}/99_b.yaml`, content: '{"n":2,"s":"b","l":[2],"o":{"y":2},"new":null}' },
      { path: `${dir}/10_a.yaml`, content: '{"n":1,"s":"a","l":[1],"o":{"x":1}}' },
    ]);
    expect(result.ok && result.text).toBe(
      '{\n  "n": 3,\n  "s": "ab",\n  "l": [\n    1,\n    2\n  ],\n  "o": {\n    "x": 1,\n    "y": 2\n  },\n  "new": null\n}\n',
    );
  });

  it('fails like jq on a type clash, naming the last file and its line count', () => {
    const result = mergeConfigD([
      { path: `${dir}/90_userdata.yaml`, content: '{"token":5}' },
      { path: `${dir}/99_userdata.yaml`, content: '{"token":"K10abcdefghijklmnop"}' },
    ]);
    expect(result).toEqual({
      ok: false,
      exitCode: 5,
      text: '',
      error: `jq: error (at ${dir}/99_userdata.yaml:0): number (5) and string ("K10abcdefg...) cannot be added`,
      // For findings: without the values jq quotes (here the start of the token).
      shown: `jq: error (at ${dir}/99_userdata.yaml:0): number and string cannot be added`,
    });
  });

  it('reports a null document as having no keys', () => {
    const result = mergeConfigD([{ path: `${dir}/90_userdata.yaml`, content: 'null' }]);
    expect(result.ok ? '' : result.error).toBe(`jq: error (at ${dir}/90_userdata.yaml:0): null (null) has no keys`);
  });

  it('reports unreadable JSON instead of throwing', () => {
    const result = mergeConfigD([{ path: `${dir}/90_userdata.yaml`, content: '{"a":' }]);
    expect(result).toMatchObject({ ok: false, exitCode: 2 });
  });
});
