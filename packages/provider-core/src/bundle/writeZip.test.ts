import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZipDirectory, readZipEntry } from './readZip.js';
import { writeZip } from './writeZip.js';

const encode = (text: string) => new TextEncoder().encode(text);
const entries = [
  { path: 'site/site.json', data: encode('{\n  "name": "site"\n}\n'.repeat(50)) },
  { path: 'site/ünïcødé.txt', data: encode('x') },
  { path: 'site/empty', data: new Uint8Array() },
  { path: 'site/cp-1/cidata.iso', data: Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256) },
];

/** Each central record's fields that make a zip depend on more than its files. */
function centralRecords(zip: Uint8Array) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  const records = [];
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < view.getUint16(end + 10, true); i++) {
    const nameLength = view.getUint16(at + 28, true);
    const [extra, comment] = [view.getUint16(at + 30, true), view.getUint16(at + 32, true)];
    const local = view.getUint32(at + 42, true);
    records.push({
      madeBy: view.getUint16(at + 4, true),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
      externalAttributes: view.getUint32(at + 38, true),
      extra: extra + comment + view.getUint16(local + 28, true),
    });
    at += 46 + nameLength + extra + comment;
  }
  return records;
}

describe('writeZip', () => {
  it('writes entries that jszip and readZip both read back, in order', async () => {
    const zip = writeZip(entries);
    const loaded = await JSZip.loadAsync(zip);
    expect(Object.keys(loaded.files)).toEqual(entries.map((e) => e.path));
    for (const entry of entries) expect(await loaded.file(entry.path)!.async('uint8array'), entry.path).toEqual(entry.data);
    const directory = readZipDirectory(zip);
    if (!directory.ok) throw new Error(directory.message);
    expect(directory.entries.map((e) => [e.name, e.method])).toEqual(entries.map((e) => [e.path, e.data.length < 512 ? 0 : 8]));
    for (const [i, entry] of directory.entries.entries())
      expect(await readZipEntry(zip, entry, 10_000)).toEqual({ ok: true, bytes: entries[i]!.data });
  });

  it('gives every entry 1980-01-01 00:00, DOS attributes, no extra fields, UTF-8 flag only for non-ASCII names', () => {
    const records = centralRecords(writeZip(entries));
    expect(records).toEqual(
      entries.map((e) => ({
        madeBy: 20,
        flags: e.path.includes('ü') ? 0x800 : 0,
        // Stored under 512 bytes (deflating costs more than it saves there), deflated from 512.
        method: e.data.length < 512 ? 0 : 8,
        time: 0,
        date: 0x21,
        externalAttributes: 0,
        extra: 0,
      })),
    );
  });

  it('gives the same bytes for the same entries, and reports each entry', () => {
    const seen: number[] = [];
    const first = writeZip(entries, (i) => seen.push(i));
    expect(writeZip(entries.map((e) => ({ ...e, data: e.data.slice() })))).toEqual(first);
    expect(seen).toEqual([0, 1, 2, 3]);
  });

  it('is a zip that unzip tests clean, when unzip is installed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'write-zip-'));
    writeFileSync(join(dir, 'a.zip'), writeZip(entries));
    let output: string;
    try {
      output = execFileSync('unzip', ['-t', join(dir, 'a.zip')], { encoding: 'utf8' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    expect(output).toContain('No errors detected');
  });

  it('compresses an array given twice once, and writes the same bytes as for two copies', () => {
    const shared = encode('the same manifest on every server\n'.repeat(40));
    const twice = [
      { path: 'a/kube-vip.yaml', data: shared },
      { path: 'b/kube-vip.yaml', data: shared },
    ];
    expect(writeZip(twice)).toEqual(writeZip(twice.map((e) => ({ ...e, data: e.data.slice() }))));
  });

  it('counts more than 65,534 entries in Zip64 end records, and only then', () => {
    const files = (count: number) => Array.from({ length: count }, (_, i) => ({ path: `f${i}`, data: new Uint8Array() }));
    const atLimit = writeZip(files(0xfffe));
    expect(new DataView(atLimit.buffer).getUint16(atLimit.length - 22 + 10, true)).toBe(0xfffe);
    const zip = writeZip(files(0x10001));
    const view = new DataView(zip.buffer);
    const end = zip.length - 22;
    expect([view.getUint32(end, true), view.getUint16(end + 8, true), view.getUint16(end + 10, true)]).toEqual([
      0x06054b50, 0xffff, 0xffff,
    ]);
    const locator = end - 20;
    expect(view.getUint32(locator, true)).toBe(0x07064b50);
    const record = Number(view.getBigUint64(locator + 8, true));
    expect(record).toBe(locator - 56);
    expect(view.getUint32(record, true)).toBe(0x06064b50);
    expect([24, 32].map((at) => Number(view.getBigUint64(record + at, true)))).toEqual([0x10001, 0x10001]);
    const directoryOffset = Number(view.getBigUint64(record + 48, true));
    expect(directoryOffset).toBe(view.getUint32(end + 16, true));
    expect(Number(view.getBigUint64(record + 40, true))).toBe(record - directoryOffset);
    // readZip reads them back: the count comes from the Zip64 end record.
    const read = readZipDirectory(zip);
    expect(read.ok && read.entries.length).toBe(0x10001);
    expect(read.ok && read.entries[0x10000]!.name).toBe('f65536');
  });

  it('is a Zip64 zip that unzip tests clean, when unzip is installed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'write-zip64-'));
    writeFileSync(join(dir, 'a.zip'), writeZip(Array.from({ length: 0x10001 }, (_, i) => ({ path: `f${i}`, data: encode(`${i % 7}`) }))));
    let output: string;
    try {
      output = execFileSync('unzip', ['-tq', join(dir, 'a.zip')], { encoding: 'utf8', maxBuffer: 1 << 24 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    expect(output).toContain('No errors detected');
  });
});
