/**
 * One label per node to stick on its box and its USB stick: provider-core's nodeLabels (node, role,
 * address, MAC, SHA-256 of user-data and of the cidata ISO) with a QR code holding the same text.
 * The hashes are computed with WebCrypto, so the labels appear a moment after the sheet. Always
 * from the real site (the files on the stick); in presentation mode every value shown is redacted.
 */
import { nodeLabels, type NodeLabels, type Site } from '@rke2-edge/provider-core';
import { useEffect, useState } from 'react';
import type { Redaction } from '../shell/presentation.js';
import { QrCode } from './QrCode.js';

function useNodeLabels(site: Site, redact: Redaction): NodeLabels | null {
  const [labels, setLabels] = useState<{ site: Site; redact: Redaction; labels: NodeLabels } | null>(null);
  useEffect(() => {
    let current = true;
    nodeLabels(site, redact ? { redact } : {}).then(
      (made) => current && setLabels({ site, redact, labels: made }),
      () => current && setLabels(null),
    );
    return () => void (current = false);
  }, [site, redact]);
  // Never the labels of another site or another mode (names shown unredacted after presentation mode is turned on).
  return labels?.site === site && labels.redact === redact ? labels.labels : null;
}

/** `site`: the real site, whose files the labels hash. */
export function SheetLabels({ site, redact }: { site: Site; redact: Redaction }) {
  const made = useNodeLabels(site, redact);
  return (
    <section aria-labelledby="sheet-labels" className="sheet-labels">
      <h2 id="sheet-labels">Node labels (stick one on each box and on its USB stick)</h2>
      {made === null ? (
        <p className="empty">Computing the labels…</p>
      ) : (
        <>
          <ul className="label-grid">
            {made.labels.map((label, i) => (
              <li key={i} className="node-label" aria-label={`Label of ${label.node}`}>
                <div className="node-label-text">
                  <p className="node-label-name">{label.node}</p>
                  <p>
                    {label.role} · {label.address || 'address not set'}
                  </p>
                  <p>MAC {label.mac || 'not known'}</p>
                  <p className="node-label-hash">
                    user-data sha256 <span className="mono">{label.userDataSha256}</span>
                  </p>
                  <p className="node-label-hash">
                    cidata.iso sha256 <span className="mono">{label.isoSha256}</span>
                  </p>
                </div>
                <QrCode text={label.text} name={`label of ${label.node}`} />
              </li>
            ))}
          </ul>
          {made.more > 0 && <p>…and {made.more} more nodes: their README.txt in the zip says the same.</p>}
        </>
      )}
    </section>
  );
}
