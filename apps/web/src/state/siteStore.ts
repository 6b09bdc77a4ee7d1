/**
 * The open site and its edit history: the only copy of the site the editor has. Every edit is a
 * new site value (the old one is kept for undo, and as "before the last edit" for the diff); forms
 * read their values from it and write through `perform` (an action from ../actions) or `edit`.
 * Typing in one field coalesces into one undo step. Node ids (see nodeIds.ts) go with every entry.
 */
import type { Site } from '@rke2-edge/provider-core';
import type { HistoryAction, NodeIndex, SiteAction } from '../actions/action.js';
import { replaceSite } from '../actions/settingsActions.js';
import { followNodeIds, freshNodeIds, type NodeId } from './nodeIds.js';
import { Observable } from './observable.js';

export interface SiteState {
  site: Site | null;
  /** The id of each of `site.nodes`, in the same order. */
  nodeIds: readonly NodeId[];
  past: Site[];
  future: Site[];
  /** What the last edit did, for the undo button's label. */
  lastEdit: string | null;
}

export const HISTORY_LIMIT = 200;
/** Edits with the same key within this many ms are one undo step (typing in one field). */
export const COALESCE_MS = 1000;

export interface EditOptions {
  /** Edits with the same key in quick succession are merged into one undo step. */
  coalesceKey?: string;
  /** Set for edits that are not typing (buttons, table cells, a site loaded from another tab): never merged. */
  external?: boolean;
}

export class SiteStore extends Observable<SiteState> {
  private lastKey: string | undefined;
  private lastAt = 0;
  /** Node ids of each `past` and `future` site, index for index. */
  private pastIds: (readonly NodeId[])[] = [];
  private futureIds: (readonly NodeId[])[] = [];

  constructor(private readonly now: () => number = () => Date.now()) {
    super({ site: null, nodeIds: [], past: [], future: [], lastEdit: null });
  }

  /** Opens a site with a fresh history (from a template, a file, or autosave). */
  open(site: Site | null): void {
    this.lastKey = undefined;
    this.pastIds = [];
    this.futureIds = [];
    this.set({
      site,
      nodeIds: freshNodeIds(site?.nodes ?? []),
      past: [],
      future: [],
      lastEdit: null,
    });
  }

  /** Where the node with this id is in the current site (-1: not there). */
  indexOf: NodeIndex = (id) => this.getState().nodeIds.indexOf(id);

  /** Runs an action: a site action becomes one edit labelled by the action; undo and redo act on the history. */
  perform(action: HistoryAction): void;
  perform<A>(action: SiteAction<A>, args: A, options?: EditOptions): void;
  perform<A>(action: SiteAction<A> | HistoryAction, args?: A, options: EditOptions = { external: true }): void {
    if (action.kind === 'history') return action.id === 'undo' ? this.undo() : this.redo();
    const site = this.getState().site;
    if (!site) return;
    const a = args as A;
    this.edit(action.label(a, site, this.indexOf), (s) => action.perform(s, a, this.indexOf), options);
  }

  /** Opens `next` in place of the open site, as an undoable edit; with no site open, opens it fresh. */
  replace(next: Site, label: string): void {
    if (this.getState().site) this.perform(replaceSite, { site: next, label });
    else this.open(next);
  }

  edit(label: string, change: (site: Site) => Site, options: EditOptions = {}): void {
    const { site, nodeIds, past } = this.getState();
    if (!site) return;
    const next = change(site);
    if (next === site) return;
    const at = this.now();
    const coalesce =
      !options.external &&
      options.coalesceKey !== undefined &&
      options.coalesceKey === this.lastKey &&
      at - this.lastAt < COALESCE_MS &&
      past.length > 0;
    this.lastKey = options.external ? undefined : options.coalesceKey;
    this.lastAt = at;
    if (!coalesce) this.pastIds = [...this.pastIds, nodeIds].slice(-HISTORY_LIMIT);
    this.futureIds = [];
    this.set({
      site: next,
      nodeIds: next.nodes === site.nodes ? nodeIds : followNodeIds(site.nodes, nodeIds, next.nodes),
      past: coalesce ? past : [...past, site].slice(-HISTORY_LIMIT),
      future: [],
      lastEdit: label,
    });
  }

  undo(): void {
    const { site, nodeIds, past, future } = this.getState();
    const previous = past.at(-1);
    const previousIds = this.pastIds.at(-1);
    if (!site || !previous || !previousIds) return;
    this.lastKey = undefined;
    this.pastIds = this.pastIds.slice(0, -1);
    this.futureIds = [nodeIds, ...this.futureIds];
    this.set({
      site: previous,
      nodeIds: previousIds,
      past: past.slice(0, -1),
      future: [site, ...future],
      lastEdit: null,
    });
  }

  redo(): void {
    const { site, nodeIds, past, future } = this.getState();
    const next = future[0];
    const nextIds = this.futureIds[0];
    if (!site || !next || !nextIds) return;
    this.lastKey = undefined;
    this.pastIds = [...this.pastIds, nodeIds];
    this.futureIds = this.futureIds.slice(1);
    this.set({ site: next, nodeIds: nextIds, past: [...past, site], future: future.slice(1), lastEdit: null });
  }
}
