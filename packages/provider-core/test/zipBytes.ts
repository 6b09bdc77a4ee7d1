/**
 * Writes zip files byte by byte for tests, including forged ones (wrong sizes, bad offsets,
 * flags a bundle never has). Every field can be overridden; the defaults make a valid zip.
 */
import { deflateRawSync } from 'node:zlib';
import { crc32 } from '../src/bundle/readZip.js';

export interface TestZipEntry {
  name: string;
  data?: Uint8Array | string;
  /** 0 stored (default), 8 deflate. */
  method?: number;
  /** The bytes written as the entry's data; default: data, deflated when method is 8. */
  raw?: Uint8Array;
  uncompressedSize?: number;
  crc?: number;
  flags?: number;
  localHeaderOffset?: number;
  diskStart?: number;
}

export interface TestZipOptions {
  /** Overrides of end-record fields. */
  entriesOnDisk?: number;
  totalEntries?: number;
  directorySize?: number;
  directoryOffset?: number;
  disk?: number;
  comment?: Uint8Array;
}

const bytesOf = (data: Uint8Array | string | undefined) =>
  typeof data === 'string' ? new TextEncoder().encode(data) : (data ?? new Uint8Array());

export function zipBytes(entries: TestZipEntry[], options: TestZipOptions = {}): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = bytesOf(entry.data);
    const method = entry.method ?? 0;
    const raw = entry.raw ?? (method === 8 ? deflateRawSync(data) : data);
    const name = Buffer.from(entry.name, 'utf8');
    const crc = entry.crc ?? crc32(data);
    const size = entry.uncompressedSize ?? data.length;
    // Local header and central record share these fields, the central record 2 bytes further on.
    const shared = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at - 2);
      header.writeUInt16LE(entry.flags ?? 0x800, at);
      header.writeUInt16LE(method, at + 2);
      header.writeUInt32LE(crc, at + 8);
      header.writeUInt32LE(raw.length, at + 12);
      header.writeUInt32LE(size, at + 16);
      header.writeUInt16LE(name.length, at + 20);
    };
    const local = Buffer.alloc(30 + name.length);
    local.writeUInt32LE(0x04034b50, 0);
    shared(local, 6);
    name.copy(local, 30);
    const central = Buffer.alloc(46 + name.length);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    shared(central, 8);
    central.writeUInt16LE(entry.diskStart ?? 0, 34);
    central.writeUInt32LE(entry.localHeaderOffset ?? offset, 42);
    name.copy(central, 46);
    locals.push(local, Buffer.from(raw));
    centrals.push(central);
    offset += local.length + raw.length;
  }
  const directory = Buffer.concat(centrals);
  const comment = options.comment ?? new Uint8Array();
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(options.disk ?? 0, 4);
  end.writeUInt16LE((options.entriesOnDisk ?? entries.length) & 0xffff, 8);
  end.writeUInt16LE((options.totalEntries ?? entries.length) & 0xffff, 10);
  end.writeUInt32LE(options.directorySize ?? directory.length, 12);
  end.writeUInt32LE(options.directoryOffset ?? offset, 16);
  end.writeUInt16LE(comment.length, 20);
  return new Uint8Array(Buffer.concat([...locals, directory, end, comment]));
}
