/**
 * The print pages (the site sheet, the evidence page) in the browser history: opening one adds an
 * entry (`#/print`, `#/evidence`), so the browser's Back returns to the designer page it was opened
 * from, as the page's own "Back to the designer" does, and Forward opens it again. The designer's
 * pages are useSectionHistory's; it leaves these fragments to this hook.
 */
import { useCallback, useEffect } from 'react';
import type { Screen } from './useOpenSite.js';

type PrintPage = Extract<Screen, 'print' | 'evidence'>;

const PRINT_HASHES: Record<PrintPage, string> = { print: '#/print', evidence: '#/evidence' };

/** The print page a URL fragment names, if it names one. */
export function printPageFromHash(hash: string): PrintPage | null {
  return (Object.keys(PRINT_HASHES) as PrintPage[]).find((page) => PRINT_HASHES[page] === hash) ?? null;
}

/** Opens a print page with its history entry, and goes back from it as the browser's Back does. */
export function usePrintPageHistory(screen: Screen, setScreen: (screen: Screen) => void) {
  useEffect(() => {
    const onPopState = () => {
      const page = printPageFromHash(location.hash);
      if (page) setScreen(page);
      else if (screen === 'print' || screen === 'evidence') setScreen('designer');
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [screen, setScreen]);

  const open = useCallback(
    (page: PrintPage) => {
      history.pushState(history.state, '', PRINT_HASHES[page]);
      setScreen(page);
    },
    [setScreen],
  );
  const back = useCallback(() => {
    // The entry this page pushed is the current one: going back pops it (the popstate above shows the designer).
    if (printPageFromHash(location.hash)) history.back();
    else setScreen('designer');
  }, [setScreen]);
  return { open, back };
}
