import JSZip from 'jszip';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { zipBytes } from '../../test/zipBytes.js';
import { LIMITS } from '../limits.js';
import { crc32, readZipDirectory, readZipEntry, type ZipEntry } from './readZip.js';
import { writeZip } from './writeZip.js';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

async function readOnly(zip: Uint8Array, max = 1024): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  const directory = readZipDirectory(zip);
  if (!directory.ok) return directory;
  const read = await readZipEntry(zip, directory.entries[0]!, max);
  return read.ok ? { ok: true, text: text(read.bytes) } : read;
}

describe('readZipDirectory', () => {
  it('lists what jszip wrote: names, methods, sizes', async () => {
    const zip = new JSZip();
    zip.file('site/site.json', '{"a": 1}');
    zip.file('site/ünïcode.txt', 'x'.repeat(1000));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const directory = readZipDirectory(bytes);
    if (!directory.ok) throw new Error(directory.message);
    expect(directory.entries.map((e) => [e.name, e.method, e.uncompressedSize])).toEqual([
      ['site/', 0, 0],
      ['site/site.json', 8, 8],
      ['site/ünïcode.txt', 8, 1000],
    ]);
    expect(await readZipEntry(bytes, directory.entries[2]!, 1000)).toEqual({ ok: true, bytes: new TextEncoder().encode('x'.repeat(1000)) });
  });

  it('finds the end record behind a comment, and only in the last 64 KiB + 22 bytes', () => {
    expect(readZipDirectory(zipBytes([{ name: 'a' }], { comment: new Uint8Array(65_535) })).ok).toBe(true);
    const zip = zipBytes([{ name: 'a' }]);
    const padded = Uint8Array.from([...zip, ...new Uint8Array(65_536)]);
    expect(readZipDirectory(padded)).toEqual({
      ok: false,
      message: 'this is not a readable zip file (it has no end of central directory record)',
    });
    expect(readZipDirectory(new TextEncoder().encode('not a zip'))).toEqual({
      ok: false,
      message: 'this is not a readable zip file (it has no end of central directory record)',
    });
    expect(readZipDirectory(new Uint8Array())).toMatchObject({ ok: false });
  });

  it('refuses a file over the zip size limit before reading it', () => {
    const huge = new Uint8Array(LIMITS.zipBytes + 1);
    expect(readZipDirectory(huge)).toEqual({ ok: false, message: 'this zip is larger than 512 MiB, the largest the designer opens' });
  });

  it('refuses more entries than the limit, declared or found', () => {
    const message = 'this zip has more than 250,000 entries, more than any designer bundle (about 10 per node)';
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `f${i}` }));
    const started = performance.now();
    expect(readZipDirectory(zipBytes(many(LIMITS.zipEntries + 1)))).toEqual({ ok: false, message });
    // 300,000 entries: the 16-bit count wraps to 37,856, the table itself has more.
    expect(readZipDirectory(zipBytes(many(300_000)))).toEqual({ ok: false, message });
    expect(performance.now() - started).toBeLessThan(15_000);
    // As many entries as the limit: a bundle that large counts them in Zip64 end records.
    const fine = readZipDirectory(
      writeZip(Array.from({ length: LIMITS.zipEntries }, (_, i) => ({ path: `f${i}`, data: new Uint8Array() }))),
    );
    expect(fine.ok && fine.entries.length).toBe(LIMITS.zipEntries);
  });

  it('refuses zip64, several disks and encryption', () => {
    const zip64 =
      'this zip uses zip64 sizes (the extension for entries and archives over 4 GiB), which the designer does not open; a designer bundle never needs them';
    const split = 'this zip is split across several files ("disks"); join it into one zip first';
    expect(readZipDirectory(zipBytes([{ name: 'a' }], { directoryOffset: 0xffffffff }))).toEqual({ ok: false, message: zip64 });
    expect(readZipDirectory(zipBytes([{ name: 'a', uncompressedSize: 0xffffffff }]))).toEqual({ ok: false, message: zip64 });
    const withLocator = zipBytes([{ name: 'a' }]);
    const end = withLocator.length - 22;
    const locator = Uint8Array.from([
      ...withLocator.subarray(0, end),
      0x50,
      0x4b,
      0x06,
      0x07,
      ...new Uint8Array(16),
      ...withLocator.subarray(end),
    ]);
    // A Zip64 locator pointing nowhere: the count it stands for cannot be read.
    expect(readZipDirectory(locator)).toEqual({ ok: false, message: 'this is not a readable zip file (its zip64 end record is damaged)' });
    expect(readZipDirectory(zipBytes([{ name: 'a' }], { disk: 1 }))).toEqual({ ok: false, message: split });
    expect(readZipDirectory(zipBytes([{ name: 'a' }, { name: 'b' }], { entriesOnDisk: 1 }))).toEqual({ ok: false, message: split });
    expect(readZipDirectory(zipBytes([{ name: 'a', diskStart: 2 }]))).toEqual({ ok: false, message: split });
    expect(readZipDirectory(zipBytes([{ name: 'x/site.json', flags: 0x801 }]))).toEqual({
      ok: false,
      message: 'this zip holds encrypted entries ("x/site.json"); the designer opens only zips without a password',
    });
  });

  it('refuses offsets and sizes that point outside the file', () => {
    expect(readZipDirectory(zipBytes([{ name: 'a', data: 'hi' }], { directoryOffset: 5000 }))).toEqual({
      ok: false,
      message: 'this is not a readable zip file (its table of contents points outside the file)',
    });
    expect(readZipDirectory(zipBytes([{ name: 'a', data: 'hi', localHeaderOffset: 4000 }]))).toEqual({
      ok: false,
      message: 'this is not a readable zip file (entry "a" points outside the file)',
    });
    expect(readZipDirectory(zipBytes([{ name: 'a' }, { name: 'b' }], { directorySize: 60 }))).toEqual({
      ok: false,
      message: 'this is not a readable zip file (entry 2 of its table of contents is damaged)',
    });
    expect(readZipDirectory(zipBytes([{ name: 'a' }, { name: 'b' }], { totalEntries: 3, entriesOnDisk: 3 }))).toEqual({
      ok: false,
      message: 'this is not a readable zip file (its table of contents lists 2 entries where its end record says 3)',
    });
  });
});

describe('readZipEntry', () => {
  it('reads stored and deflated entries and checks their CRC-32', async () => {
    expect(await readOnly(zipBytes([{ name: 'a', data: 'stored' }]))).toEqual({ ok: true, text: 'stored' });
    expect(await readOnly(zipBytes([{ name: 'a', data: 'deflated '.repeat(20), method: 8 }]))).toEqual({
      ok: true,
      text: 'deflated '.repeat(20),
    });
    expect(await readOnly(zipBytes([{ name: 'a', data: 'hello', crc: 1234 }]))).toEqual({
      ok: false,
      message: '"a" is damaged: its CRC-32 checksum does not match its content',
    });
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('refuses a declared size over the limit before unpacking anything', async () => {
    expect(await readOnly(zipBytes([{ name: 'a', data: 'x'.repeat(2000), method: 8 }]))).toEqual({
      ok: false,
      message: '"a" would unpack to 2000 bytes, more than the 1 KiB the designer opens',
    });
  });

  it('stops a zip bomb as soon as it passes its declared size', async () => {
    const zeros = new Uint8Array(LIMITS.siteJsonBytes * 4);
    const zip = zipBytes([
      { name: 'x/site.json', method: 8, raw: deflateRawSync(zeros, { level: 9 }), uncompressedSize: 100, crc: crc32(zeros) },
    ]);
    const started = performance.now();
    expect(await readOnly(zip, LIMITS.siteJsonBytes)).toEqual({
      ok: false,
      message: '"x/site.json" is damaged: it unpacks to more than the 100 bytes its zip entry declares (a forged entry or a "zip bomb")',
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('explains other damage: short data, bad compressed data, unknown method, missing local header', async () => {
    expect(await readOnly(zipBytes([{ name: 'a', data: 'hello', method: 8, uncompressedSize: 9 }]))).toEqual({
      ok: false,
      message: '"a" is damaged: it unpacks to 5 bytes, not the 9 its zip entry declares',
    });
    expect(await readOnly(zipBytes([{ name: 'a', method: 8, raw: Uint8Array.from([0xff, 0xfe, 0xfd]), uncompressedSize: 3 }]))).toEqual({
      ok: false,
      message: '"a" is damaged: its compressed data cannot be unpacked',
    });
    expect(await readOnly(zipBytes([{ name: 'a', data: 'hello', method: 12 }]))).toEqual({
      ok: false,
      message: '"a" is compressed with method 12, which the designer does not unpack (only stored and deflate)',
    });
    expect(await readOnly(zipBytes([{ name: 'a', data: 'hello', uncompressedSize: 4 }]))).toEqual({
      ok: false,
      message: '"a" is damaged: its stored size and its size differ',
    });
    const zip = zipBytes([
      { name: 'a', data: 'hello' },
      { name: 'b', data: 'world' },
    ]);
    const directory = readZipDirectory(zip);
    if (!directory.ok) throw new Error(directory.message);
    const forged: ZipEntry = { ...directory.entries[1]!, localHeaderOffset: 3 };
    expect(await readZipEntry(zip, forged, 100)).toEqual({
      ok: false,
      message: 'this is not a readable zip file (the entry "b" has no local header where the table of contents says)',
    });
    expect(await readZipEntry(zip, { ...forged, localHeaderOffset: zip.length }, 100)).toMatchObject({ ok: false });
  });
});
