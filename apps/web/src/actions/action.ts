/**
 * Edits as named actions: every change a user can make to the site (from a form, the nodes table,
 * a button, a shortcut, or opening another site over this one) is one of these, dispatched through
 * the store, which records its label for the Undo button. They are plain data and pure functions,
 * tested without React.
 */
import type { Site } from '@rke2-edge/provider-core';
import type { NodeId } from '../state/nodeIds.js';

/** Where a node is in the site now (-1 when it is gone): actions name nodes by id, never by index. */
export type NodeIndex = (id: NodeId) => number;

export interface SiteAction<A> {
  kind: 'site';
  id: string;
  /** What the Undo button says ("Undo: Remove worker-3"). */
  label: (args: A, site: Site, indexOf: NodeIndex) => string;
  perform: (site: Site, args: A, indexOf: NodeIndex) => Site;
  /** Keyboard shortcuts ("Mod" meaning Ctrl, or ⌘ on a Mac); only for actions that take no arguments. */
  shortcuts?: readonly string[];
}

/** Undo and redo act on the history, not the site; they carry the app's keyboard shortcuts. */
export interface HistoryAction {
  kind: 'history';
  id: 'undo' | 'redo';
  label: string;
  /** Shortcuts, "Mod" meaning Ctrl (or ⌘ on a Mac), e.g. "Mod+Shift+Z". */
  shortcuts: readonly string[];
}

/** A change to how the designer shows the site, not to the site (presentation mode): not recorded for undo. */
export interface ViewAction {
  kind: 'view';
  id: string;
  label: string;
  shortcuts: readonly string[];
  run: () => void;
}

export type AnyAction = SiteAction<never> | HistoryAction | ViewAction;
/** What a key can run: undo, redo, a view action, or a site action that needs no arguments. */
export type ShortcutAction = SiteAction<void> | HistoryAction | ViewAction;

/** A site action; `shortcuts` only where `A` is void, as a key press has no arguments to give. */
export const defineSiteAction = <A>(
  action: Omit<SiteAction<A>, 'kind' | 'shortcuts'> & ([A] extends [void] ? { shortcuts?: readonly string[] } : { shortcuts?: never }),
): SiteAction<A> => ({ kind: 'site', ...action });
