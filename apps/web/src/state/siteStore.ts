/**
 * The open site and its edit history. Every edit is a new site value (the old one is kept for
 * undo, and as "before the last edit" for the diff). Typing in one field coalesces into one undo
 * step. Changes that do not come from the forms (undo, redo, open) bump `revision`, which the forms
 * use to reload their values.
 */
import type { Site } from '@rke2-edge/provider-core';
import { Observable } from './observable.js';

export interface SiteState {
  site: Site | null;
  past: Site[];
  future: Site[];
  /** Bumped when the site changes other than by a form edit: forms reload from it. */
  revision: number;
  /** What the last edit did, for the undo button's label. */
  lastEdit: string | null;
}

export const HISTORY_LIMIT = 200;
/** Edits with the same key within this many ms are one undo step (typing in one field). */
export const COALESCE_MS = 1000;

export interface EditOptions {
  /** Edits with the same key in quick succession are merged into one undo step. */
  coalesceKey?: string;
  /** Set when the edit does not come from the form showing the value (buttons, table cells). */
  external?: boolean;
}

export class SiteStore extends Observable<SiteState> {
  private lastKey: string | undefined;
  private lastAt = 0;

  constructor(private readonly now: () => number = () => Date.now()) {
    super({ site: null, past: [], future: [], revision: 0, lastEdit: null });
  }

  /** Opens a site with a fresh history (from a template, a file, or autosave). */
  open(site: Site | null): void {
    this.lastKey = undefined;
    this.set({ site, past: [], future: [], revision: this.getState().revision + 1, lastEdit: null });
  }

  edit(label: string, change: (site: Site) => Site, options: EditOptions = {}): void {
    const { site, past, revision } = this.getState();
    if (!site) return;
    const next = change(site);
    if (next === site) return;
    const at = this.now();
    const coalesce =
      options.coalesceKey !== undefined && options.coalesceKey === this.lastKey && at - this.lastAt < COALESCE_MS && past.length > 0;
    this.lastKey = options.coalesceKey;
    this.lastAt = at;
    this.set({
      site: next,
      past: coalesce ? past : [...past, site].slice(-HISTORY_LIMIT),
      future: [],
      revision: options.external ? revision + 1 : revision,
      lastEdit: label,
    });
  }

  undo(): void {
    const { site, past, future, revision } = this.getState();
    const previous = past.at(-1);
    if (!site || !previous) return;
    this.lastKey = undefined;
    this.set({ site: previous, past: past.slice(0, -1), future: [site, ...future], revision: revision + 1, lastEdit: null });
  }

  redo(): void {
    const { site, past, future, revision } = this.getState();
    const next = future[0];
    if (!site || !next) return;
    this.lastKey = undefined;
    this.set({ site: next, past: [...past, site], future: future.slice(1), revision: revision + 1, lastEdit: null });
  }
}
