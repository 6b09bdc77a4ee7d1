/**
 * The current site kept in localStorage across reloads. The entry is versioned; one that cannot
 * be read (corrupt JSON, an unknown envelope, a site that does not validate) is moved aside under
 * its own key and reported, so the user's data is never lost and the app never starts blank.
 */
import { parseSite, type Site } from '@rke2-edge/provider-core';
import { AUTOSAVE_KEY, SET_ASIDE_PREFIX } from './autosaveKey.js';

export { AUTOSAVE_KEY, SET_ASIDE_PREFIX };

export const AUTOSAVE_FORMAT = 1;

interface Envelope {
  format: typeof AUTOSAVE_FORMAT;
  savedAt: string;
  site: Site;
}

export type AutosaveLoad =
  | { kind: 'empty' }
  | { kind: 'site'; site: Site; savedAt: string }
  | { kind: 'unreadable'; reason: string; setAsideKey: string };

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function unreadable(storage: Store, raw: string, reason: string, now: Date): AutosaveLoad {
  const setAsideKey = `${SET_ASIDE_PREFIX}${now.toISOString()}`;
  try {
    storage.setItem(setAsideKey, raw);
    storage.removeItem(AUTOSAVE_KEY);
  } catch {
    // Storage full or blocked: leave the entry where it is; the report still tells the user.
  }
  return { kind: 'unreadable', reason, setAsideKey };
}

export function loadAutosave(storage: Store, now = new Date()): AutosaveLoad {
  let raw: string | null;
  try {
    raw = storage.getItem(AUTOSAVE_KEY);
  } catch {
    return { kind: 'empty' };
  }
  if (raw === null) return { kind: 'empty' };
  let envelope: Partial<Envelope>;
  try {
    envelope = JSON.parse(raw) as Partial<Envelope>;
  } catch (e) {
    return unreadable(storage, raw, `the saved site is not valid JSON (${(e as Error).message})`, now);
  }
  if (envelope?.format !== AUTOSAVE_FORMAT) {
    return unreadable(storage, raw, `the saved site has an unknown format (${JSON.stringify(envelope?.format ?? null)})`, now);
  }
  const parsed = parseSite(envelope.site);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    return unreadable(storage, raw, `the saved site does not validate (${first?.path || 'site'}: ${first?.message ?? 'unknown'})`, now);
  }
  return { kind: 'site', site: parsed.site, savedAt: String(envelope.savedAt ?? '') };
}

/** Saves the site; returns an error message when the browser refuses (quota, private mode). */
export function saveAutosave(storage: Store, site: Site | null, now = new Date()): string | null {
  try {
    if (site === null) storage.removeItem(AUTOSAVE_KEY);
    else storage.setItem(AUTOSAVE_KEY, JSON.stringify({ format: AUTOSAVE_FORMAT, savedAt: now.toISOString(), site } satisfies Envelope));
    return null;
  } catch (e) {
    return `The site could not be saved in this browser (${(e as Error).message}). Download it to keep it.`;
  }
}
