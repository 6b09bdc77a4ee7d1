/** A QR code as one labelled SVG image drawn from its module matrix (qrMatrix.ts). */
import { useMemo } from 'react';
import { qrMatrix, qrPath, QUIET_ZONE } from './qrMatrix.js';

export function QrCode({
  text,
  name,
}: {
  text: string;
  /** Says whose code it is: the accessible name is "QR code: NAME". */ name: string;
}) {
  const { size, path } = useMemo(() => {
    const matrix = qrMatrix(text);
    return { size: matrix.size + 2 * QUIET_ZONE, path: qrPath(matrix) };
  }, [text]);
  return (
    <svg className="qr-code" role="img" aria-label={`QR code: ${name}`} viewBox={`0 0 ${size} ${size}`} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
