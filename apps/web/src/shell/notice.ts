/** A message about what was opened (or refused) shown above the designer or on the start screen. */
import { printable, type CloudConfigFileCheck, type FileSetNote, type OpenResult } from '@rke2-edge/provider-core';
import type { NodeId } from '../state/nodeIds.js';
import { OpenedChecks } from './openedChecks.js';

export type Notice =
  | { kind: 'error' | 'info'; text: string }
  /**
   * The opened cloud-configs' boot check (as written, then with the addresses the user gives), its
   * text the first verdict, and what the files disagree on as one cluster.
   */
  | { kind: 'check'; text: string; checks: OpenedChecks; between: readonly FileSetNote[] };

/** A file's and its node's names as shown: control characters escaped (printable), as the CLI prints them. */
export const fileLabel = (fileCheck: Pick<CloudConfigFileCheck, 'file' | 'node'>) =>
  `${printable(fileCheck.node)} (${printable(fileCheck.file)})`;

/** One file's one-line verdict. */
export const fileCheckLine = (fileCheck: CloudConfigFileCheck) =>
  `${printable(fileCheck.file)} (${printable(fileCheck.node)}, ${fileCheck.check.service === 'none' ? 'no RKE2' : fileCheck.check.service}): ${fileCheck.check.ok ? 'comes up and joins' : 'does not come up'}`;

/**
 * The opened cloud-configs' check as one notice (none for other inputs), whether or not a site was
 * made of them; `nodeIds` are the opened site's (none when refused).
 */
export function fileCheckNotices(result: OpenResult, nodeIds: readonly NodeId[]): Notice[] {
  const { fileChecks, cloudConfigs, betweenFiles } = result;
  if (!fileChecks || !cloudConfigs) return [];
  const failing = fileChecks.filter((c) => !c.check.ok).length;
  return [
    {
      kind: 'check',
      text: `Device check of the opened files: ${failing === 0 ? 'every node comes up and joins' : `${failing} of ${fileChecks.length} would not come up`}.`,
      checks: new OpenedChecks(cloudConfigs, fileChecks, nodeIds, result.ok && result.site.cluster.endpoint === 'kube-vip'),
      between: betweenFiles ?? [],
    },
  ];
}
