/** The page of one designer view. */
import type { Site } from '@rke2-edge/provider-core';
import type { Redaction } from '../shell/presentation.js';
import { ComplianceView } from './ComplianceView.js';
import type { FileTarget, ViewId } from './designerViews.js';
import { FailureView } from './FailureView.js';
import { UpgradeView } from './UpgradeView.js';

export interface ViewProps {
  /** The site as the screen shows it (masked in presentation mode). */
  site: Site;
  /** Presentation mode's redaction, for every model a view computes (null while the mode is off). */
  redact: Redaction;
  /** Index of the node selected in the preview. */
  selectedNode: number;
  onSelectNode: (index: number) => void;
  /** Shows a file (and line) of a node in the preview pane's Files tab. */
  onShowFile: (target: FileTarget) => void;
  /** Opens the settings section of a site field (a finding's path) and focuses the field. */
  onOpenField: (path: readonly (string | number)[]) => void;
}

export function ViewPage({ view, ...props }: ViewProps & { view: ViewId }) {
  switch (view) {
    case 'failure':
      return <FailureView {...props} />;
    case 'compliance':
      return <ComplianceView {...props} />;
    case 'upgrade':
      return <UpgradeView {...props} />;
  }
}
