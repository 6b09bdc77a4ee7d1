/** How the designer was entered: from the start screen, or from a share link in the URL. */
export type Launch =
  { kind: 'resume' } | { kind: 'template'; id: string } | { kind: 'files'; files: File[] } | { kind: 'share'; fragment: string };

/**
 * provider-core's SHARE_PREFIX, copied: importing it would pull the share-link reader (zod, the
 * site schema) into the start screen's chunk, about 26 KB gzip more before first paint.
 * launch.test.ts keeps the copy equal to the original.
 */
export const SHARE_LINK_PREFIX = '#share=';

/** The launch a URL fragment asks for: a share link, or nothing. */
export function shareLaunch(hash: string): Launch | null {
  return hash.startsWith(SHARE_LINK_PREFIX) ? { kind: 'share', fragment: hash } : null;
}
