/** Where the site is kept in localStorage (apart from autosave.ts so the start screen can check it cheaply). */
export const AUTOSAVE_KEY = 'rke2-edge-designer:site';
export const SET_ASIDE_PREFIX = 'rke2-edge-designer:unreadable:';

export function hasSavedSite(): boolean {
  try {
    return window.localStorage.getItem(AUTOSAVE_KEY) !== null;
  } catch {
    return false;
  }
}
