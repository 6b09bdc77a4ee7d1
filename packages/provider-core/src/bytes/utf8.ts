/**
 * Strict UTF-8: text from someone else is refused when it is not valid UTF-8 (TextDecoder's default
 * would silently turn bad bytes into U+FFFD), and the message says at which byte.
 */

export type Utf8Result = { ok: true; text: string } | { ok: false; offset: number };

const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** The text (a leading byte-order mark dropped, as TextDecoder does), or the offset of the first bad byte. */
export function decodeUtf8(bytes: Uint8Array): Utf8Result {
  try {
    return { ok: true, text: strictDecoder.decode(bytes) };
  } catch {
    return { ok: false, offset: Math.max(0, firstInvalidUtf8Byte(bytes)) };
  }
}

/**
 * Offset (from 0) of the first byte that starts an ill-formed sequence, or -1 when all of it is
 * well-formed: Unicode's table 3-7 (no overlong forms, no surrogates, nothing above U+10FFFF).
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  const cont = (at: number, low = 0x80, high = 0xbf) => at < n && bytes[at]! >= low && bytes[at]! <= high;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) i += 1;
    else if (b >= 0xc2 && b <= 0xdf && cont(i + 1)) i += 2;
    else if (b === 0xe0 && cont(i + 1, 0xa0) && cont(i + 2)) i += 3;
    else if (((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) && cont(i + 1) && cont(i + 2)) i += 3;
    else if (b === 0xed && cont(i + 1, 0x80, 0x9f) && cont(i + 2)) i += 3;
    else if (b === 0xf0 && cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3)) i += 4;
    else if (b >= 0xf1 && b <= 0xf3 && cont(i + 1) && cont(i + 2) && cont(i + 3)) i += 4;
    else if (b === 0xf4 && cont(i + 1, 0x80, 0x8f) && cont(i + 2) && cont(i + 3)) i += 4;
    else return i;
  }
  return -1;
}

/** Length of the text in UTF-8 bytes, without encoding it (a lone surrogate counts as U+FFFD, 3 bytes). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** True when the text is certainly longer than `maxBytes` in UTF-8, counting only as far as needed. */
export function utf8LongerThan(text: string, maxBytes: number): boolean {
  if (text.length > maxBytes) return true; // every UTF-16 unit is at least one byte
  if (text.length * 3 <= maxBytes) return false; // and at most three
  return utf8Length(text) > maxBytes;
}
