/**
 * The designer's page (a settings section or a view) in the browser history: choosing a page adds
 * a history entry whose URL fragment names it (`#/nodes`, `#/failure`), so Back and Forward move
 * between pages, a reload reopens the same page and a bookmarked fragment opens it. Share links also
 * live in the fragment (`#share=…`, see launch.ts): they never start with `#/`, and the entry of a
 * share link is left alone (opening it clears the fragment: shell/useOpenSite.ts).
 *
 * Leaving the app: Back from the first page's entry leaves the designer's document. The site is kept
 * in this browser (useAutosave saves 300 ms after an edit and at once when the page is hidden) and
 * reopens, on the same page, when the user comes back: leaving loses nothing, so it is not
 * interrupted (a prompt on every exit would teach users to click it away unread). What can be lost
 * is an edit this browser holds back or cannot save (`unsaved`: the site changed in another tab,
 * an unreadable saved site in the way, storage full): then Back, a reload or closing the tab ask
 * first, through the browser's own "Leave site?" prompt (`beforeunload`, the one prompt a page may
 * show on leaving; a guard entry pushed to trap Back would also break Back on every page).
 * See https://html.spec.whatwg.org/multipage/browsing-the-web.html#unloading-documents.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { SECTIONS } from '../findings/fieldPaths.js';
import { shareLaunch } from '../launch.js';
import { printPageFromHash } from './usePrintPageHistory.js';
import { VIEWS, type PageId } from '../views/designerViews.js';

const PAGES: readonly PageId[] = [...SECTIONS, ...VIEWS];
const PAGE_PREFIX = '#/';

/** The URL fragment that names a page. */
export const pageHash = (page: PageId): string => `${PAGE_PREFIX}${page}`;

/** The page a URL fragment names, if it names one. */
export function pageFromHash(hash: string): PageId | null {
  if (!hash.startsWith(PAGE_PREFIX)) return null;
  const id = hash.slice(PAGE_PREFIX.length);
  return PAGES.find((page) => page === id) ?? null;
}

/**
 * The page shown and the means to show another, kept in the browser history. `unsaved`: leaving
 * the app now would lose edits (the browser asks first). `first`: the page when the URL names none.
 */
export function useSectionHistory(unsaved: boolean, first: PageId = 'cluster'): [PageId, (page: PageId) => void] {
  const [page, setPage] = useState<PageId>(() => pageFromHash(location.hash) ?? first);
  const shown = useRef(page);
  shown.current = page;

  // The entry the designer opened on names its page, so a reload or Back to it shows that page.
  useEffect(() => {
    if (!shareLaunch(location.hash) && location.hash !== pageHash(shown.current)) {
      history.replaceState(history.state, '', pageHash(shown.current));
    }
  }, []);

  // Back and Forward (and a fragment typed into the address bar) show the page their entry names.
  useEffect(() => {
    const onPopState = () => {
      // A share link's entry, or a print page's (usePrintPageHistory shows those).
      if (shareLaunch(location.hash) || printPageFromHash(location.hash)) return;
      setPage(pageFromHash(location.hash) ?? first);
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [first]);

  useEffect(() => {
    if (!unsaved) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [unsaved]);

  const show = useCallback((next: PageId) => {
    if (next === shown.current) return;
    history.pushState(history.state, '', pageHash(next));
    shown.current = next;
    setPage(next);
  }, []);
  return [page, show];
}
