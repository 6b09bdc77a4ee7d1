/** A message about what was opened (or refused) shown above the designer or on the start screen. */
import type { CloudConfigFileCheck, OpenResult } from '@rke2-edge/provider-core';
import type { NodeId } from '../state/nodeIds.js';
import { OpenedChecks } from './openedChecks.js';

export type Notice =
  | { kind: 'error' | 'info'; text: string }
  /** The opened cloud-configs' boot check (as written, then with the addresses the user gives); its text the first verdict. */
  | { kind: 'check'; text: string; checks: OpenedChecks };

/** One file's one-line verdict. */
export const fileCheckLine = (fileCheck: CloudConfigFileCheck) =>
  `${fileCheck.file} (${fileCheck.node}, ${fileCheck.check.service === 'none' ? 'no RKE2' : fileCheck.check.service}): ${fileCheck.check.ok ? 'comes up and joins' : 'does not come up'}`;

/** The opened cloud-configs' check as one notice (none for other inputs); `nodeIds` are the opened site's. */
export function fileCheckNotices(result: Extract<OpenResult, { ok: true }>, nodeIds: readonly NodeId[]): Notice[] {
  const { fileChecks, cloudConfigs } = result;
  if (!fileChecks || !cloudConfigs) return [];
  const failing = fileChecks.filter((c) => !c.check.ok).length;
  return [
    {
      kind: 'check',
      text: `Device check of the opened files: ${failing === 0 ? 'every node comes up and joins' : `${failing} of ${fileChecks.length} would not come up`}.`,
      checks: new OpenedChecks(cloudConfigs, fileChecks, nodeIds, result.site.cluster.endpoint === 'kube-vip'),
    },
  ];
}
