/**
 * Opening what the user drops or picks (one zip made by this app, one site.json, or cloud-configs)
 * and share links. The work runs in a Web Worker (provider-core's openInputs and openShareLink,
 * with their limits), so no input, however large or hostile, freezes the page; files larger than
 * anything the designer opens are refused before they are read.
 */
import { formatBytes, LIMITS, type NamedBytes, type OpenResult } from '@rke2-edge/provider-core';
import { openInWorker } from './openClient.js';

/** Why these files are refused before reading them, or null: too many, or too large for any input. */
export function uploadProblem(files: readonly Pick<File, 'name' | 'size'>[]): string | null {
  if (files.length === 0) return 'No file was given.';
  if (files.length > LIMITS.nodes)
    return `Open at most ${LIMITS.nodes} files at once (one cloud-config per node); ${files.length} were given.`;
  const large = files.find((f) => f.size > LIMITS.zipBytes);
  if (large) return `${large.name} is larger than ${formatBytes(LIMITS.zipBytes)}, more than anything the designer opens; it was not read.`;
  const total = files.reduce((n, f) => n + f.size, 0);
  return total > LIMITS.zipBytes
    ? `These files hold more than ${formatBytes(LIMITS.zipBytes)} together, more than anything the designer opens; they were not read.`
    : null;
}

export async function openUploads(files: readonly File[]): Promise<OpenResult> {
  const problem = uploadProblem(files);
  if (problem) return { ok: false, message: problem };
  const named: NamedBytes[] = await Promise.all(
    files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
  );
  return openInWorker({ kind: 'files', files: named });
}

export function openShareLink(link: string): Promise<OpenResult> {
  return openInWorker({ kind: 'share', link });
}
