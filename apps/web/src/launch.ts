/** How the designer was entered from the start screen. */
export type Launch = { kind: 'resume' } | { kind: 'template'; id: string } | { kind: 'files'; files: File[] };
