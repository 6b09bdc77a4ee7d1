/**
 * A small zip writer for bundles: every entry deflated (level 6, with fflate) or, when under
 * STORE_BELOW bytes, stored; the same DOS date (1980-01-01 00:00) on every entry; no extra fields, no data
 * descriptors, no Unix permissions (version made by 2.0 on MS-DOS, external attributes 0), the
 * entries in the order given. So the same files always give the same bytes, whatever the clock
 * or time zone. It writes what jszip wrote for bundles before, and what readZip reads back.
 *
 * More than 65,534 entries (a bundle of about 6,500 nodes or more) get the Zip64 end records
 * (PKWARE APPNOTE.TXT 4.3.14 and 4.3.15) after the classic one, whose counts then read 0xffff;
 * every entry stays a classic one (the archive stays under 4 GiB). readZip reads those too.
 * Entries given the same data array are compressed once.
 */
import { deflateSync } from 'fflate';
import { crc32 } from './readZip.js';

/**
 * Entries this small are stored, not deflated: fflate sets up about 170 KB of tables for every
 * entry it deflates, whatever its size, which at 20,000 nodes (a few small files each: meta-data,
 * the provider's own config.d file, the merged config) costs more time than the bytes saved
 * (a few hundred per node).
 */
const STORE_BELOW = 512;

export interface ZipInput {
  /** Path inside the zip, with `/` between folders; no folder entries are written. */
  path: string;
  data: Uint8Array;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const ZIP64_END_LOCATOR = 0x07064b50;
/** Version 4.5: the Zip64 format extensions (APPNOTE 4.4.3.2). */
const ZIP64_VERSION = 45;
/** 1980-01-01 in the DOS date format (years since 1980, month, day); the time is 00:00:00. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const VERSION = 20;
const VERSION_NEEDED = 10;
const UTF8_NAMES = 0x800;
const STORED = 0;
const DEFLATED = 8;
/** Beyond this many entries the classic end record cannot count them (0xffff itself means Zip64). */
const MAX_CLASSIC_ENTRIES = 0xfffe;
/** Beyond this, entries need Zip64 sizes and offsets, which this writer does not write. */
const MAX_SIZE = 0xffffffff;

interface Written {
  name: Uint8Array;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/** The fields a local header and a central record share, from "version needed" to the name's length. */
function writeShared(view: DataView, at: number, entry: Written): void {
  view.setUint16(at, VERSION_NEEDED, true);
  view.setUint16(at + 2, entry.flags, true);
  view.setUint16(at + 4, entry.method, true);
  view.setUint16(at + 6, 0, true);
  view.setUint16(at + 8, DOS_DATE, true);
  view.setUint32(at + 10, entry.crc, true);
  view.setUint32(at + 14, entry.compressedSize, true);
  view.setUint32(at + 18, entry.size, true);
  view.setUint16(at + 22, entry.name.length, true);
}

function localHeader(entry: Written): Uint8Array {
  const header = new Uint8Array(30 + entry.name.length);
  const view = new DataView(header.buffer);
  view.setUint32(0, LOCAL_HEADER, true);
  writeShared(view, 4, entry);
  header.set(entry.name, 30);
  return header;
}

function centralRecord(entry: Written): Uint8Array {
  const record = new Uint8Array(46 + entry.name.length);
  const view = new DataView(record.buffer);
  view.setUint32(0, CENTRAL_HEADER, true);
  view.setUint16(4, VERSION, true);
  writeShared(view, 6, entry);
  view.setUint32(42, entry.offset, true);
  record.set(entry.name, 46);
  return record;
}

function endOfDirectory(count: number, size: number, offset: number): Uint8Array {
  const end = new Uint8Array(22);
  const view = new DataView(end.buffer);
  view.setUint32(0, END_OF_DIRECTORY, true);
  view.setUint16(8, Math.min(count, 0xffff), true);
  view.setUint16(10, Math.min(count, 0xffff), true);
  view.setUint32(12, size, true);
  view.setUint32(16, offset, true);
  return end;
}

const setUint64 = (view: DataView, at: number, value: number) => {
  view.setUint32(at, value % 0x100000000, true);
  view.setUint32(at + 4, Math.floor(value / 0x100000000), true);
};

/** The Zip64 end of central directory record and its locator, written at `at` (APPNOTE 4.3.14, 4.3.15). */
function zip64EndRecords(count: number, size: number, offset: number, at: number): Uint8Array {
  const records = new Uint8Array(56 + 20);
  const view = new DataView(records.buffer);
  view.setUint32(0, ZIP64_END_OF_DIRECTORY, true);
  setUint64(view, 4, 56 - 12);
  view.setUint16(12, ZIP64_VERSION, true);
  view.setUint16(14, ZIP64_VERSION, true);
  setUint64(view, 24, count);
  setUint64(view, 32, count);
  setUint64(view, 40, size);
  setUint64(view, 48, offset);
  view.setUint32(56, ZIP64_END_LOCATOR, true);
  setUint64(view, 64, at);
  view.setUint32(72, 1, true);
  return records;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The zip of these entries; `onEntry(i)` is called after entry i is compressed. */
export function writeZip(entries: readonly ZipInput[], onEntry: (i: number) => void = () => {}): Uint8Array {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const written: Written[] = [];
  const packed = new Map<Uint8Array, { body: Uint8Array; crc: number }>();
  let offset = 0;
  for (const [i, { path, data }] of entries.entries()) {
    const name = encoder.encode(path);
    let pack = packed.get(data);
    if (!pack) {
      pack = { body: data.length < STORE_BELOW ? data : deflateSync(data, { level: 6 }), crc: crc32(data) };
      packed.set(data, pack);
    }
    const entry: Written = {
      name,
      // Bit 11 says the name is UTF-8; an ASCII name leaves it clear, as jszip did.
      flags: name.length === path.length ? 0 : UTF8_NAMES,
      method: data.length < STORE_BELOW ? STORED : DEFLATED,
      crc: pack.crc,
      compressedSize: pack.body.length,
      size: data.length,
      offset,
    };
    const header = localHeader(entry);
    parts.push(header, pack.body);
    written.push(entry);
    offset += header.length + pack.body.length;
    if (offset > MAX_SIZE) throw new Error('The bundle is larger than 4 GiB, the most a zip without Zip64 holds.');
    onEntry(i);
  }
  let directorySize = 0;
  for (const entry of written) {
    const record = centralRecord(entry);
    parts.push(record);
    directorySize += record.length;
  }
  if (offset + directorySize > MAX_SIZE) throw new Error('The bundle is larger than 4 GiB, the most a zip without Zip64 holds.');
  if (written.length > MAX_CLASSIC_ENTRIES) parts.push(zip64EndRecords(written.length, directorySize, offset, offset + directorySize));
  parts.push(endOfDirectory(written.length, directorySize, offset));
  return concat(parts);
}
