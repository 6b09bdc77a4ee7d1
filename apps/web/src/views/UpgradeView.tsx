/** Placeholder: the upgrade view is being built (issue 14). */
import type { ViewProps } from './ViewPage.js';

export function UpgradeView(_props: ViewProps) {
  return <p className="empty">Not built yet.</p>;
}
