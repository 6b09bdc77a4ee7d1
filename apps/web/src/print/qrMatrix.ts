/**
 * A QR code as its module matrix, from the `qrcode` package's encoder (`QRCode.create`: the
 * ISO/IEC 18004 encoding, error correction level M, 15 % of the code can be lost). Only the matrix
 * is taken: the labels draw it themselves as one SVG path, no library markup is inserted. Kept in
 * the web app, not provider-core: the package's Node entry pulls in `fs` and PNG writers and its
 * types need Node's, which provider-core's core does not build with.
 */
import QRCode from 'qrcode';

export interface QrMatrix {
  /** Modules per side. */
  size: number;
  dark: (row: number, col: number) => boolean;
}

export function qrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  return { size: modules.size, dark: (row, col) => modules.get(row, col) !== 0 };
}

/** Modules of light margin around the code, as the standard asks for a reader to find it. */
export const QUIET_ZONE = 4;

/** The dark modules as one SVG path, each horizontal run one rectangle, offset by the quiet zone. */
export function qrPath(matrix: QrMatrix): string {
  const parts: string[] = [];
  for (let row = 0; row < matrix.size; row++) {
    for (let col = 0; col < matrix.size;) {
      if (!matrix.dark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < matrix.size && matrix.dark(row, col)) col++;
      parts.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h${start - col}z`);
    }
  }
  return parts.join('');
}
