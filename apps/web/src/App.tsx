/**
 * The app shell: the site store, autosave, the whole-site analysis, and which screen is shown.
 * A site saved in this browser reopens on load; an unreadable one is set aside and reported.
 */
import { decodeShareFragment, SITE_TEMPLATE_INFO, siteTemplate, type Site } from '@rke2-edge/provider-core';
import { useEffect, useRef, useState } from 'react';
import type { Launch } from './launch.js';
import { Designer } from './Designer.js';
import { useSiteAnalysis } from './lint/useSiteAnalysis.js';
import { StartScreen } from './StartScreen.js';
import { loadAutosave, saveAutosave } from './state/autosave.js';
import { openUploads, readFiles } from './state/openFiles.js';
import { PrintSheet } from './print/PrintSheet.js';
import { AnalysisContext, SiteStoreContext, useSiteState } from './state/siteContext.js';
import { SiteStore } from './state/siteStore.js';

export const AUTOSAVE_PAUSE_MS = 300;

export type Notice = { kind: 'error' | 'info'; text: string };

/** Reopens the site saved in this browser; reports (never hides) one that cannot be read. */
export function startup(store: SiteStore): Notice[] {
  const saved = loadAutosave(window.localStorage);
  if (saved.kind === 'site') store.open(saved.site);
  if (saved.kind !== 'unreadable') return [];
  return [
    {
      kind: 'error',
      text: `The site saved in this browser could not be read: ${saved.reason}. It was kept under the key "${saved.setAsideKey}" in this browser's storage; start a new site or open a file.`,
    },
  ];
}

// One store per page: it survives going back to the start screen. It reads the saved site when the
// designer first renders, not when this module loads (the start screen preloads it in the background).
const store = new SiteStore();
let initialNotices: Notice[] | null = null;

export default function App({ launch }: { launch: Launch }) {
  initialNotices ??= startup(store);
  return (
    <SiteStoreContext.Provider value={store}>
      <Shell store={store} launch={launch} />
    </SiteStoreContext.Provider>
  );
}

function Shell({ store, launch }: { store: SiteStore; launch: Launch }) {
  const { site } = useSiteState();
  const [screen, setScreen] = useState<'start' | 'designer' | 'print'>(site ? 'designer' : 'start');
  const [notices, setNotices] = useState<Notice[]>(initialNotices ?? []);
  const [saveProblem, setSaveProblem] = useState<string | null>(null);
  const analysis = useSiteAnalysis(site);

  useEffect(() => {
    if (!site) return;
    const timer = setTimeout(() => setSaveProblem(saveAutosave(window.localStorage, site)), AUTOSAVE_PAUSE_MS);
    const flush = () => saveAutosave(window.localStorage, site);
    window.addEventListener('pagehide', flush);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pagehide', flush);
    };
  }, [site]);

  /** Opens a site; with a site already open this is an edit, so Undo brings the previous one back. */
  const openSite = (next: Site, label: string, notes: Notice[]) => {
    if (store.getState().site) store.edit(label, () => next, { external: true });
    else store.open(next);
    setNotices(notes);
    setScreen('designer');
  };
  const openTemplate = (id: string) => {
    const template = siteTemplate(id);
    if (template) openSite(template.build(), `New site from "${template.title}"`, []);
  };
  const openFiles = async (files: File[]) => {
    const result = await openUploads(await readFiles(files));
    if (!result.ok) {
      setNotices([{ kind: 'error', text: result.message }]);
      return;
    }
    openSite(result.site, `Open ${files.map((f) => f.name).join(', ')}`, result.notes.map((text) => ({ kind: 'info', text })));
  };
  const openShare = async (fragment: string) => {
    history.replaceState(null, '', location.pathname + location.search);
    const shared = await decodeShareFragment(fragment);
    if (!shared.ok) {
      setNotices([{ kind: 'error', text: `The share link could not be opened: ${shared.message}.` }]);
      setScreen(store.getState().site ? 'designer' : 'start');
      return;
    }
    const fill = shared.omitted.map((o) => ({ kind: 'info' as const, text: `Left out of the link, fill it in: ${o.label}.` }));
    openSite(shared.site, 'Open shared site', [{ kind: 'info', text: `Opened the shared site "${shared.site.name}".` }, ...fill]);
  };
  // The launch is acted on once; a ref (unlike state) also holds across StrictMode's effect replay.
  const launched = useRef(false);
  useEffect(() => {
    if (launched.current) return;
    launched.current = true;
    if (launch.kind === 'template') openTemplate(launch.id);
    else if (launch.kind === 'files') void openFiles(launch.files);
    else if (launch.kind === 'share') void openShare(launch.fragment);
  });

  return (
    <AnalysisContext.Provider value={analysis}>
      {screen === 'print' && site ? (
        <PrintSheet site={site} onBack={() => setScreen('designer')} />
      ) : screen === 'designer' && site ? (
        <div className="shell">
          {notices.length > 0 && (
            <div className="import-notes" role="status">
              <p>Notes on the site you opened:</p>
              <ul>
                {notices.map((n, i) => (
                  <li key={i}>{n.text}</li>
                ))}
              </ul>
              <button type="button" onClick={() => setNotices([])}>
                Dismiss
              </button>
            </div>
          )}
          <Designer site={site} onLeave={() => setScreen('start')} onPrint={() => setScreen('print')} saveProblem={saveProblem} />
        </div>
      ) : (
        <StartScreen templates={SITE_TEMPLATE_INFO} onTemplate={openTemplate} onFiles={openFiles} current={site} onResume={() => setScreen('designer')} notices={notices} />
      )}
    </AnalysisContext.Provider>
  );
}
