/** What opening something from someone else gives: a site with notes for the user, or why not. */
import { siteSecurityFindings } from '../lint/securityRules.js';
import type { CloudConfigFileCheck } from '../import/checkCloudConfigs.js';
import type { OpenedCloudConfig } from './recheckCloudConfigs.js';
import type { OmittedSecret } from '../share/shareLink.js';
import type { Site } from '../site/siteSchema.js';
import type { Severity } from '../lint/finding.js';

export type OpenResult =
  | {
      ok: true;
      site: Site;
      /** Sentences for the user: what an import could not carry over, what a share link left out. */
      notes: string[];
      /** Share links only: the secrets left out, for the UI to point at their fields. */
      omitted?: OmittedSecret[];
      /** Cloud-configs only: each file's boot check as written, before it became part of the site. */
      fileChecks?: CloudConfigFileCheck[];
      /** Cloud-configs only: the files as read, for checking them again with addresses (recheckCloudConfigs). */
      cloudConfigs?: OpenedCloudConfig[];
      /** Cloud-configs only: what the files disagree on as one cluster (lintCloudConfigSet), what no single file shows. */
      betweenFiles?: FileSetNote[];
    }
  | {
      ok: false;
      message: string;
      /** Cloud-configs only (none made a site): each file's check as written, the files as read, and what they disagree on. */
      fileChecks?: CloudConfigFileCheck[];
      cloudConfigs?: OpenedCloudConfig[];
      betweenFiles?: FileSetNote[];
    };

/** A finding about opened files as a set, for people: its file and line (null: the set as a whole), message and rule code, control characters escaped. */
export interface FileSetNote {
  severity: Severity;
  where: string | null;
  message: string;
  code: string;
  /** How to fix it, as lint says it (`fix:`), when it says one. */
  fix?: string;
}

export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

export const refused = (message: string): OpenResult => ({ ok: false, message });

/**
 * An opened site with its unsafe values said up front: it opens (nothing is lost, and the user can
 * fix them), but no files for devices can be made from it until they are fixed.
 */
export function opened(site: Site, notes: string[] = [], omitted?: OmittedSecret[]): OpenResult {
  const unsafe = siteSecurityFindings(site);
  const warning =
    unsafe.length === 0
      ? []
      : [
          `This site has ${unsafe.length} unsafe value${unsafe.length === 1 ? '' : 's'}, first ${unsafe[0]!.path.join('.')}: ${unsafe[0]!.message}. No files for devices can be made from it until ${unsafe.length === 1 ? 'it is' : 'they are'} fixed.`,
        ];
  return { ok: true, site, notes: [...warning, ...notes], ...(omitted ? { omitted } : {}) };
}
