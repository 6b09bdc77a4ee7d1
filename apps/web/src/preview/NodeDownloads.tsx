/**
 * The selected node's files for the field: its user-data (download or copy) and its cidata ISO.
 * Offered only once the analysis of this very site has found no unsafe value (security finding):
 * no option overrides those. `unsafe` is null while the analysis runs.
 */
import { CIDATA_ISO_NAME, cidataIso, safeSegment, type ExpandedNode, type Finding } from '@rke2-edge/provider-core';
import { useState } from 'react';
import { describeFinding } from '../findings/fieldPaths.js';
import { copyText, downloadBytes } from '../export/download.js';
import { usePresentationMode } from '../shell/presentation.js';

export function NodeDownloads({ node, unsafe }: { node: ExpandedNode; unsafe: readonly Finding[] | null }) {
  const [message, setMessage] = useState<string | null>(null);
  const presenting = usePresentationMode();
  const name = safeSegment(node.node.name, `node-${node.index + 1}`);
  const checking = unsafe === null;
  if (unsafe !== null && unsafe.length > 0) {
    return (
      <div className="node-downloads" role="group" aria-label={`Files of ${node.node.name} for the field`}>
        <p className="message-error">
          No files for devices: the site has {unsafe.length} unsafe value{unsafe.length === 1 ? '' : 's'} (see Findings), first{' '}
          {describeFinding(unsafe[0]!)}
        </p>
      </div>
    );
  }
  return (
    <div className="node-downloads" role="group" aria-label={`Files of ${node.node.name} for the field`}>
      <button type="button" disabled={checking} onClick={() => downloadBytes(`${name}-user-data`, node.userData, 'text/yaml')}>
        Download user-data
      </button>
      <button type="button" disabled={checking} onClick={async () => setMessage(await copyText(node.userData, 'User-data'))}>
        Copy user-data
      </button>
      <button
        type="button"
        disabled={checking}
        onClick={() => downloadBytes(`${name}-${CIDATA_ISO_NAME}`, cidataIso(node), 'application/x-iso9660-image')}
      >
        Download cidata ISO
      </button>
      <span role="status" className="field-hint">
        {checking ? 'Checking the site…' : message}
      </span>
      {presenting && (
        <p className="field-hint presentation-note">
          Presentation mode masks secrets on screen only: downloaded and copied files hold the real ones, as the devices need them.
        </p>
      )}
    </div>
  );
}
