/**
 * Opening a site from a template, files or a share link, and acting once on how the designer was
 * launched. With a site already open, opening is an edit, so Undo brings the previous one back.
 */
import { siteTemplate, type Site } from '@rke2-edge/provider-core';
import { useEffect, useRef } from 'react';
import type { Launch } from '../launch.js';
import { openShareLink, openUploads } from '../state/openFiles.js';
import type { NodeId } from '../state/nodeIds.js';
import type { SiteStore } from '../state/siteStore.js';
import { fileCheckNotices, type Notice } from './notice.js';

export type Screen = 'start' | 'designer' | 'print' | 'evidence';

export interface OpenSite {
  openTemplate(id: string): void;
  openFiles(files: File[]): Promise<void>;
  openShare(fragment: string): Promise<void>;
}

export function useOpenSite(store: SiteStore, setNotices: (notices: Notice[]) => void, setScreen: (screen: Screen) => void): OpenSite {
  // Notes may name the opened site's nodes by id (the cloud-configs' check), known once it is open.
  const openSite = (next: Site, label: string, notes: Notice[] | ((nodeIds: readonly NodeId[]) => Notice[])) => {
    store.replace(next, label);
    setNotices(typeof notes === 'function' ? notes(store.getState().nodeIds) : notes);
    setScreen('designer');
  };
  return {
    openTemplate: (id) => {
      const template = siteTemplate(id);
      if (template) openSite(template.build(), `New site from "${template.title}"`, []);
    },
    openFiles: async (files) => {
      const result = await openUploads(files);
      // A refusal of cloud-configs still shows their Device check and notes: what they were opened for.
      if (!result.ok) return setNotices([{ kind: 'error', text: result.message }, ...fileCheckNotices(result, [])]);
      const notes = result.notes.map((text): Notice => ({ kind: 'info', text }));
      openSite(result.site, `Open ${files.map((f) => f.name).join(', ')}`, (ids) => [...fileCheckNotices(result, ids), ...notes]);
    },
    openShare: async (fragment) => {
      history.replaceState(null, '', location.pathname + location.search);
      const shared = await openShareLink(fragment);
      if (!shared.ok) {
        setNotices([{ kind: 'error', text: `The share link could not be opened: ${shared.message}.` }]);
        return setScreen(store.getState().site ? 'designer' : 'start');
      }
      const notes = shared.notes.map((text): Notice => ({ kind: 'info', text }));
      openSite(shared.site, 'Open shared site', [{ kind: 'info', text: `Opened the shared site "${shared.site.name}".` }, ...notes]);
    },
  };
}

/**
 * Each launch is acted on once (a share link pasted later is a new one); a ref (unlike state)
 * also holds across StrictMode's effect replay.
 */
export function useLaunch(launch: Launch, open: OpenSite): void {
  const launched = useRef<Launch | null>(null);
  useEffect(() => {
    if (launched.current === launch) return;
    launched.current = launch;
    if (launch.kind === 'template') open.openTemplate(launch.id);
    else if (launch.kind === 'files') void open.openFiles(launch.files);
    else if (launch.kind === 'share') void open.openShare(launch.fragment);
  });
}
