/**
 * Presentation mode, for showing the designer on a projector: while it is on, every preview, diff,
 * finding, check and the print view show the site with its secrets masked (provider-core's
 * maskSecrets decides what is masked and how; this module only remembers whether it is on, for
 * this browser tab's session, and hands the masked data to the views). Downloads still hold the
 * real secrets: devices need them, and a saved file does not show on the screen.
 */
import { maskAnalysis, maskSecrets, redactStrings, type MaskedSite, type Site } from '@rke2-edge/provider-core';
import { useMemo, useSyncExternalStore } from 'react';
import { messagesByField } from '../findings/fieldPaths.js';
import type { AnalysisView } from '../state/siteContext.js';
import { Observable } from '../state/observable.js';

const SESSION_KEY = 'rke2-edge-designer:presentation-mode';

function remembered(): boolean {
  try {
    return sessionStorage.getItem(SESSION_KEY) === 'on';
  } catch {
    return false;
  }
}

class PresentationMode extends Observable<boolean> {
  constructor() {
    super(remembered());
  }

  toggle = (): void => {
    this.set(!this.getState());
    try {
      sessionStorage.setItem(SESSION_KEY, this.getState() ? 'on' : 'off');
    } catch {
      // Storage refused: the mode still holds until the page is reloaded.
    }
  };
}

export const presentationMode = new PresentationMode();

export function usePresentationMode(): boolean {
  return useSyncExternalStore(presentationMode.subscribe, presentationMode.getState);
}

/** The site as presentation mode shows it (null while the mode is off); `alsoHide`: a site shown beside it, whose secrets must not show either. */
export function useMaskedSite(site: Site | null | undefined, alsoHide?: Site): MaskedSite | null {
  const presenting = usePresentationMode();
  return useMemo(() => (presenting && site ? maskSecrets(site, alsoHide ? [alsoHide] : []) : null), [presenting, site, alsoHide]);
}

/** Presentation mode's text redaction (MaskedSite's `redact`); null while the mode is off. */
export type Redaction = MaskedSite['redact'] | null;

/**
 * A model as the screen shows it: every string in it redacted while presentation mode is on. For
 * whatever a view computes from the masked site (compliance, evidence, failure, upgrade, site sheet):
 * a model decodes what the masked site still spells, so its output is redacted too.
 */
export function useShown<T>(value: T, redact: Redaction): T {
  return useMemo(() => (redact ? redactStrings(value, redact) : value), [value, redact]);
}

/** A text as the screen shows it (a site or node name, an edit's label). */
export const shownText = (text: string, redact: Redaction): string => (redact ? redact(text) : text);

/** The analysis as the screen shows it: its messages redacted while presentation mode is on. */
export function usePresentedAnalysis(view: AnalysisView, site: Site | null): AnalysisView {
  const masked = useMaskedSite(site);
  const shown = useMemo(() => {
    if (!masked || !view.analysis) return null;
    const analysis = maskAnalysis(view.analysis, masked);
    return { analysis, messagesByField: messagesByField(analysis.findings) };
  }, [masked, view.analysis]);
  return shown ? { ...view, ...shown } : view;
}
