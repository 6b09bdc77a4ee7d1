/**
 * The designer's views: pages beside the settings sections that show what the design means
 * (what breaks when nodes fail, what the security settings enforce, what an upgrade changes)
 * instead of editing it. Each is computed in provider-core; these pages only show it.
 */
import type { SectionId } from '../findings/fieldPaths.js';

export const VIEWS = ['failure', 'compliance', 'upgrade'] as const;
export type ViewId = (typeof VIEWS)[number];

export const VIEW_LABELS: Record<ViewId, string> = {
  failure: 'Failure view',
  compliance: 'Compliance view',
  upgrade: 'Upgrade view',
};

/** A page of the designer: a settings section or a view. */
export type PageId = SectionId | ViewId;

export const isView = (page: PageId): page is ViewId => (VIEWS as readonly string[]).includes(page);

/** A place in a node's preview: the file (artifact id, as in the Files tab) and, optionally, a 1-based line. */
export interface FileTarget {
  node: number;
  file: string;
  line?: number;
}
