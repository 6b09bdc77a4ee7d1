/** The QR codes decode back to exactly their text, read by an independent decoder (jsQR). */
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrMatrix, qrPath, QUIET_ZONE, type QrMatrix } from './qrMatrix.js';

const PX = 4;

/** The matrix as an RGBA image, PX pixels a module, with its quiet zone. */
function rasterize(matrix: QrMatrix) {
  const side = (matrix.size + 2 * QUIET_ZONE) * PX;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const row = Math.floor(y / PX) - QUIET_ZONE;
      const col = Math.floor(x / PX) - QUIET_ZONE;
      if (row >= 0 && col >= 0 && row < matrix.size && col < matrix.size && matrix.dark(row, col))
        data.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
    }
  }
  return { data, side };
}

const decode = (text: string) => {
  const { data, side } = rasterize(qrMatrix(text));
  return jsQR(data, side, side)?.data;
};

describe('qrMatrix', () => {
  it('decodes back to exactly a label text: several lines, 64-digit hashes', () => {
    const text = [
      'node: worker-1',
      'site: plant-7',
      'role: worker',
      'address: 192.168.1.21/24',
      'mac: 52:54:00:00:01:21',
      `user-data sha256: ${'0123456789abcdef'.repeat(4)}`,
      `cidata.iso sha256: ${'fedcba9876543210'.repeat(4)}`,
    ].join('\n');
    expect(decode(text)).toBe(text);
  });

  it('decodes non-ASCII text (UTF-8) and short text', () => {
    expect(decode('node: usine-é')).toBe('node: usine-é');
    expect(decode('a')).toBe('a');
  });

  it('draws one rectangle per run of dark modules, inside the quiet zone', () => {
    const matrix = qrMatrix('a');
    const path = qrPath(matrix);
    // The finder pattern's top row: 7 dark modules from the corner.
    expect(path.startsWith(`M${QUIET_ZONE} ${QUIET_ZONE}h7v1h-7z`)).toBe(true);
    let dark = 0;
    for (let r = 0; r < matrix.size; r++) for (let c = 0; c < matrix.size; c++) if (matrix.dark(r, c)) dark++;
    const drawn = [...path.matchAll(/h(\d+)v1/g)].reduce((sum, m) => sum + Number(m[1]), 0);
    expect(drawn).toBe(dark);
  });
});
