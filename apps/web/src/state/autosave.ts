/**
 * The current site kept in localStorage across reloads, shared by every tab of the designer in this
 * browser. The record is `{format: 1, savedAt, revision, writer, site}`: `revision` counts saves and
 * `writer` names the tab that wrote it, so a tab can tell whether another tab saved since it last
 * loaded or saved (then it does not write: the user chooses which version to keep).
 *
 * A record that cannot be read (corrupt JSON, a damaged envelope, a site that does not validate) is
 * moved aside under its own key and reported. When even that fails (storage full), it stays where it
 * is and is never written over until the user has downloaded or discarded it: data is never lost
 * and the app never starts blank.
 *
 * These functions are pure apart from the storage they are given (tests pass a Map-backed fake).
 */
import { parseSite, type Site } from '@rke2-edge/provider-core';
import { z } from 'zod';
import { AUTOSAVE_KEY, SET_ASIDE_PREFIX } from './autosaveKey.js';

export { AUTOSAVE_KEY, SET_ASIDE_PREFIX };

const AUTOSAVE_FORMAT = 1;

export type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Which save wrote a record: its revision and the tab that wrote it (null in records from before revisions). */
export interface Stamp {
  revision: number;
  writer: string | null;
}

interface SavedSite {
  site: Site;
  savedAt: string;
  stamp: Stamp;
}

/** The envelope around the site. `revision` and `writer` are absent in records saved before they existed. */
const EnvelopeSchema = z.object({
  format: z.literal(AUTOSAVE_FORMAT),
  savedAt: z.string().max(100).optional(),
  revision: z
    .number()
    .int()
    .nonnegative()
    .max(Number.MAX_SAFE_INTEGER - 1)
    .optional(),
  writer: z.string().max(100).optional(),
  site: z.unknown(),
});

export type AutosaveRead = { kind: 'empty' } | ({ kind: 'site' } & SavedSite) | { kind: 'unreadable'; raw: string; reason: string };

const kindOf = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;

/** Reads the record in `raw` without touching storage. */
function parseRecord(raw: string): Exclude<AutosaveRead, { kind: 'empty' }> {
  const unreadable = (reason: string) => ({ kind: 'unreadable' as const, raw, reason });
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (e) {
    return unreadable(`the saved site is not valid JSON (${(e as Error).message})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return unreadable(`the saved data is ${kindOf(value)}, not a saved site`);
  const format = (value as Record<string, unknown>)['format'];
  if (format !== AUTOSAVE_FORMAT)
    return unreadable(
      `the saved site has an unknown format (${typeof format === 'number' || typeof format === 'string' ? JSON.stringify(format) : kindOf(format)})`,
    );
  const envelope = EnvelopeSchema.safeParse(value);
  if (!envelope.success) {
    const issue = envelope.error.issues[0];
    return unreadable(
      `the saved site's record is damaged (${issue?.path.map(String).join('.') || 'record'}: ${issue?.message ?? 'unknown'})`,
    );
  }
  const parsed = parseSite(envelope.data.site);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    return unreadable(`the saved site does not validate (${first?.path || 'site'}: ${first?.message ?? 'unknown'})`);
  }
  const { savedAt = '', revision = 0, writer = null } = envelope.data;
  return { kind: 'site', site: parsed.site, savedAt, stamp: { revision, writer } };
}

const errorText = (e: unknown) =>
  e instanceof Error || e instanceof DOMException
    ? e.name === 'QuotaExceededError'
      ? "this browser's storage for the designer is full"
      : e.message || e.name
    : String(e);

/** Reads the saved record without changing anything. Storage that cannot be read counts as empty. */
export function readAutosave(storage: Store): AutosaveRead {
  let raw: string | null;
  try {
    raw = storage.getItem(AUTOSAVE_KEY);
  } catch {
    return { kind: 'empty' };
  }
  return raw === null ? { kind: 'empty' } : parseRecord(raw);
}

/**
 * Copies an unreadable record to its own key, then removes it from the autosave key (only if it is
 * still there). On failure nothing is removed and the reason is returned.
 */
export function setAside(storage: Store, raw: string, now = new Date()): { ok: true; key: string } | { ok: false; problem: string } {
  try {
    let key = `${SET_ASIDE_PREFIX}${now.toISOString()}`;
    for (let n = 2; storage.getItem(key) !== null && storage.getItem(key) !== raw; n++)
      key = `${SET_ASIDE_PREFIX}${now.toISOString()}-${n}`;
    storage.setItem(key, raw);
    if (storage.getItem(key) !== raw) return { ok: false, problem: 'the browser did not keep the copy' };
    if (storage.getItem(AUTOSAVE_KEY) === raw) storage.removeItem(AUTOSAVE_KEY);
    return { ok: true, key };
  } catch (e) {
    return { ok: false, problem: errorText(e) };
  }
}

export type AutosaveLoad =
  | { kind: 'empty' }
  | ({ kind: 'site' } & SavedSite)
  /** `setAsideKey` null: it could not be moved (`problem` says why) and is still under AUTOSAVE_KEY. */
  | { kind: 'unreadable'; reason: string; raw: string; setAsideKey: string | null; problem: string | null };

/** Reads the saved site at startup; an unreadable record is set aside (or, failing that, left in place). */
export function loadAutosave(storage: Store, now = new Date()): AutosaveLoad {
  const read = readAutosave(storage);
  if (read.kind !== 'unreadable') return read;
  const moved = setAside(storage, read.raw, now);
  return moved.ok
    ? { kind: 'unreadable', reason: read.reason, raw: read.raw, setAsideKey: moved.key, problem: null }
    : { kind: 'unreadable', reason: read.reason, raw: read.raw, setAsideKey: null, problem: moved.problem };
}

export interface SaveOptions {
  /** This tab's id, written into the record. */
  writer: string;
  /** The record this tab last loaded or wrote (null: none). Any other record there means another tab saved. */
  basis: Stamp | null;
  /** Write over another tab's record (the user chose "Keep this tab's version"). */
  force?: boolean;
  /** An unreadable record the user has downloaded or discarded: it may be written over. */
  released?: string | null;
  now?: Date;
}

export type SaveResult =
  /** Written (or already there, word for word). `setAside`: an unreadable record found there was moved first. */
  | { kind: 'saved'; stamp: Stamp; setAside?: { key: string; reason: string } }
  /** Another tab saved since `basis`: nothing was written. */
  | { kind: 'conflict'; theirs: SavedSite }
  /** An unreadable record is there and could not be set aside: nothing was written over it. */
  | { kind: 'blocked'; raw: string; reason: string; problem: string }
  /** The browser refused to store (quota, private mode). */
  | { kind: 'failed'; message: string };

const sameStamp = (a: Stamp, b: Stamp | null) => b !== null && a.revision === b.revision && a.writer === b.writer;

/** The start of every record saveAutosave writes: its stamp can be read without parsing the site. */
const STAMP_PREFIX = /^\{"format":1,"savedAt":"[^"\\]*","revision":(\d{1,15}),"writer":"([A-Za-z0-9-]{1,100})","site":\{/;

/**
 * The stamp of a record as this code writes it, read from its first characters only: a tab that
 * finds its own stamp there (the usual case) need not parse a site of megabytes before each save.
 */
export function peekStamp(raw: string): Stamp | null {
  const match = STAMP_PREFIX.exec(raw.slice(0, 300));
  return match ? { revision: Number(match[1]), writer: match[2]! } : null;
}
export const sameSite = (a: Site, b: Site) => a === b || JSON.stringify(a) === JSON.stringify(b);

/** Saves the site unless another tab saved since `basis` or an unreadable record is in the way. */
export function saveAutosave(storage: Store, site: Site, options: SaveOptions): SaveResult {
  const { writer, basis, force = false, released = null, now = new Date() } = options;
  let raw: string | null;
  try {
    raw = storage.getItem(AUTOSAVE_KEY);
  } catch (e) {
    return { kind: 'failed', message: `The site could not be saved in this browser (${errorText(e)}). Download it to keep it.` };
  }
  let revision = (basis?.revision ?? 0) + 1;
  let setAsideNote: { key: string; reason: string } | undefined;
  const peeked = raw === null ? null : peekStamp(raw);
  if (peeked && sameStamp(peeked, basis)) {
    revision = Math.max(revision, peeked.revision + 1);
  } else if (raw !== null) {
    const stored = parseRecord(raw);
    if (stored.kind === 'unreadable') {
      if (raw === released) {
        try {
          storage.removeItem(AUTOSAVE_KEY); // frees its space before writing
        } catch {
          // the write below reports the problem
        }
      } else {
        const moved = setAside(storage, raw, now);
        if (!moved.ok) return { kind: 'blocked', raw, reason: stored.reason, problem: moved.problem };
        setAsideNote = { key: moved.key, reason: stored.reason };
      }
    } else {
      if (!force && !sameStamp(stored.stamp, basis)) {
        // The other tab saved this very site: nothing to choose, take its record as ours.
        if (sameSite(stored.site, site)) return { kind: 'saved', stamp: stored.stamp };
        return { kind: 'conflict', theirs: { site: stored.site, savedAt: stored.savedAt, stamp: stored.stamp } };
      }
      revision = Math.max(revision, stored.stamp.revision + 1);
    }
  }
  const stamp = { revision, writer };
  try {
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ format: AUTOSAVE_FORMAT, savedAt: now.toISOString(), revision, writer, site }));
  } catch (e) {
    return { kind: 'failed', message: `The site could not be saved in this browser (${errorText(e)}). Download it to keep it.` };
  }
  return setAsideNote ? { kind: 'saved', stamp, setAside: setAsideNote } : { kind: 'saved', stamp };
}
