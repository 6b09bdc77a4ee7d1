/** A message about what was opened (or refused) shown above the designer or on the start screen. */
export type Notice = { kind: 'error' | 'info'; text: string };
