/**
 * This tab's side of the autosave: which record it last loaded or wrote (its basis), and what the
 * user must be told. It writes only over its own basis; when another tab saved since, it stops
 * writing (on the timer and on hide alike) and reports a conflict until the user chooses a version.
 * An unreadable record that could not be set aside is never written over until the user has
 * downloaded or discarded it.
 */
import type { Site } from '@rke2-edge/provider-core';
import {
  AUTOSAVE_KEY,
  loadAutosave,
  peekStamp,
  readAutosave,
  sameSite,
  saveAutosave,
  type AutosaveLoad,
  type SaveResult,
  type Stamp,
  type Store,
} from './autosave.js';
import { Observable } from './observable.js';

export interface AutosaveStatus {
  /** Another tab saved a different site since this tab last loaded or saved; nothing is written until the user chooses. */
  conflict: { name: string; savedAt: string } | null;
  /** An unreadable record that could not be set aside: it stays under the autosave key and is not written over. */
  unreadable: { raw: string; reason: string; problem: string } | null;
  /** An unreadable record found while saving, moved to its own key. */
  setAside: { key: string; reason: string } | null;
  /** Why the last save failed (storage full, private mode). */
  problem: string | null;
}

const newTabId = () => globalThis.crypto?.randomUUID?.() ?? `tab-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** The browser's localStorage, or null where it is blocked (reading `window.localStorage` can throw). */
function browserStorage(): Store | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const NO_STORAGE = 'The site could not be saved: this browser does not allow the designer to store data. Download it to keep it.';

export class AutosaveSession extends Observable<AutosaveStatus> {
  /** The record this tab last loaded or wrote. */
  private basis: Stamp | null = null;
  /** The site value last loaded or written: the same value is not written again. */
  private written: Site | null = null;
  /** An unreadable record the user downloaded or discarded, which may now be written over. */
  private released: string | null = null;

  constructor(
    private readonly storage: () => Store | null = browserStorage,
    readonly writer: string = newTabId(),
    private readonly now: () => Date = () => new Date(),
  ) {
    super({ conflict: null, unreadable: null, setAside: null, problem: null });
  }

  private update(change: Partial<AutosaveStatus>) {
    this.set({ ...this.getState(), ...change });
  }

  /** Startup: the saved site, or an unreadable record (set aside, or kept in place and reported). */
  load(): AutosaveLoad {
    const storage = this.storage();
    if (!storage) return { kind: 'empty' };
    const loaded = loadAutosave(storage, this.now());
    if (loaded.kind === 'site') {
      this.basis = loaded.stamp;
      this.written = loaded.site;
    }
    if (loaded.kind === 'unreadable' && loaded.setAsideKey === null) {
      this.update({ unreadable: { raw: loaded.raw, reason: loaded.reason, problem: loaded.problem ?? 'unknown' } });
    }
    return loaded;
  }

  /** Writes the site, unless it is what this tab last wrote or another tab saved since (then the conflict waits for the user). */
  save(site: Site): void {
    if (site === this.written || this.getState().conflict) return;
    this.write(site, false);
  }

  private write(site: Site, force: boolean): void {
    const storage = this.storage();
    if (!storage) return this.update({ problem: NO_STORAGE });
    const result: SaveResult = saveAutosave(storage, site, {
      writer: this.writer,
      basis: this.basis,
      force,
      released: this.released,
      now: this.now(),
    });
    switch (result.kind) {
      case 'saved':
        this.basis = result.stamp;
        this.written = site;
        this.released = null;
        return this.update({ conflict: null, unreadable: null, problem: null, ...(result.setAside ? { setAside: result.setAside } : {}) });
      case 'conflict':
        return this.update({ conflict: { name: result.theirs.site.name, savedAt: result.theirs.savedAt } });
      case 'blocked':
        return this.update({ conflict: null, unreadable: { raw: result.raw, reason: result.reason, problem: result.problem } });
      case 'failed':
        return this.update({ problem: result.message });
    }
  }

  /** Another tab changed the saved record (a `storage` event): report a conflict if it saved a different site. */
  othersChanged(site: Site | null): void {
    const storage = this.storage();
    if (!storage || !site) return;
    const raw = storage.getItem(AUTOSAVE_KEY);
    const peeked = raw === null ? null : peekStamp(raw);
    if (peeked && this.basis && peeked.revision === this.basis.revision && peeked.writer === this.basis.writer) return;
    const read = readAutosave(storage);
    // An unreadable record is dealt with (set aside, or kept) when this tab next saves.
    if (read.kind !== 'site') return;
    const { revision, writer } = read.stamp;
    if (this.basis && revision === this.basis.revision && writer === this.basis.writer) return;
    if (sameSite(read.site, site)) {
      this.basis = read.stamp;
      this.written = site;
      return;
    }
    this.update({ conflict: { name: read.site.name, savedAt: read.savedAt } });
  }

  /** "Load the other tab's version": the site saved there (null if it is gone), now this tab's basis. */
  takeTheirs(): Site | null {
    const storage = this.storage();
    const read = storage ? readAutosave(storage) : ({ kind: 'empty' } as const);
    this.update({ conflict: null });
    if (read.kind !== 'site') return null;
    this.basis = read.stamp;
    this.written = read.site;
    return read.site;
  }

  /** "Keep this tab's version": writes it over the other tab's (which then sees the conflict). */
  keepMine(site: Site): void {
    this.write(site, true);
  }

  /**
   * The user downloaded (or chose to discard) the unreadable record: it may now be written over,
   * and a discarded one is removed at once. The site open in this tab, if any, is saved.
   */
  releaseUnreadable(discard: boolean, site: Site | null): void {
    const unreadable = this.getState().unreadable;
    if (!unreadable) return;
    this.released = unreadable.raw;
    if (discard) {
      try {
        const storage = this.storage();
        if (storage?.getItem(AUTOSAVE_KEY) === unreadable.raw) storage.removeItem(AUTOSAVE_KEY);
      } catch {
        // Left in place; being released, the next save writes over it.
      }
    }
    this.update({ unreadable: null });
    if (site) this.write(site, false);
  }

  dismissSetAside(): void {
    this.update({ setAside: null });
  }
}
