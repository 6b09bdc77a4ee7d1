/**
 * The site editor: sections on the left, the selected section's form in the middle, the selected
 * node's preview on the right. Every valid edit goes to the store at once; the preview follows.
 */
import type { Finding, Site } from '@rke2-edge/provider-core';
import { Tabs } from '@rke2-edge/ui';
import { useEffect, useState } from 'react';
import { redo, undo } from './actions/historyActions.js';
import { ariaKeyShortcuts } from './actions/keymap.js';
import { ExportDialog } from './export/ExportDialog.js';
import { focusTargetIds, nodeIndexOf, SECTION_LABELS, SECTIONS, sectionOf } from './findings/fieldPaths.js';
import { preloadMonaco } from './monaco/LazyMonaco.js';
import { NodesSection } from './nodes/NodesSection.js';
import { useNodeSelection } from './nodes/useNodeSelection.js';
import { PreviewPane, type PreviewTab } from './preview/PreviewPane.js';
import { SettingsSection } from './sections/SettingsSection.js';
import { useFocusRequest } from './sections/useFocusRequest.js';
import { shownText, useMaskedSite, type Redaction } from './shell/presentation.js';
import { PresentationToggle } from './shell/PresentationToggle.js';
import { useSectionHistory } from './shell/useSectionHistory.js';
import { useShortcuts } from './shell/useShortcuts.js';
import { useAnalysis, useSiteState, useSiteStore } from './state/siteContext.js';
import { isView, VIEW_LABELS, VIEWS, type FileTarget } from './views/designerViews.js';
import { ViewPage } from './views/ViewPage.js';

export interface DesignerProps {
  site: Site;
  onLeave: () => void;
  onPrint: () => void;
  saveProblem: string | null;
}

export function Designer({ site, onLeave, onPrint, saveProblem }: DesignerProps) {
  const store = useSiteStore();
  const { past } = useSiteState();
  const [section, setSection] = useSectionHistory(saveProblem !== null);
  const selection = useNodeSelection();
  const [previewTab, setPreviewTab] = useState<PreviewTab>('files');
  const [file, setFile] = useState<{ id: string; line?: number | undefined }>({ id: 'user-data' });
  const [exporting, setExporting] = useState(false);
  const requestFocus = useFocusRequest();
  useEffect(preloadMonaco, []);
  useShortcuts(store);
  // Views, the top bar and the preview show the site with its secrets masked in presentation mode (the forms edit the real one).
  const masked = useMaskedSite(site);
  const shownSite = masked?.site ?? site;
  const redact = masked?.redact ?? null;

  const openField = (path: readonly (string | number)[]) => {
    setSection(sectionOf(path));
    const node = nodeIndexOf(path);
    if (node !== null) selection.selectIndex(node);
    requestFocus(focusTargetIds(path));
  };
  const openFinding = (finding: Finding) => openField(finding.path);
  const showFile = (target: FileTarget) => {
    selection.selectIndex(target.node);
    setFile(target.line === undefined ? { id: target.file } : { id: target.file, line: target.line });
    setPreviewTab('files');
  };

  const sectionTabs = [
    ...SECTIONS.map((id) => ({ id, label: SECTION_LABELS[id] })),
    ...VIEWS.map((id) => ({ id, label: VIEW_LABELS[id] })),
  ];
  return (
    <div className="designer">
      <TopBar site={shownSite} redact={redact} saveProblem={saveProblem} onExport={() => setExporting(true)} onLeave={onLeave} />
      <div className="workspace">
        <Tabs label="Site sections" tabs={sectionTabs} selected={section} onSelect={setSection} orientation="vertical" idPrefix="section">
          <div className="section-form">
            <h2>{isView(section) ? VIEW_LABELS[section] : SECTION_LABELS[section]}</h2>
            {isView(section) ? (
              <ViewPage
                view={section}
                site={shownSite}
                redact={redact}
                selectedNode={selection.index}
                onSelectNode={selection.selectIndex}
                onShowFile={showFile}
                onOpenField={openField}
              />
            ) : section === 'nodes' ? (
              <NodesSection site={site} selected={selection.id} onSelect={selection.select} />
            ) : (
              <SettingsSection section={section} site={site} selectedNode={selection.index} />
            )}
          </div>
        </Tabs>
        <PreviewPane
          site={site}
          masked={masked}
          previous={past.at(-1)}
          selected={selection.index}
          onSelect={selection.selectIndex}
          tab={previewTab}
          onTab={setPreviewTab}
          file={file}
          onFile={(id) => setFile({ id })}
          onOpenFinding={openFinding}
        />
      </div>
      {exporting && <ExportDialog site={site} onClose={() => setExporting(false)} onPrint={onPrint} />}
    </div>
  );
}

interface TopBarProps {
  /** The site as the screen shows it (masked in presentation mode). */
  site: Site;
  redact: Redaction;
  saveProblem: string | null;
  onExport: () => void;
  onLeave: () => void;
}

/** The site's name, undo and redo (the same actions as the shortcuts), export, and the save state. */
function TopBar({ site, redact, saveProblem, onExport, onLeave }: TopBarProps) {
  const store = useSiteStore();
  const { past, future, lastEdit } = useSiteState();
  const { analysis, error } = useAnalysis();
  const errors = analysis?.counts.error;
  const checked = error && !analysis ? ' · not checked' : errors ? ` · ${errors} error${errors === 1 ? '' : 's'}` : '';
  return (
    <header className="topbar">
      <h1>
        RKE2 Edge Designer <span className="site-name">— {site.name || 'untitled site'}</span>
      </h1>
      <div className="button-group">
        <button
          type="button"
          onClick={() => store.perform(undo)}
          disabled={past.length === 0}
          aria-keyshortcuts={ariaKeyShortcuts(undo)}
          title={lastEdit ? `${undo.label}: ${shownText(lastEdit, redact)}` : undo.label}
        >
          {undo.label}
        </button>
        <button type="button" onClick={() => store.perform(redo)} disabled={future.length === 0} aria-keyshortcuts={ariaKeyShortcuts(redo)}>
          {redo.label}
        </button>
        <PresentationToggle />
        <button type="button" className="primary" onClick={onExport}>
          Export…
        </button>
        <button type="button" onClick={onLeave}>
          New or open…
        </button>
      </div>
      <p className="save-state" role="status">
        {saveProblem ?? 'Saved in this browser'}
        {checked}
      </p>
    </header>
  );
}
