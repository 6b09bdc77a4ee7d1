import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertySettings } from '../../test/fastCheckSettings.js';
import { decodeUtf8, firstInvalidUtf8Byte, utf8Length, utf8LongerThan } from './utf8.js';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('strict UTF-8', () => {
  it('decodes valid UTF-8 and drops a leading byte-order mark', () => {
    expect(decodeUtf8(new TextEncoder().encode('naïve 🔑'))).toEqual({ ok: true, text: 'naïve 🔑' });
    expect(decodeUtf8(bytes(0xef, 0xbb, 0xbf, 0x7b, 0x7d))).toEqual({ ok: true, text: '{}' });
  });

  it('gives the offset of the first byte of the first ill-formed sequence', () => {
    expect(decodeUtf8(bytes(0x61, 0x62, 0xff))).toEqual({ ok: false, offset: 2 });
    expect(decodeUtf8(bytes(0x61, 0xc0, 0xaf))).toEqual({ ok: false, offset: 1 }); // overlong "/"
    expect(decodeUtf8(bytes(0xed, 0xa0, 0x80))).toEqual({ ok: false, offset: 0 }); // a surrogate
    expect(decodeUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toEqual({ ok: false, offset: 0 }); // above U+10FFFF
    expect(decodeUtf8(bytes(0x61, 0xe2, 0x82))).toEqual({ ok: false, offset: 1 }); // cut short
  });

  it('agrees with TextDecoder on any bytes, and the text before the offset is valid', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.string({ unit: 'binary' }), (random, text) => {
        for (const input of [random, Uint8Array.from([...new TextEncoder().encode(text), ...random])]) {
          const offset = firstInvalidUtf8Byte(input);
          let valid = true;
          try {
            decoder.decode(input);
          } catch {
            valid = false;
          }
          expect(offset === -1).toBe(valid);
          if (offset >= 0) expect(() => decoder.decode(input.subarray(0, offset))).not.toThrow();
        }
      }),
      propertySettings,
    );
  });

  it('counts UTF-8 bytes without encoding, as TextEncoder would write them', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)) }),
        (text, surrogates) => {
          for (const input of [text, surrogates + text]) {
            const length = new TextEncoder().encode(input).length;
            expect(utf8Length(input)).toBe(length);
            expect(utf8LongerThan(input, 10)).toBe(length > 10);
          }
        },
      ),
      propertySettings,
    );
  });
});
