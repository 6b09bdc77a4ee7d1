/** What opening something from someone else gives: a site with notes for the user, or why not. */
import type { OmittedSecret } from '../share/shareLink.js';
import type { Site } from '../site/siteSchema.js';

export type OpenResult =
  | {
      ok: true;
      site: Site;
      /** Sentences for the user: what an import could not carry over, what a share link left out. */
      notes: string[];
      /** Share links only: the secrets left out, for the UI to point at their fields. */
      omitted?: OmittedSecret[];
    }
  | { ok: false; message: string };

export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

export const refused = (message: string): OpenResult => ({ ok: false, message });
