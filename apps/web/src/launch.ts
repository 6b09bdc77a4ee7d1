/** How the designer was entered: from the start screen, or from a share link in the URL. */
export type Launch =
  { kind: 'resume' } | { kind: 'template'; id: string } | { kind: 'files'; files: File[] } | { kind: 'share'; fragment: string };
