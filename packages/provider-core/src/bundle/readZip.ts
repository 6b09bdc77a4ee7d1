/**
 * A small zip reader for files from someone else (jszip trusts what it reads). It reads the
 * central directory only, refuses what a designer bundle never is (entries over 4 GiB, encryption,
 * several disks, more than LIMITS.zipEntries entries, offsets outside the file), and unpacks ONE entry
 * with a byte limit, checking its size and CRC-32. It never throws: every refusal is
 * `{ ok: false, message }` with a plain sentence. Format: PKWARE APPNOTE.TXT 6.3.10, sections 4.3–4.4.
 */
import { inflateRaw } from '../bytes/inflateRaw.js';
import { formatBytes, LIMITS } from '../limits.js';

export interface ZipEntry {
  /** The name as stored (UTF-8; names in the old CP437 encoding are read as UTF-8 too). */
  name: string;
  /** 0 stored, 8 deflate; others are refused when the entry is read. */
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export type ZipDirectoryResult = { ok: true; entries: ZipEntry[] } | { ok: false; message: string };
export type ZipEntryResult = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

const END_RECORD = 0x06054b50;
const END_RECORD_SIZE = 22;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_LOCATOR_SIZE = 20;
const ZIP64_END_RECORD = 0x06064b50;
const ZIP64_END_RECORD_SIZE = 56;
const CENTRAL_HEADER = 0x02014b50;
const CENTRAL_HEADER_SIZE = 46;
const LOCAL_HEADER = 0x04034b50;
const LOCAL_HEADER_SIZE = 30;
const MAX_COMMENT = 0xffff;

const notAZip = (why: string) => ({ ok: false as const, message: `this is not a readable zip file (${why})` });
const ZIP64 = {
  ok: false as const,
  message:
    'this zip uses zip64 sizes (the extension for entries and archives over 4 GiB), which the designer does not open; a designer bundle never needs them',
};
const SPLIT = { ok: false as const, message: 'this zip is split across several files ("disks"); join it into one zip first' };
const TOO_MANY = {
  ok: false as const,
  message: `this zip has more than ${LIMITS.zipEntries.toLocaleString('en-US')} entries, more than any designer bundle (about 10 per node)`,
};

/** The entry's name for a message: quoted, control characters escaped, long names shortened. */
const quotedName = (name: string) => JSON.stringify(name.length > 100 ? `${name.slice(0, 100)}…` : name);

const nameDecoder = new TextDecoder('utf-8');

/** Reads the central directory: every entry's name, method, sizes and where its data is. */
export function readZipDirectory(bytes: Uint8Array): ZipDirectoryResult {
  if (bytes.length > LIMITS.zipBytes)
    return { ok: false, message: `this zip is larger than ${formatBytes(LIMITS.zipBytes)}, the largest the designer opens` };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(view);
  if (end < 0) return notAZip('it has no end of central directory record');
  const located = directoryOf(view, end);
  if (!located.ok) return located;
  const { declaredEntries, directoryOffset, directoryEnd } = located;
  if (declaredEntries > LIMITS.zipEntries) return TOO_MANY;
  const entries: ZipEntry[] = [];
  for (let at = directoryOffset; at < directoryEnd;) {
    if (entries.length === LIMITS.zipEntries) return TOO_MANY;
    const index = entries.length + 1;
    if (at + CENTRAL_HEADER_SIZE > directoryEnd || view.getUint32(at, true) !== CENTRAL_HEADER)
      return notAZip(`entry ${index} of its table of contents is damaged`);
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const next = at + CENTRAL_HEADER_SIZE + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (next > directoryEnd) return notAZip(`entry ${index} of its table of contents is damaged`);
    const entry: ZipEntry = {
      name: nameDecoder.decode(bytes.subarray(at + CENTRAL_HEADER_SIZE, at + CENTRAL_HEADER_SIZE + nameLength)),
      method: view.getUint16(at + 10, true),
      crc32: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    };
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff || entry.localHeaderOffset === 0xffffffff)
      return ZIP64;
    if (view.getUint16(at + 34, true) !== 0) return SPLIT;
    // Bit 0: encrypted; bit 6: strong encryption.
    if (flags & 0x41)
      return {
        ok: false,
        message: `this zip holds encrypted entries (${quotedName(entry.name)}); the designer opens only zips without a password`,
      };
    if (entry.localHeaderOffset + LOCAL_HEADER_SIZE + entry.compressedSize > directoryOffset)
      return notAZip(`entry ${quotedName(entry.name)} points outside the file`);
    entries.push(entry);
    at = next;
  }
  if (entries.length !== declaredEntries)
    return notAZip(`its table of contents lists ${entries.length} entries where its end record says ${declaredEntries}`);
  return { ok: true, entries };
}

type Directory = { ok: true; declaredEntries: number; directoryOffset: number; directoryEnd: number } | { ok: false; message: string };

/**
 * Where the central directory is and how many entries it declares: from the classic end record, or
 * from the Zip64 end record that a bundle of more than 65,534 entries carries (its classic counts
 * then read 0xffff). Sizes and offsets must still fit the classic fields: the archive is under 4 GiB.
 */
function directoryOf(view: DataView, end: number): Directory {
  const disk = view.getUint16(end + 4, true);
  const directoryDisk = view.getUint16(end + 6, true);
  let entriesOnDisk = view.getUint16(end + 8, true);
  let declaredEntries = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (directorySize === 0xffffffff || directoryOffset === 0xffffffff) return ZIP64;
  if (disk !== 0 || directoryDisk !== 0) return SPLIT;
  const locator = end - ZIP64_LOCATOR_SIZE;
  if (locator >= 0 && view.getUint32(locator, true) === ZIP64_LOCATOR) {
    const record = zip64Number(view, locator + 8);
    if (record === undefined || record + ZIP64_END_RECORD_SIZE > locator || view.getUint32(record, true) !== ZIP64_END_RECORD)
      return notAZip('its zip64 end record is damaged');
    if (view.getUint32(locator + 4, true) !== 0 || view.getUint32(locator + 16, true) !== 1) return SPLIT;
    const onDisk = zip64Number(view, record + 24);
    const total = zip64Number(view, record + 32);
    if (onDisk === undefined || total === undefined) return TOO_MANY;
    if (zip64Number(view, record + 40) !== directorySize || zip64Number(view, record + 48) !== directoryOffset)
      return notAZip('its two end records disagree');
    entriesOnDisk = onDisk;
    declaredEntries = total;
  } else if (declaredEntries === 0xffff) {
    return ZIP64;
  }
  if (entriesOnDisk !== declaredEntries) return SPLIT;
  const directoryEnd = directoryOffset + directorySize;
  if (directoryEnd > (locator >= 0 && view.getUint32(locator, true) === ZIP64_LOCATOR ? locator - ZIP64_END_RECORD_SIZE : end))
    return notAZip('its table of contents points outside the file');
  return { ok: true, declaredEntries, directoryOffset, directoryEnd };
}

/** An 8-byte little-endian count or offset, when it is below 2^32 (anything larger is no bundle). */
function zip64Number(view: DataView, at: number): number | undefined {
  return view.getUint32(at + 4, true) === 0 ? view.getUint32(at, true) : undefined;
}

/** The end of central directory record: searched backwards over the last 64 KiB + 22 bytes only. */
function findEndRecord(view: DataView): number {
  const lowest = Math.max(0, view.byteLength - END_RECORD_SIZE - MAX_COMMENT);
  for (let at = view.byteLength - END_RECORD_SIZE; at >= lowest; at--) {
    if (view.getUint32(at, true) === END_RECORD && at + END_RECORD_SIZE + view.getUint16(at + 20, true) <= view.byteLength) return at;
  }
  return -1;
}

/**
 * One entry's bytes, at most `maxBytes`: a larger declared size is refused before unpacking, and
 * unpacking stops as soon as the output passes the declared size. Size and CRC-32 are checked.
 */
export async function readZipEntry(zip: Uint8Array, entry: ZipEntry, maxBytes: number): Promise<ZipEntryResult> {
  const name = quotedName(entry.name);
  if (entry.uncompressedSize > maxBytes)
    return {
      ok: false,
      message: `${name} would unpack to ${entry.uncompressedSize} bytes, more than the ${formatBytes(maxBytes)} the designer opens`,
    };
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const header = entry.localHeaderOffset;
  if (header + LOCAL_HEADER_SIZE > zip.length || view.getUint32(header, true) !== LOCAL_HEADER)
    return notAZip(`the entry ${name} has no local header where the table of contents says`);
  const start = header + LOCAL_HEADER_SIZE + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
  if (start + entry.compressedSize > zip.length) return notAZip(`entry ${name} points outside the file`);
  const stored = zip.subarray(start, start + entry.compressedSize);
  let bytes: Uint8Array;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) return damaged(name, 'its stored size and its size differ');
    bytes = stored;
  } else if (entry.method === 8) {
    const inflated = await inflateRaw(stored, entry.uncompressedSize);
    if (!inflated.ok) {
      return inflated.problem === 'too-large'
        ? damaged(
            name,
            `it unpacks to more than the ${entry.uncompressedSize} bytes its zip entry declares (a forged entry or a "zip bomb")`,
          )
        : damaged(name, 'its compressed data cannot be unpacked');
    }
    bytes = inflated.bytes;
    if (bytes.length !== entry.uncompressedSize)
      return damaged(name, `it unpacks to ${bytes.length} bytes, not the ${entry.uncompressedSize} its zip entry declares`);
  } else {
    return {
      ok: false,
      message: `${name} is compressed with method ${entry.method}, which the designer does not unpack (only stored and deflate)`,
    };
  }
  if (crc32(bytes) !== entry.crc32) return damaged(name, 'its CRC-32 checksum does not match its content');
  return { ok: true, bytes };
}

const damaged = (name: string, why: string) => ({ ok: false as const, message: `${name} is damaged: ${why}` });

let crcTable: Uint32Array | undefined;

/** CRC-32 (ISO 3309, the zip and gzip checksum). */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
