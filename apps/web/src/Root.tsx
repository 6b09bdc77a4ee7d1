/**
 * The entry: shows the start screen from the first, small chunk and loads the designer (site
 * model, forms, analysis) when the user picks something, or at once when a site is saved here.
 */
import { SITE_TEMPLATE_INFO } from '@rke2-edge/provider-core';
import { Component, lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { shareLaunch, type Launch } from './launch.js';
import { StartScreen } from './StartScreen.js';
import { hasSavedSite } from './state/autosaveKey.js';

function initialLaunch(): Launch | null {
  return shareLaunch(location.hash) ?? (hasSavedSite() ? { kind: 'resume' } : null);
}

const loadApp = () => import('./App.js');
/**
 * The designer with its services (store, autosave, queries, analysis worker), made once per page
 * when it is first shown: React keeps what the lazy loader resolved.
 */
const App = lazy(async () => {
  const { default: Designer, createDesignerServices } = await loadApp();
  const services = createDesignerServices();
  return { default: ({ launch }: { launch: Launch }) => <Designer launch={launch} services={services} /> };
});

/** If the designer's code cannot load (offline after an update, a blocked file), say so: never a blank page. */
class LoadFailure extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <main className="start">
        <h1>RKE2 Edge Designer</h1>
        <p role="alert" className="notice notice-error">
          The designer could not start: {this.state.error.message}. Your site is still saved in this browser. Reload the page to try again.
        </p>
        <button type="button" onClick={() => location.reload()}>
          Reload
        </button>
      </main>
    );
  }
}

export function Root() {
  const [launch, setLaunch] = useState<Launch | null>(initialLaunch);
  useEffect(() => {
    // Fetch the designer while the user reads the start screen.
    const idle = window.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 200));
    idle(() => void loadApp().catch(() => undefined));
    // A share link pasted into the address bar of an open designer only changes the fragment.
    const onHashChange = () => {
      const shared = shareLaunch(location.hash);
      if (shared) setLaunch(shared);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  if (!launch) {
    return (
      <StartScreen
        templates={SITE_TEMPLATE_INFO}
        onTemplate={(id) => setLaunch({ kind: 'template', id })}
        onFiles={(files) => setLaunch({ kind: 'files', files })}
        current={null}
        onResume={() => undefined}
        notices={[]}
      />
    );
  }
  return (
    <LoadFailure>
      <Suspense fallback={<p className="loading">Loading the designer…</p>}>
        <App launch={launch} />
      </Suspense>
    </LoadFailure>
  );
}
