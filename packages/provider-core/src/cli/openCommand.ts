/**
 * `rke2-edge open`: what someone sent — a zip bundle, a share link, a site.json or cloud-configs —
 * checked like the designer checks it, and written out as a plain site.json.
 */
import { LIMITS } from '../limits.js';
import { openInputs } from '../open/openInputs.js';
import type { NamedBytes, OpenResult } from '../open/openResult.js';
import { isShareLink, openShareLink } from '../open/openShareLink.js';
import { terminalSafeJson } from '../lint/unsafeText.js';
import { EXIT, type CliIo } from './cliIo.js';
import { startCommand } from './startCommand.js';

const OPEN_HELP = `Usage: rke2-edge open FILE.zip|SHARE-URL|site.json|CLOUD-CONFIG... [-o site.json]

Opens a design someone sent you — a zip bundle made by RKE2 Edge Designer, a share link
(https://…#share=… or just #share=…, on the command line or in a file), a site.json, or Kairos cloud-configs (one per node) —
checks it as the designer does, and prints the site as site.json (or writes it to -o). What a
share link left out (the token, registry passwords) and what an import could not carry over are
listed on stderr. Nothing is fetched: a share link carries the whole site in its #share= part.

Options:
  -o, --output FILE   write the site to FILE instead of stdout
  -h, --help          show this help

Exit codes: 0 written; 2 unreadable or refused (the reason on stderr; nothing written).
`;

async function openPositionals(inputs: string[], io: CliIo): Promise<OpenResult> {
  const links = inputs.filter(isShareLink);
  if (links.length > 0) {
    return inputs.length === 1 ? openShareLink(links[0]!) : { ok: false, message: 'open one share link on its own' };
  }
  const files: NamedBytes[] = [];
  for (const path of inputs) {
    try {
      files.push({ name: path, bytes: await io.readBytes(path, LIMITS.zipBytes) });
    } catch (e) {
      return { ok: false, message: `cannot read ${path}: ${(e as Error).message}` };
    }
  }
  // A file holding only a share link, as links too long for a command line travel, opens as that link (classifyInput).
  return openInputs(files);
}

export async function openCommand(argv: string[], io: CliIo): Promise<number> {
  const args = startCommand(argv, io, OPEN_HELP, { values: { output: 'FILE' }, flags: [] });
  if (typeof args === 'number') return args;
  if (args.positionals.length === 0) {
    io.stderr(`rke2-edge: expected a zip, a share link, a site.json or cloud-configs\n\n${OPEN_HELP}`);
    return EXIT.unreadable;
  }
  const opened = await openPositionals(args.positionals, io);
  if (!opened.ok) {
    io.stderr(`rke2-edge: ${opened.message}\n`);
    return EXIT.unreadable;
  }
  const json = `${terminalSafeJson(opened.site, 2)}\n`;
  const output = args.values['output'];
  if (output) await io.writeFile(output, json);
  else io.stdout(json);
  for (const note of opened.notes) io.stderr(`${note}\n`);
  if (output) io.stderr(`wrote ${output}: site ${JSON.stringify(opened.site.name)}, ${opened.site.nodes.length} node(s)\n`);
  return EXIT.ok;
}
