/**
 * The site editor: sections on the left, the selected section's form in the middle, the selected
 * node's preview on the right. Every valid edit goes to the store at once; the preview follows.
 */
import type { Finding, Site } from '@rke2-edge/provider-core';
import { Tabs } from '@rke2-edge/ui';
import { useEffect, useState, type ReactNode } from 'react';
import { FormProvider } from 'react-hook-form';
import { ExportDialog } from './export/ExportDialog.js';
import { focusTargetIds, nodeIndexOf, SECTION_LABELS, SECTIONS, sectionOf, type SectionId } from './findings/fieldPaths.js';
import { useSyncedForm } from './form/useSyncedForm.js';
import { preloadMonaco } from './monaco/LazyMonaco.js';
import { NodesSection } from './nodes/NodesSection.js';
import { PreviewPane, type PreviewTab } from './preview/PreviewPane.js';
import { AdvancedSection } from './sections/AdvancedSection.js';
import { AirGapSection } from './sections/AirGapSection.js';
import { ClusterSection } from './sections/ClusterSection.js';
import { NetworkSection } from './sections/NetworkSection.js';
import { OsSection } from './sections/OsSection.js';
import { SecuritySection } from './sections/SecuritySection.js';
import { SiteSettingsSchema } from './sections/siteSettingsSchema.js';
import { useAnalysis, useSiteState, useSiteStore } from './state/siteContext.js';

export interface DesignerProps {
  site: Site;
  onLeave: () => void;
  onPrint: () => void;
  saveProblem: string | null;
}

/** Is the key event meant for a text field (which has its own undo)? */
const inTextField = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

export function Designer({ site, onLeave, onPrint, saveProblem }: DesignerProps) {
  const store = useSiteStore();
  const { past, future, revision, lastEdit } = useSiteState();
  const { analysis } = useAnalysis();
  const [section, setSection] = useState<SectionId>('cluster');
  const [selected, setSelected] = useState(0);
  const [previewTab, setPreviewTab] = useState<PreviewTab>('files');
  const [focusIds, setFocusIds] = useState<string[] | null>(null);
  const [exporting, setExporting] = useState(false);
  const selectedNode = Math.min(selected, Math.max(0, site.nodes.length - 1));

  useEffect(preloadMonaco, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || inTextField(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) store.undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') store.redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
  // Runs after every render until the field is in the page (a section or a lazy editor may mount a
  // render later); it sets state only once it has focused the field, so it cannot loop.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (!focusIds) return;
    const element = focusIds.map((id) => document.getElementById(id)).find(Boolean);
    if (!element) return;
    const target = element.matches('input, select, textarea')
      ? element
      : (element.querySelector<HTMLElement>('textarea, input, select') ?? element);
    target.scrollIntoView?.({ block: 'center' });
    target.focus();
    setFocusIds(null);
  });

  const openFinding = (finding: Finding) => {
    setSection(sectionOf(finding.path));
    const node = nodeIndexOf(finding.path);
    if (node !== null) setSelected(node);
    setFocusIds(focusTargetIds(finding.path));
  };

  const errors = analysis?.findings.filter((f) => f.severity === 'error').length;
  const sectionTabs = SECTIONS.map((id) => ({ id, label: SECTION_LABELS[id] }));
  return (
    <div className="designer">
      <header className="topbar">
        <h1>
          RKE2 Edge Designer <span className="site-name">— {site.name || 'untitled site'}</span>
        </h1>
        <div className="button-group">
          <button
            type="button"
            onClick={() => store.undo()}
            disabled={past.length === 0}
            aria-keyshortcuts="Control+Z"
            title={lastEdit ? `Undo: ${lastEdit}` : 'Undo'}
          >
            Undo
          </button>
          <button type="button" onClick={() => store.redo()} disabled={future.length === 0} aria-keyshortcuts="Control+Shift+Z">
            Redo
          </button>
          <button type="button" className="primary" onClick={() => setExporting(true)}>
            Export…
          </button>
          <button type="button" onClick={onLeave}>
            New or open…
          </button>
        </div>
        <p className="save-state" role="status">
          {saveProblem ?? 'Saved in this browser'}
          {errors ? ` · ${errors} error${errors === 1 ? '' : 's'}` : ''}
        </p>
      </header>
      <div className="workspace">
        <Tabs label="Site sections" tabs={sectionTabs} selected={section} onSelect={setSection} orientation="vertical" idPrefix="section">
          {section === 'nodes' ? (
            <div className="section-form">
              <h2>{SECTION_LABELS.nodes}</h2>
              <NodesSection site={site} selected={selectedNode} onSelect={setSelected} />
            </div>
          ) : (
            <SiteSettingsForm key={revision} site={site}>
              <h2>{SECTION_LABELS[section]}</h2>
              {section === 'cluster' && <ClusterSection />}
              {section === 'network' && <NetworkSection site={site} selectedNode={selectedNode} />}
              {section === 'security' && <SecuritySection />}
              {section === 'airgap' && <AirGapSection />}
              {section === 'os' && <OsSection />}
              {section === 'advanced' && <AdvancedSection />}
            </SiteSettingsForm>
          )}
        </Tabs>
        <PreviewPane
          site={site}
          previous={past.at(-1)}
          selected={selectedNode}
          onSelect={setSelected}
          tab={previewTab}
          onTab={setPreviewTab}
          onOpenFinding={openFinding}
        />
      </div>
      {exporting && <ExportDialog site={site} onClose={() => setExporting(false)} onPrint={onPrint} />}
    </div>
  );
}

function SiteSettingsForm({ site, children }: { site: Site; children: ReactNode }) {
  const store = useSiteStore();
  const { nodes: _nodes, ...settings } = site;
  const form = useSyncedForm(SiteSettingsSchema, settings, (value, field) =>
    store.edit(`Edit ${field ?? 'site'}`, (current) => ({ ...current, ...value, nodes: current.nodes }), { coalesceKey: field ?? 'site' }),
  );
  return (
    <FormProvider {...form}>
      <div className="section-form">{children}</div>
    </FormProvider>
  );
}
