/** The selected node's files for the field: its user-data (download or copy) and its cidata ISO. */
import { CIDATA_ISO_NAME, cidataIso, safeSegment, type ExpandedNode } from '@rke2-edge/provider-core';
import { useState } from 'react';
import { copyText, downloadBytes } from '../export/download.js';

export function NodeDownloads({ node }: { node: ExpandedNode }) {
  const [message, setMessage] = useState<string | null>(null);
  const name = safeSegment(node.node.name, `node-${node.index + 1}`);
  return (
    <div className="node-downloads" role="group" aria-label={`Files of ${node.node.name} for the field`}>
      <button type="button" onClick={() => downloadBytes(`${name}-user-data`, node.userData, 'text/yaml')}>
        Download user-data
      </button>
      <button type="button" onClick={async () => setMessage(await copyText(node.userData, 'User-data'))}>
        Copy user-data
      </button>
      <button type="button" onClick={() => downloadBytes(`${name}-${CIDATA_ISO_NAME}`, cidataIso(node), 'application/x-iso9660-image')}>
        Download cidata ISO
      </button>
      <span role="status" className="field-hint">
        {message}
      </span>
    </div>
  );
}
