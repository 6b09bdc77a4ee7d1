/**
 * A small zip writer for bundles: every entry deflated (level 6, with fflate) or, when empty,
 * stored; the same DOS date (1980-01-01 00:00) on every entry; no extra fields, no data
 * descriptors, no Unix permissions (version made by 2.0 on MS-DOS, external attributes 0), the
 * entries in the order given. So the same files always give the same bytes, whatever the clock
 * or time zone. It writes what jszip wrote for bundles before, and what readZip reads back.
 */
import { deflateSync } from 'fflate';
import { crc32 } from './readZip.js';

export interface ZipInput {
  /** Path inside the zip, with `/` between folders; no folder entries are written. */
  path: string;
  data: Uint8Array;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
/** 1980-01-01 in the DOS date format (years since 1980, month, day); the time is 00:00:00. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const VERSION = 20;
const VERSION_NEEDED = 10;
const UTF8_NAMES = 0x800;
const STORED = 0;
const DEFLATED = 8;
/** Beyond these, a zip needs Zip64 records, which this writer does not write (0xffff itself means Zip64 to readZip). */
const MAX_ENTRIES = 0xfffe;
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
  view.setUint16(8, count, true);
  view.setUint16(10, count, true);
  view.setUint32(12, size, true);
  view.setUint32(16, offset, true);
  return end;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The zip of these entries; `onEntry(i)` is called after entry i is compressed. */
export function writeZip(entries: readonly ZipInput[], onEntry: (i: number) => void = () => {}): Uint8Array {
  if (entries.length > MAX_ENTRIES) throw new Error(`A bundle holds at most ${MAX_ENTRIES} files; this one has ${entries.length}.`);
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const written: Written[] = [];
  let offset = 0;
  for (const [i, { path, data }] of entries.entries()) {
    const name = encoder.encode(path);
    const body = data.length === 0 ? data : deflateSync(data, { level: 6 });
    const entry: Written = {
      name,
      // Bit 11 says the name is UTF-8; an ASCII name leaves it clear, as jszip did.
      flags: name.length === path.length ? 0 : UTF8_NAMES,
      method: data.length === 0 ? STORED : DEFLATED,
      crc: crc32(data),
      compressedSize: body.length,
      size: data.length,
      offset,
    };
    const header = localHeader(entry);
    parts.push(header, body);
    written.push(entry);
    offset += header.length + body.length;
    if (offset > MAX_SIZE) throw new Error('The bundle is larger than 4 GiB, the most a zip without Zip64 holds.');
    onEntry(i);
  }
  const directory = written.map(centralRecord);
  const directorySize = directory.reduce((n, record) => n + record.length, 0);
  if (offset + directorySize > MAX_SIZE) throw new Error('The bundle is larger than 4 GiB, the most a zip without Zip64 holds.');
  return concat([...parts, ...directory, endOfDirectory(written.length, directorySize, offset)]);
}
