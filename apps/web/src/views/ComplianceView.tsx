/** Placeholder: the compliance view is being built (issue 14). */
import type { ViewProps } from './ViewPage.js';

export function ComplianceView(_props: ViewProps) {
  return <p className="empty">Not built yet.</p>;
}
