/** Everything about the selected node, live: files, boot stages, diffs, and the site's findings. */
import { isSecurityFinding, type Finding, type MaskedSite, type Site } from '@rke2-edge/provider-core';
import { StatusBadge, Tabs } from '@rke2-edge/ui';
import { FindingsPanel } from '../findings/FindingsPanel.js';
import { useAnalysis } from '../state/siteContext.js';
import { DeviceCheckView } from './DeviceCheckView.js';
import { DiffView } from './DiffView.js';
import { FilesView } from './FilesView.js';
import { NodeDownloads } from './NodeDownloads.js';
import { StagesView } from './StagesView.js';
import { useNodeView } from './useExpandedNode.js';

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

export type PreviewTab = 'files' | 'stages' | 'diff' | 'check' | 'findings';

export interface PreviewPaneProps {
  /** The real site (the downloads hold its files). */
  site: Site;
  /** Presentation mode's masked site (null while the mode is off): what the pane shows. */
  masked: MaskedSite | null;
  previous: Site | undefined;
  selected: number;
  onSelect: (index: number) => void;
  tab: PreviewTab;
  onTab: (tab: PreviewTab) => void;
  /** The file shown in the Files tab (artifact id) and a line to bring into view. */
  file: { id: string; line?: number | undefined };
  onFile: (id: string) => void;
  onOpenFinding: (finding: Finding) => void;
}

export function PreviewPane({ site, masked, previous, selected, onSelect, tab, onTab, file, onFile, onOpenFinding }: PreviewPaneProps) {
  const view = useNodeView(site, selected, masked);
  const shown = masked?.site ?? site;
  const { analysis, pending, error } = useAnalysis();
  const errors = analysis?.counts.error ?? 0;
  const warnings = analysis?.counts.warning ?? 0;
  const tabs = [
    { id: 'files', label: 'Files' },
    { id: 'stages', label: 'Boot stages' },
    { id: 'diff', label: 'Diff' },
    { id: 'check', label: 'Device check' },
    {
      id: 'findings',
      // A site that could not be checked is not a clean one: never "0 errors" then.
      label:
        error && !analysis
          ? 'Findings (not checked)'
          : `Findings (${count(errors, 'error')}, ${count(warnings, 'warning')}${pending ? ', checking…' : ''})`,
    },
  ] as const;
  return (
    <aside className="preview-pane" aria-label="Preview">
      <div className="preview-head">
        <label htmlFor="preview-node">Preview of node</label>
        <select id="preview-node" value={selected} onChange={(e) => onSelect(Number(e.target.value))} disabled={site.nodes.length === 0}>
          {shown.nodes.map((n, i) => (
            <option key={i} value={i}>
              {n.name || `#${i + 1}`} ({n.role})
            </option>
          ))}
        </select>
        {view && <StatusBadge status={analysis?.nodeStatus[selected] ?? 'pending'} title="This node's findings" />}
      </div>
      {view && (
        <NodeDownloads
          node={view.expanded}
          redact={masked?.redact ?? null}
          unsafe={pending || !analysis ? null : analysis.findings.filter(isSecurityFinding)}
        />
      )}
      <Tabs label="Preview" tabs={tabs} selected={tab} onSelect={onTab} idPrefix="preview">
        {tab === 'findings' ? (
          <FindingsPanel site={shown} onOpen={onOpenFinding} />
        ) : !view ? (
          <p className="empty">Add a node to see the files it gets.</p>
        ) : tab === 'files' ? (
          <FilesView artifacts={view.artifacts} selected={file.id} line={file.line} onSelect={onFile} />
        ) : tab === 'check' ? (
          <DeviceCheckView selected={selected} nodeName={shown.nodes[selected]?.name ?? ''} onShowFindings={() => onTab('findings')} />
        ) : tab === 'stages' ? (
          <StagesView steps={view.steps} />
        ) : (
          <DiffView site={site} previous={previous} selected={selected} />
        )}
      </Tabs>
    </aside>
  );
}
