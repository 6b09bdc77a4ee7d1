/**
 * The app shell: the site store, autosave, the whole-site analysis, and which screen is shown.
 * Its caller makes the store, the autosave session, the query client and the analysis runner
 * (`createDesignerServices`, once per page: they outlive going back to the start screen), so each
 * test starts from fresh ones. A site saved in this browser reopens on load; tabs on the same site
 * notice each other's saves and the user chooses which version to keep.
 */
import { SITE_TEMPLATE_INFO } from '@rke2-edge/provider-core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import type { Launch } from './launch.js';
import { Designer } from './Designer.js';
import { serialAnalysis, workerTransport, type AnalyseSite } from './lint/analysisRunner.js';
import { useSiteAnalysis } from './lint/useSiteAnalysis.js';
import { EvidencePage } from './print/EvidencePage.js';
import { PrintSheet } from './print/PrintSheet.js';
import type { Notice } from './shell/notice.js';
import { Notices } from './shell/Notices.js';
import { useMaskedSite, usePresentedAnalysis } from './shell/presentation.js';
import { SessionBanner } from './shell/SessionBanner.js';
import { startup } from './shell/startup.js';
import { saveProblemOf, useAutosave } from './shell/useAutosave.js';
import { useLaunch, useOpenSite, type Screen } from './shell/useOpenSite.js';
import { usePrintPageHistory } from './shell/usePrintPageHistory.js';
import { StartScreen } from './StartScreen.js';
import { AutosaveSession } from './state/autosaveSession.js';
import { AnalysisContext, SiteStoreContext, useSiteState } from './state/siteContext.js';
import { SiteStore } from './state/siteStore.js';
import { OpenEvidenceContext } from './views/compliance/openEvidence.js';

export interface DesignerServices {
  store: SiteStore;
  autosave: AutosaveSession;
  queryClient: QueryClient;
  analyse: AnalyseSite;
  /** What startup found wrong with the site saved in this browser. */
  startupNotices: Notice[];
}

/** Makes the designer's services and reopens the saved site: call it when the designer is first shown. */
export function createDesignerServices(options: { analyse?: AnalyseSite } = {}): DesignerServices {
  const store = new SiteStore();
  const autosave = new AutosaveSession();
  const startupNotices = startup(store, autosave);
  const analyse = options.analyse ?? serialAnalysis(workerTransport());
  return { store, autosave, queryClient: new QueryClient(), analyse, startupNotices };
}

export default function App({ launch, services }: { launch: Launch; services: DesignerServices }) {
  return (
    <QueryClientProvider client={services.queryClient}>
      <SiteStoreContext.Provider value={services.store}>
        <Shell launch={launch} services={services} />
      </SiteStoreContext.Provider>
    </QueryClientProvider>
  );
}

function Shell({ launch, services }: { launch: Launch; services: DesignerServices }) {
  const { store, autosave } = services;
  const { site } = useSiteState();
  const [screen, setScreen] = useState<Screen>(site ? 'designer' : 'start');
  const [notices, setNotices] = useState<Notice[]>(services.startupNotices);
  const saveStatus = useAutosave(store, autosave, site);
  // In presentation mode everything below reads the analysis with its messages redacted; the print pages show the masked site.
  const analysis = usePresentedAnalysis(useSiteAnalysis(site, services.analyse), site);
  const masked = useMaskedSite(site);
  const open = useOpenSite(store, setNotices, setScreen);
  useLaunch(launch, open);
  const printPages = usePrintPageHistory(screen, setScreen);

  const banner = <SessionBanner store={store} autosave={autosave} status={saveStatus} />;
  return (
    <AnalysisContext.Provider value={analysis}>
      {screen === 'print' && site ? (
        <PrintSheet site={site} masked={masked} onBack={printPages.back} />
      ) : screen === 'evidence' && site ? (
        <EvidencePage site={site} masked={masked} onBack={printPages.back} />
      ) : screen === 'designer' && site ? (
        <div className="shell">
          {banner}
          <Notices notices={notices} onDismiss={() => setNotices([])} />
          <OpenEvidenceContext.Provider value={() => printPages.open('evidence')}>
            <Designer
              site={site}
              onLeave={() => setScreen('start')}
              onPrint={() => printPages.open('print')}
              saveProblem={saveProblemOf(saveStatus)}
            />
          </OpenEvidenceContext.Provider>
        </div>
      ) : (
        <>
          {banner}
          {/* Cloud-configs that made no site still show their Device check and notes (shell/Notices.tsx). */}
          {notices.some((n) => n.kind === 'check') && <Notices notices={notices} onDismiss={() => setNotices([])} />}
          <StartScreen
            templates={SITE_TEMPLATE_INFO}
            onTemplate={open.openTemplate}
            onFiles={open.openFiles}
            current={site}
            onResume={() => setScreen('designer')}
            notices={notices.some((n) => n.kind === 'check') ? [] : notices}
          />
        </>
      )}
    </AnalysisContext.Provider>
  );
}
