/**
 * The entry: shows the start screen from the first, small chunk and loads the designer (site
 * model, forms, analysis) when the user picks something, or at once when a site is saved here.
 */
import { SITE_TEMPLATE_INFO } from '@rke2-edge/provider-core';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { Launch } from './launch.js';
import { StartScreen } from './StartScreen.js';
import { hasSavedSite } from './state/autosaveKey.js';

/** A share link carries the site in the fragment (see provider-core's shareLink). */
const SHARE_FRAGMENT = '#share=';

function initialLaunch(): Launch | null {
  if (location.hash.startsWith(SHARE_FRAGMENT)) return { kind: 'share', fragment: location.hash };
  return hasSavedSite() ? { kind: 'resume' } : null;
}

const loadApp = () => import('./App.js');
const App = lazy(loadApp);

export function Root() {
  const [launch, setLaunch] = useState<Launch | null>(initialLaunch);
  useEffect(() => {
    // Fetch the designer while the user reads the start screen.
    const idle = window.requestIdleCallback ?? ((f: () => void) => setTimeout(f, 200));
    idle(() => void loadApp().catch(() => undefined));
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
    <Suspense fallback={<p className="loading">Loading the designer…</p>}>
      <App launch={launch} />
    </Suspense>
  );
}
