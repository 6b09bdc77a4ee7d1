/**
 * A node's cidata image: an ISO 9660 volume labelled `cidata` holding `user-data` and
 * `meta-data`, the NoCloud form Kairos' cdrom datasource reads from a USB stick or virtual CD.
 */
import type { ExpandedNode } from '../site/expandSite.js';
import { buildIso } from './iso9660.js';

export const CIDATA_LABEL = 'cidata';
/** The ISO's file name in bundles and downloads. */
export const CIDATA_ISO_NAME = 'cidata.iso';

export function cidataIso(node: Pick<ExpandedNode, 'userData' | 'metaData'>): Uint8Array {
  const encoder = new TextEncoder();
  return buildIso({
    volumeId: CIDATA_LABEL,
    files: [
      { name: 'user-data', content: encoder.encode(node.userData) },
      { name: 'meta-data', content: encoder.encode(node.metaData) },
    ],
  });
}
