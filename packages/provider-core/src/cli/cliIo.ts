/** What a command may do to the outside world; the entry point wires it to the process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a file, or standard input for "-". Throws with a readable message when it cannot. */
  readText(path: string): Promise<string>;
  /**
   * Reads a file's bytes, or standard input for "-". Throws with a readable message when it
   * cannot, or as soon as it is found larger than `maxBytes` (before reading it all).
   */
  readBytes(path: string, maxBytes: number): Promise<Uint8Array>;
  /** Writes a file, creating its folders. */
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
}

export const EXIT = {
  ok: 0,
  /** lint found errors, or a site with errors was not bundled. */
  findings: 1,
  /** Bad usage, unreadable input, or a document the Kairos SDK cannot decode. */
  unreadable: 2,
  /** The real provider would panic: the node gets no configuration. */
  panic: 3,
  /** jq fails the merge: config.yaml is left empty (jq's own exit code). */
  jqFailed: 5,
} as const;
