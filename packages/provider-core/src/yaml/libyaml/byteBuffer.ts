/**
 * A growable byte slice, standing in for the `[]byte` values go-yaml's scanner appends to
 * (`s = append(s, …)`), and its one-time decoding into a string (Go's `string(s)`).
 */

// ignoreBOM: a leading U+FEFF (say from a "\ufeff" escape) is part of the text, not a byte order mark.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

export class ByteBuffer {
  bytes: Uint8Array;
  length = 0;

  constructor(capacity = 64) {
    this.bytes = new Uint8Array(capacity);
  }

  private grow(needed: number): void {
    let capacity = this.bytes.length * 2;
    while (capacity < needed) capacity *= 2;
    const bigger = new Uint8Array(capacity);
    bigger.set(this.bytes.subarray(0, this.length));
    this.bytes = bigger;
  }

  push(octet: number): void {
    if (this.length === this.bytes.length) this.grow(this.length + 1);
    this.bytes[this.length++] = octet;
  }

  /** append(s, src[start:end]...) */
  pushRange(src: Uint8Array, start: number, end: number): void {
    const n = end - start;
    if (this.length + n > this.bytes.length) this.grow(this.length + n);
    if (n <= 4) {
      for (let i = start; i < end; i++) this.bytes[this.length++] = src[i]!;
    } else {
      this.bytes.set(src.subarray(start, end), this.length);
      this.length += n;
    }
  }

  pushBuffer(other: ByteBuffer): void {
    this.pushRange(other.bytes, 0, other.length);
  }

  clear(): void {
    this.length = 0;
  }

  first(): number | undefined {
    return this.length > 0 ? this.bytes[0] : undefined;
  }

  toString(): string {
    return decodeUtf8(this.bytes, 0, this.length);
  }
}

/** string(b[start:end]): short ASCII runs without TextDecoder's call overhead. */
function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  if (end - start <= 32) {
    let ascii = true;
    for (let i = start; i < end; i++) {
      if (bytes[i]! >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
  }
  return decoder.decode(bytes.subarray(start, end));
}
