/**
 * Character classes of go-yaml's yamlprivateh.go, on UTF-8 bytes at a position of the working
 * buffer (is_alpha, is_blank, is_break, …). Same tests, same bytes looked at; in particular
 * `isBom` looks at the start of the buffer, not at `i`, exactly like Go's is_bom.
 */

/** is_alpha: [0-9A-Za-z_-] */
export function isAlpha(b: Uint8Array, i: number): boolean {
  const c = b[i]!;
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f || c === 0x2d;
}

/** is_digit */
export function isDigit(b: Uint8Array, i: number): boolean {
  const c = b[i]!;
  return c >= 0x30 && c <= 0x39;
}

/** as_digit */
export function asDigit(b: Uint8Array, i: number): number {
  return b[i]! - 0x30;
}

/** is_hex */
export function isHex(b: Uint8Array, i: number): boolean {
  const c = b[i]!;
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** as_hex */
export function asHex(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  return c - 0x30;
}

/** is_z: NUL, which the reader appends at the end of the input. */
export function isZ(b: Uint8Array, i: number): boolean {
  return b[i] === 0;
}

/** is_bom: note that Go tests b[0..2] whatever `i` is. */
export function isBom(b: Uint8Array): boolean {
  return b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

/** is_space */
export function isSpace(b: Uint8Array, i: number): boolean {
  return b[i] === 0x20;
}

/** is_tab */
export function isTab(b: Uint8Array, i: number): boolean {
  return b[i] === 0x09;
}

/** is_blank: space or tab. */
export function isBlank(b: Uint8Array, i: number): boolean {
  const c = b[i];
  return c === 0x20 || c === 0x09;
}

/** is_break: CR, LF, NEL (C2 85), LS (E2 80 A8), PS (E2 80 A9). */
export function isBreak(b: Uint8Array, i: number): boolean {
  const c = b[i];
  if (c === 0x0d || c === 0x0a) return true;
  if (c === 0xc2) return b[i + 1] === 0x85;
  if (c === 0xe2) return b[i + 1] === 0x80 && (b[i + 2] === 0xa8 || b[i + 2] === 0xa9);
  return false;
}

/** is_crlf */
export function isCrlf(b: Uint8Array, i: number): boolean {
  return b[i] === 0x0d && b[i + 1] === 0x0a;
}

/** is_breakz: a break or NUL. */
export function isBreakz(b: Uint8Array, i: number): boolean {
  return b[i] === 0 || isBreak(b, i);
}

/** is_blankz: blank, break or NUL. */
export function isBlankz(b: Uint8Array, i: number): boolean {
  const c = b[i];
  return c === 0x20 || c === 0x09 || c === 0 || isBreak(b, i);
}

/** width: the length of the UTF-8 sequence led by this octet, 0 if it cannot lead one. */
export function width(octet: number): number {
  if ((octet & 0x80) === 0x00) return 1;
  if ((octet & 0xe0) === 0xc0) return 2;
  if ((octet & 0xf0) === 0xe0) return 3;
  if ((octet & 0xf8) === 0xf0) return 4;
  return 0;
}
