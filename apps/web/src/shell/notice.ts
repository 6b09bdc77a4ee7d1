/** A message about what was opened (or refused) shown above the designer or on the start screen. */
import type { CloudConfigFileCheck } from '@rke2-edge/provider-core';

export type Notice =
  | { kind: 'error' | 'info'; text: string }
  /** An opened cloud-config's boot check as written (before it became part of the site). */
  | { kind: 'check'; text: string; fileCheck: CloudConfigFileCheck };

/** Each opened cloud-config's check as a notice, its text the one-line verdict. */
export function fileCheckNotices(checks: readonly CloudConfigFileCheck[] = []): Notice[] {
  return checks.map((fileCheck) => ({
    kind: 'check',
    text: `${fileCheck.file} (${fileCheck.node}, ${fileCheck.check.service}): ${fileCheck.check.ok ? 'comes up and joins' : 'does not come up'}`,
    fileCheck,
  }));
}
