/**
 * The selected node's files for the field: its user-data (download or copy) and its cidata ISO.
 * Offered only once the analysis of this very site has found no unsafe value (security finding):
 * no option overrides those. `unsafe` is null while the analysis runs. In presentation mode
 * (`redact` given) the node's name is redacted in the labels and file names, which show on screen
 * (a secret pasted into a name must not); the files themselves are the real ones.
 */
import { CIDATA_ISO_NAME, cidataIso, safeSegment, type ExpandedNode, type Finding } from '@rke2-edge/provider-core';
import { useState } from 'react';
import { describeFinding } from '../findings/fieldPaths.js';
import { copyText, downloadBytes } from '../export/download.js';
import { shownText, type Redaction } from '../shell/presentation.js';

export function NodeDownloads({ node, redact, unsafe }: { node: ExpandedNode; redact: Redaction; unsafe: readonly Finding[] | null }) {
  const [message, setMessage] = useState<string | null>(null);
  const presenting = redact !== null;
  const shownName = shownText(node.node.name, redact);
  const name = safeSegment(shownName, `node-${node.index + 1}`);
  const checking = unsafe === null;
  if (unsafe !== null && unsafe.length > 0) {
    return (
      <div className="node-downloads" role="group" aria-label={`Files of ${shownName} for the field`}>
        <p className="message-error">
          No files for devices: the site has {unsafe.length} unsafe value{unsafe.length === 1 ? '' : 's'} (see Findings), first{' '}
          {describeFinding(unsafe[0]!)}
        </p>
      </div>
    );
  }
  return (
    <div className="node-downloads" role="group" aria-label={`Files of ${shownName} for the field`}>
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
