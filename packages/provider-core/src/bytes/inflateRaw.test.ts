import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inflateRaw } from './inflateRaw.js';

describe('inflateRaw', () => {
  it('unpacks a raw deflate stream up to the bound', async () => {
    const text = new TextEncoder().encode('a'.repeat(100_000));
    const result = await inflateRaw(deflateRawSync(text), text.length);
    expect(result.ok && new TextDecoder().decode(result.bytes)).toBe('a'.repeat(100_000));
  });

  it('stops a bomb at the bound: 64 KiB that unpack to 64 MiB cost 4 MiB and a moment', async () => {
    const bomb = deflateRawSync(new Uint8Array(64 * 1024 * 1024), { level: 9 });
    const started = performance.now();
    expect(await inflateRaw(bomb, 4 * 1024 * 1024)).toEqual({ ok: false, problem: 'too-large' });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  // Bytes after the end of the stream are ignored by Node and refused by Chromium; zip entries
  // are checked by size and CRC-32 anyway.
  it('reports a damaged or cut stream', async () => {
    const stream = deflateRawSync(new TextEncoder().encode('hello world '.repeat(50)));
    expect(await inflateRaw(stream.subarray(0, stream.length - 4), 10_000)).toEqual({ ok: false, problem: 'damaged' });
    expect(await inflateRaw(Uint8Array.from([0xff, 0xff, 0xff]), 10_000)).toEqual({ ok: false, problem: 'damaged' });
  });
});
