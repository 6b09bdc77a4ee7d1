/**
 * The app shell: the site store, autosave, the whole-site analysis, and which screen is shown.
 * A site saved in this browser reopens on load; an unreadable one is set aside and reported (or,
 * when it cannot be set aside, offered as a download before anything is saved over it). Tabs on
 * the same site notice each other's saves and the user chooses which version to keep.
 */
import { SITE_TEMPLATE_INFO, siteTemplate, type Site } from '@rke2-edge/provider-core';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Launch } from './launch.js';
import { AutosaveBanner } from './AutosaveBanner.js';
import { Designer } from './Designer.js';
import { downloadBytes } from './export/download.js';
import { useSiteAnalysis } from './lint/useSiteAnalysis.js';
import { StartScreen } from './StartScreen.js';
import { AUTOSAVE_KEY } from './state/autosave.js';
import { AutosaveSession, type AutosaveStatus } from './state/autosaveSession.js';
import { openShareLink, openUploads } from './state/openFiles.js';
import { PrintSheet } from './print/PrintSheet.js';
import { AnalysisContext, SiteStoreContext, useSiteState } from './state/siteContext.js';
import { SiteStore } from './state/siteStore.js';

export const AUTOSAVE_PAUSE_MS = 300;

export type Notice = { kind: 'error' | 'info'; text: string };

/**
 * Reopens the site saved in this browser; reports (never hides) one that cannot be read. One that
 * could not even be set aside is reported by the autosave banner, with a download.
 */
export function startup(store: SiteStore, session: AutosaveSession): Notice[] {
  try {
    const saved = session.load();
    if (saved.kind === 'site') store.open(saved.site);
    if (saved.kind !== 'unreadable' || saved.setAsideKey === null) return [];
    return [
      {
        kind: 'error',
        text: `The site saved in this browser could not be read: ${saved.reason}. It was kept under the key "${saved.setAsideKey}" in this browser's storage; start a new site or open a file.`,
      },
    ];
  } catch (e) {
    // Never a designer that cannot start: whatever is saved stays where it is.
    return [
      {
        kind: 'error',
        text: `The site saved in this browser could not be opened (${(e as Error).message}). It was left in this browser's storage; start a new site or open a file.`,
      },
    ];
  }
}

/** What the save indicator says while the autosave is held back or failing. */
function saveProblemOf(status: AutosaveStatus): string | null {
  if (status.conflict) return 'Not saved: this site was changed in another tab';
  if (status.unreadable) return 'Not saved: an unreadable saved site is in the way (download or discard it)';
  return status.problem;
}

const fileTime = (now = new Date()) => now.toISOString().replace(/[:.]/g, '-');

// One store per page: it survives going back to the start screen. It reads the saved site when the
// designer first renders, not when this module loads (the start screen preloads it in the background).
const store = new SiteStore();
const autosave = new AutosaveSession();
let initialNotices: Notice[] | null = null;

export default function App({ launch }: { launch: Launch }) {
  initialNotices ??= startup(store, autosave);
  return (
    <SiteStoreContext.Provider value={store}>
      <Shell store={store} autosave={autosave} launch={launch} />
    </SiteStoreContext.Provider>
  );
}

function Shell({ store, autosave, launch }: { store: SiteStore; autosave: AutosaveSession; launch: Launch }) {
  const { site } = useSiteState();
  const [screen, setScreen] = useState<'start' | 'designer' | 'print'>(site ? 'designer' : 'start');
  const [notices, setNotices] = useState<Notice[]>(initialNotices ?? []);
  const saveStatus = useSyncExternalStore(autosave.subscribe, autosave.getState);
  const saveProblem = saveProblemOf(saveStatus);
  const analysis = useSiteAnalysis(site);

  // Saved 300 ms after the last edit and when the page is hidden; the session never writes over
  // another tab's newer save or over an unreadable record still in the way.
  useEffect(() => {
    if (!site) return;
    const timer = setTimeout(() => autosave.save(site), AUTOSAVE_PAUSE_MS);
    const flush = () => autosave.save(site);
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [site, autosave]);

  // Another tab saved (or storage was cleared): find out at once rather than at this tab's next save.
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key === AUTOSAVE_KEY || e.key === null) autosave.othersChanged(store.getState().site);
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [store, autosave]);

  const banner = (
    <AutosaveBanner
      status={saveStatus}
      onLoadTheirs={() => {
        const theirs = autosave.takeTheirs();
        if (!theirs) return;
        if (store.getState().site) store.edit("Load the other tab's version", () => theirs, { external: true });
        else store.open(theirs);
      }}
      onKeepMine={() => {
        const mine = store.getState().site;
        if (mine) autosave.keepMine(mine);
      }}
      onDownloadMine={() => {
        const mine = store.getState().site;
        if (mine) downloadBytes('site.json', `${JSON.stringify(mine, null, 2)}\n`, 'application/json');
      }}
      onDownloadUnreadable={() => {
        const unreadable = autosave.getState().unreadable;
        if (!unreadable) return;
        downloadBytes(`rke2-edge-unreadable-${fileTime()}.json`, unreadable.raw, 'application/json');
        autosave.releaseUnreadable(false, store.getState().site);
      }}
      onDiscardUnreadable={() => autosave.releaseUnreadable(true, store.getState().site)}
      onDismissSetAside={() => autosave.dismissSetAside()}
    />
  );

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
    const result = await openUploads(files);
    if (!result.ok) {
      setNotices([{ kind: 'error', text: result.message }]);
      return;
    }
    openSite(
      result.site,
      `Open ${files.map((f) => f.name).join(', ')}`,
      result.notes.map((text) => ({ kind: 'info', text })),
    );
  };
  const openShare = async (fragment: string) => {
    history.replaceState(null, '', location.pathname + location.search);
    const shared = await openShareLink(fragment);
    if (!shared.ok) {
      setNotices([{ kind: 'error', text: `The share link could not be opened: ${shared.message}.` }]);
      setScreen(store.getState().site ? 'designer' : 'start');
      return;
    }
    const notes = shared.notes.map((text) => ({ kind: 'info' as const, text }));
    openSite(shared.site, 'Open shared site', [{ kind: 'info', text: `Opened the shared site "${shared.site.name}".` }, ...notes]);
  };
  // Each launch is acted on once (a share link pasted later is a new one); a ref (unlike state)
  // also holds across StrictMode's effect replay.
  const launched = useRef<Launch | null>(null);
  useEffect(() => {
    if (launched.current === launch) return;
    launched.current = launch;
    if (launch.kind === 'template') openTemplate(launch.id);
    else if (launch.kind === 'files') void openFiles(launch.files);
    else if (launch.kind === 'share') void openShare(launch.fragment);
  });

  // A refused file or link leaves only error notices: say that nothing was opened.
  const errorsOnly = notices.length > 0 && notices.every((n) => n.kind === 'error');
  return (
    <AnalysisContext.Provider value={analysis}>
      {screen === 'print' && site ? (
        <PrintSheet site={site} onBack={() => setScreen('designer')} />
      ) : screen === 'designer' && site ? (
        <div className="shell">
          {banner}
          {notices.length > 0 && (
            <div className={`import-notes${errorsOnly ? ' notice-error' : ''}`} role={errorsOnly ? 'alert' : 'status'}>
              <p>{errorsOnly ? 'Nothing was opened; your site is unchanged:' : 'Notes on the site you opened:'}</p>
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
        <>
          {banner}
          <StartScreen
            templates={SITE_TEMPLATE_INFO}
            onTemplate={openTemplate}
            onFiles={openFiles}
            current={site}
            onResume={() => setScreen('designer')}
            notices={notices}
          />
        </>
      )}
    </AnalysisContext.Provider>
  );
}
