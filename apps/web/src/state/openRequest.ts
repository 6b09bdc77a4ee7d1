/**
 * What the open worker is asked and answers: files (a zip, a site.json or cloud-configs) or a
 * share link, opened by provider-core with its limits. Never throws: a failure is a message.
 */
import { openInputs, openShareLink, type NamedBytes, type OpenResult } from '@rke2-edge/provider-core';

export type OpenRequest = { kind: 'files'; files: NamedBytes[] } | { kind: 'share'; link: string };

export async function runOpen(request: OpenRequest): Promise<OpenResult> {
  try {
    return request.kind === 'files' ? await openInputs(request.files) : await openShareLink(request.link);
  } catch (e) {
    return { ok: false, message: `it could not be opened (${(e as Error).message})` };
  }
}
