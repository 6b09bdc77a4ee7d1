/**
 * A minimal ISO 9660 writer for cidata images: one root directory holding a few small files,
 * with Joliet (UCS-2 names without ";1", a supplementary volume descriptor) and Rock Ridge (RRIP 1.09: SUSP
 * SP/CE/ER in the root, PX/NM/TF on every record) so every reader sees the real names
 * (`user-data`, not `USER_DAT.;1`). No maintained browser library writes ISO 9660, hence this.
 *
 * Same input, same bytes: every timestamp is FIXED_TIME, and files are written in name order.
 *
 * One file (about 320 lines) on purpose: the sector layout below and the records that fill it are
 * read together; split, each half would only make sense beside the other.
 *
 * Layout, in 2048-byte sectors:
 *   0–15 system area (zeros) · 16 primary volume descriptor · 17 Joliet supplementary descriptor ·
 *   18 terminator · 19/20 primary path tables (L, M) · 21/22 Joliet path tables (L, M) ·
 *   23 primary root directory · 24 Joliet root directory · 25 Rock Ridge continuation area (ER) ·
 *   26… file contents, each starting on its own sector.
 * References: ECMA-119 (ISO 9660), the Joliet specification (1995), IEEE P1281 (SUSP) and
 * P1282 (RRIP) 1.09.
 */

export const SECTOR = 2048;

export interface IsoFile {
  /** The file name readers see through Joliet and Rock Ridge, e.g. "user-data". */
  name: string;
  content: Uint8Array;
}

export interface IsoOptions {
  /** Volume label, e.g. "cidata" (kept as written: the cdrom datasource looks for this label). */
  volumeId: string;
  files: readonly IsoFile[];
}

/** 1980-01-01 00:00:00 UTC: the images carry no clock. */
const FIXED_TIME = { year: 1980, month: 1, day: 1 };

const PVD_SECTOR = 16;
const JOLIET_SVD_SECTOR = 17;
const TERMINATOR_SECTOR = 18;
const PATH_TABLE_L = 19;
const PATH_TABLE_M = 20;
const JOLIET_PATH_TABLE_L = 21;
const JOLIET_PATH_TABLE_M = 22;
const ROOT_SECTOR = 23;
const JOLIET_ROOT_SECTOR = 24;
const CONTINUATION_SECTOR = 25;
const FIRST_FILE_SECTOR = 26;

const FILE_MODE = 0o100444; // regular file, r--r--r--
const DIRECTORY_MODE = 0o040555; // directory, r-xr-xr-x

const RRIP_ID = 'RRIP_1991A';
const RRIP_DESCRIPTOR = 'THE ROCK RIDGE INTERCHANGE PROTOCOL PROVIDES SUPPORT FOR POSIX FILE SYSTEM SEMANTICS';
const RRIP_SOURCE =
  'PLEASE CONTACT DISC PUBLISHER FOR SPECIFICATION SOURCE.  SEE PUBLISHER IDENTIFIER IN PRIMARY VOLUME DESCRIPTOR FOR CONTACT INFORMATION.';

/** A growable little byte writer with ISO 9660's number encodings. */
class Bytes {
  private readonly parts: number[] = [];
  get length(): number {
    return this.parts.length;
  }
  u8(value: number): this {
    this.parts.push(value & 0xff);
    return this;
  }
  u16le(value: number): this {
    return this.u8(value).u8(value >>> 8);
  }
  u16be(value: number): this {
    return this.u8(value >>> 8).u8(value);
  }
  u32le(value: number): this {
    return this.u16le(value & 0xffff).u16le(value >>> 16);
  }
  u32be(value: number): this {
    return this.u16be(value >>> 16).u16be(value & 0xffff);
  }
  /** ECMA-119 7.2.3: both-byte-order 16-bit. */
  both16(value: number): this {
    return this.u16le(value).u16be(value);
  }
  /** ECMA-119 7.3.3: both-byte-order 32-bit. */
  both32(value: number): this {
    return this.u32le(value).u32be(value);
  }
  bytes(values: ArrayLike<number>): this {
    for (let i = 0; i < values.length; i++) this.u8(values[i]!);
    return this;
  }
  /** ASCII text padded with spaces (or cut) to `width`. */
  text(value: string, width: number): this {
    for (let i = 0; i < width; i++) this.u8(i < value.length ? value.charCodeAt(i) : 0x20);
    return this;
  }
  /** UCS-2 big-endian text padded with UCS-2 spaces to `width` bytes (Joliet). */
  ucs2(value: string, width: number): this {
    const count = Math.floor(width / 2);
    for (let i = 0; i < count; i++) this.u16be(i < value.length ? value.charCodeAt(i) : 0x20);
    return width % 2 ? this.u8(0) : this;
  }
  zeros(count: number): this {
    for (let i = 0; i < count; i++) this.u8(0);
    return this;
  }
  toArray(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

/** ECMA-119 9.1.5: the 7-byte recording date of a directory record (UTC). */
function recordDate(): number[] {
  return [FIXED_TIME.year - 1900, FIXED_TIME.month, FIXED_TIME.day, 0, 0, 0, 0];
}

/** ECMA-119 8.4.26.1: the 17-byte date of a volume descriptor. */
function volumeDate(set = true): number[] {
  const digits = set
    ? `${FIXED_TIME.year}${String(FIXED_TIME.month).padStart(2, '0')}${String(FIXED_TIME.day).padStart(2, '0')}00000000`
    : '0000000000000000';
  return [...digits].map((c) => c.charCodeAt(0)).concat([0]);
}

/** The 8.3 primary (level 1) name: A–Z, 0–9 and _, then ";1". */
export function primaryName(name: string): string {
  const clean = (s: string) => s.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
  const dot = name.lastIndexOf('.');
  const base = clean(dot > 0 ? name.slice(0, dot) : name).slice(0, 8) || '_';
  const ext = dot > 0 ? clean(name.slice(dot + 1)).slice(0, 3) : '';
  return `${base}.${ext};1`;
}

function ucs2Bytes(value: string): number[] {
  const out: number[] = [];
  for (const unit of value) {
    const code = unit.charCodeAt(0);
    out.push(code >>> 8, code & 0xff);
  }
  return out;
}

const ascii = (value: string): number[] => [...value].map((c) => c.charCodeAt(0));

/** SUSP/RRIP entries, each `[signature, version, ...data]` with its length byte. */
function entry(signature: string, data: number[]): number[] {
  return [...ascii(signature), 4 + data.length, 1, ...data];
}
const both32 = (value: number): number[] => [...new Bytes().both32(value).toArray()];

function px(mode: number, links: number): number[] {
  return entry('PX', [...both32(mode), ...both32(links), ...both32(0), ...both32(0)]);
}
function nm(name: string): number[] {
  return entry('NM', [0, ...ascii(name)]);
}
function tf(): number[] {
  return entry('TF', [0x02, ...recordDate()]); // modification time only
}
function sp(): number[] {
  return entry('SP', [0xbe, 0xef, 0]);
}
function ce(sector: number, length: number): number[] {
  return entry('CE', [...both32(sector), ...both32(0), ...both32(length)]);
}
function er(): number[] {
  const [id, descriptor, source] = [RRIP_ID, RRIP_DESCRIPTOR, RRIP_SOURCE].map(ascii) as [number[], number[], number[]];
  return entry('ER', [id.length, descriptor.length, source.length, 1, ...id, ...descriptor, ...source]);
}

interface DirectoryEntry {
  identifier: number[];
  sector: number;
  size: number;
  directory: boolean;
  systemUse: number[];
}

/** ECMA-119 9.1: one directory record, padded to an even length. */
function directoryRecord({ identifier, sector, size, directory, systemUse }: DirectoryEntry): number[] {
  const idPad = identifier.length % 2 === 0 ? 1 : 0;
  const base = 33 + identifier.length + idPad;
  const tailPad = (base + systemUse.length) % 2;
  const length = base + systemUse.length + tailPad;
  if (length > 255) throw new RangeError('an ISO 9660 directory record would exceed 255 bytes');
  return [
    ...new Bytes()
      .u8(length)
      .u8(0)
      .both32(sector)
      .both32(size)
      .bytes(recordDate())
      .u8(directory ? 0x02 : 0x00)
      .u8(0)
      .u8(0)
      .both16(1)
      .u8(identifier.length)
      .bytes(identifier)
      .zeros(idPad)
      .bytes(systemUse)
      .zeros(tailPad)
      .toArray(),
  ];
}

/** ECMA-119 9.4: a path table holding only the root directory. */
function rootPathTable(rootSector: number, bigEndian: boolean): Uint8Array {
  const b = new Bytes().u8(1).u8(0);
  if (bigEndian) b.u32be(rootSector).u16be(1);
  else b.u32le(rootSector).u16le(1);
  return b.u8(0).u8(0).toArray();
}
const PATH_TABLE_SIZE = 10;

interface PlacedFile extends IsoFile {
  sector: number;
}

function volumeDescriptor(kind: 'primary' | 'joliet', volumeId: string, totalSectors: number, rootRecord: number[]): Uint8Array {
  const joliet = kind === 'joliet';
  const b = new Bytes()
    .u8(joliet ? 2 : 1)
    .text('CD001', 5)
    .u8(1)
    .u8(0);
  const idText = (value: string, width: number) => (joliet ? b.ucs2(value, width) : b.text(value, width));
  idText('', 32); // system identifier
  idText(volumeId, 32);
  b.zeros(8).both32(totalSectors);
  if (joliet)
    b.bytes(ascii('%/E')).zeros(29); // UCS-2 level 3
  else b.zeros(32);
  b.both16(1).both16(1).both16(SECTOR).both32(PATH_TABLE_SIZE);
  b.u32le(joliet ? JOLIET_PATH_TABLE_L : PATH_TABLE_L).u32le(0);
  b.u32be(joliet ? JOLIET_PATH_TABLE_M : PATH_TABLE_M).u32be(0);
  b.bytes(rootRecord);
  idText('', 128); // volume set
  idText('', 128); // publisher
  idText('', 128); // data preparer
  idText('RKE2 EDGE DESIGNER', 128); // application
  idText('', 37); // copyright file
  idText('', 37); // abstract file
  idText('', 37); // bibliographic file
  b.bytes(volumeDate()).bytes(volumeDate()).bytes(volumeDate(false)).bytes(volumeDate());
  b.u8(1).u8(0);
  return padded(b.toArray(), SECTOR);
}

function padded(data: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size);
  out.set(data.subarray(0, size));
  return out;
}

/** The ISO image bytes. Throws on names that clash in 8.3 form or on more files than one directory sector holds. */
export function buildIso({ volumeId, files }: IsoOptions): Uint8Array {
  const sorted = [...files].sort((a, b) => (primaryName(a.name) < primaryName(b.name) ? -1 : 1));
  const primaryNames = sorted.map((f) => primaryName(f.name));
  if (new Set(primaryNames).size !== primaryNames.length)
    throw new RangeError(`file names clash in ISO 9660 8.3 form: ${primaryNames.join(', ')}`);

  let next = FIRST_FILE_SECTOR;
  const placed: PlacedFile[] = sorted.map((f) => {
    const sector = next;
    next += Math.ceil(f.content.length / SECTOR);
    return { ...f, sector };
  });
  const totalSectors = next;

  const continuation = er();
  const dirPx = px(DIRECTORY_MODE, 2);
  const rootSelf = (sector: number, rockRidge: boolean) =>
    directoryRecord({
      identifier: [0],
      sector,
      size: SECTOR,
      directory: true,
      systemUse: rockRidge ? [...sp(), ...ce(CONTINUATION_SECTOR, continuation.length), ...dirPx, ...tf()] : [],
    });
  const rootParent = (sector: number, rockRidge: boolean) =>
    directoryRecord({ identifier: [1], sector, size: SECTOR, directory: true, systemUse: rockRidge ? [...dirPx, ...tf()] : [] });

  const primaryRoot = [
    ...rootSelf(ROOT_SECTOR, true),
    ...rootParent(ROOT_SECTOR, true),
    ...placed.flatMap((f, i) =>
      directoryRecord({
        identifier: ascii(primaryNames[i]!),
        sector: f.sector,
        size: f.content.length,
        directory: false,
        systemUse: [...px(FILE_MODE, 1), ...tf(), ...nm(f.name)],
      }),
    ),
  ];
  const jolietPlaced = [...placed].sort((a, b) => (a.name < b.name ? -1 : 1));
  const jolietRoot = [
    ...rootSelf(JOLIET_ROOT_SECTOR, false),
    ...rootParent(JOLIET_ROOT_SECTOR, false),
    ...jolietPlaced.flatMap((f) =>
      directoryRecord({ identifier: ucs2Bytes(f.name), sector: f.sector, size: f.content.length, directory: false, systemUse: [] }),
    ),
  ];
  if (primaryRoot.length > SECTOR || jolietRoot.length > SECTOR)
    throw new RangeError('too many files for a single-sector ISO 9660 root directory');

  // The root record inside each volume descriptor has no system use field (ECMA-119 8.4.18).
  const rootRecordFor = (sector: number) => directoryRecord({ identifier: [0], sector, size: SECTOR, directory: true, systemUse: [] });

  const image = new Uint8Array(totalSectors * SECTOR);
  const put = (sector: number, data: ArrayLike<number>) => image.set(data, sector * SECTOR);
  put(PVD_SECTOR, volumeDescriptor('primary', volumeId, totalSectors, rootRecordFor(ROOT_SECTOR)));
  put(JOLIET_SVD_SECTOR, volumeDescriptor('joliet', volumeId, totalSectors, rootRecordFor(JOLIET_ROOT_SECTOR)));
  put(TERMINATOR_SECTOR, new Bytes().u8(255).text('CD001', 5).u8(1).toArray());
  put(PATH_TABLE_L, rootPathTable(ROOT_SECTOR, false));
  put(PATH_TABLE_M, rootPathTable(ROOT_SECTOR, true));
  put(JOLIET_PATH_TABLE_L, rootPathTable(JOLIET_ROOT_SECTOR, false));
  put(JOLIET_PATH_TABLE_M, rootPathTable(JOLIET_ROOT_SECTOR, true));
  put(ROOT_SECTOR, primaryRoot);
  put(JOLIET_ROOT_SECTOR, jolietRoot);
  put(CONTINUATION_SECTOR, continuation);
  for (const f of placed) put(f.sector, f.content);
  return image;
}
