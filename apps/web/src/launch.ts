import { SHARE_PREFIX } from '@rke2-edge/provider-core';

/** How the designer was entered: from the start screen, or from a share link in the URL. */
export type Launch =
  { kind: 'resume' } | { kind: 'template'; id: string } | { kind: 'files'; files: File[] } | { kind: 'share'; fragment: string };

/** The launch a URL fragment asks for: a share link, or nothing. */
export function shareLaunch(hash: string): Launch | null {
  return hash.startsWith(SHARE_PREFIX) ? { kind: 'share', fragment: hash } : null;
}
