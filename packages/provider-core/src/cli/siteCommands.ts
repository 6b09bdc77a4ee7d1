/**
 * `rke2-edge lint`, `import`, `bundle` and `expand`: the site model on the command line.
 */
import { buildBundle, bundleFiles, refusal, withManifest } from '../bundle/buildBundle.js';
import { cidataIso } from '../bundle/cidataIso.js';
import { countFindings } from '../designer/findingCounts.js';
import { formatFinding, sortFindings, type Finding } from '../lint/finding.js';
import { lintCloudConfigs } from '../lint/lintCloudConfig.js';
import { lintSite } from '../lint/lintSite.js';
import { LIMITS } from '../limits.js';
import { classifyInput } from '../open/classifyInput.js';
import { cloudConfigTexts } from '../open/openInputs.js';
import type { NamedBytes } from '../open/openResult.js';
import { parseSiteBytes } from '../site/createSite.js';
import { expandSite } from '../site/expandSite.js';
import { importCloudConfigs, type CloudConfigText } from '../import/importCloudConfigs.js';
import type { Site } from '../site/siteSchema.js';
import { printable, terminalSafeJson } from '../lint/unsafeText.js';
import { cloudConfigsDepthRefusal } from '../yaml/yamlDepthLimit.js';
import { EXIT, type CliIo } from './cliIo.js';
import { startCommand as start } from './startCommand.js';

const LINT_HELP = `Usage: rke2-edge lint FILE... [--json] [--node-cidr CIDR] [--rke2-version V]

Checks site.json files, or Kairos cloud-configs (one per node, checked together as one cluster),
and prints every finding: errors, warnings and information, with where and what to do.

Options:
  --json              print the findings as JSON: [{ "file", "findings": [...] }]
  --node-cidr CIDR    cloud-configs: the node's address with prefix, for NO_PROXY checks
  --rke2-version V    cloud-configs: RKE2 version the nodes run (default v1.36)
  -h, --help          show this help

Exit codes: 0 no errors; 1 at least one error; 2 unreadable file or invalid site.json.
`;

const IMPORT_HELP = `Usage: rke2-edge import FILE... [-o site.json] [--name NAME]

Builds a site from existing Kairos cloud-configs, one per node. Prints the site.json (or writes
it to -o) and, on stderr, what could not be represented.

Options:
  -o, --output FILE   write the site to FILE instead of stdout
  --name NAME         the site's name (default imported-site)
  -h, --help          show this help

Exit codes: 0 written; 2 unreadable file, nothing to import, or a file carrying values that
could run commands or add lines on a device (refused with the findings; nothing written).
`;

const BUNDLE_HELP = `Usage: rke2-edge bundle site.json -o OUT.zip [--iso] [--force]

Writes the site's zip bundle: per node user-data, meta-data, README.txt and the files the device
will write (device/...), plus site.json and manifest.json (sha-256 of every file).

Options:
  -o, --output FILE   the zip file to write (required)
  --iso               also put each node's cidata ISO in the zip (NODE/cidata.iso)
  --force             bundle even when the site has errors (never with unsafe values:
                      line breaks, control characters, shell characters in paths, ...)
  -h, --help          show this help

Exit codes: 0 written; 1 the site has errors (listed; nothing written); 2 unreadable input.
`;

const ISO_HELP = `Usage: rke2-edge iso NODE site.json -o NODE.iso [--force]

Writes one node's cidata image: an ISO 9660 volume labelled cidata (Joliet and Rock Ridge names)
holding its user-data and meta-data, ready to write to a USB stick (dd, Etcher) or attach as a
virtual CD. NODE is the node's name.

Options:
  -o, --output FILE   the image to write (required)
  --force             write it even when the site has errors (never with unsafe values)
  -h, --help          show this help

Exit codes: 0 written; 1 the site has errors (listed; nothing written); 2 unreadable input or no such node.
`;

const EXPAND_HELP = `Usage: rke2-edge expand site.json -o DIR

Writes each node's files into DIR, laid out as in the zip bundle, for review or for copying.
Findings are printed on stderr.

Options:
  -o, --output DIR    the folder to write into (required)
  -h, --help          show this help

Exit codes: 0 written; 1 the site has unsafe values (listed; nothing written); 2 unreadable input.
`;

/** Reads each file with the size limit of what it may be (a site.json or a cloud-config). */
export async function readAll(paths: string[], io: CliIo): Promise<NamedBytes[] | null> {
  const out: NamedBytes[] = [];
  for (const path of paths) {
    try {
      out.push({ name: path, bytes: await io.readBytes(path, Math.max(LIMITS.siteJsonBytes, LIMITS.cloudConfigBytes)) });
    } catch (e) {
      io.stderr(`rke2-edge: cannot read ${path}: ${(e as Error).message}\n`);
      return null;
    }
  }
  return out;
}

export const isZipFile = (file: NamedBytes) => classifyInput(file).kind === 'zip';
export const isSiteJsonFile = (file: NamedBytes) => classifyInput(file).kind === 'site-json';

export function zipGiven(file: NamedBytes, io: CliIo): typeof EXIT.unreadable {
  io.stderr(`rke2-edge: ${file.name} is a zip: take its site out first with "rke2-edge open ${file.name} -o site.json"\n`);
  return EXIT.unreadable;
}

export function parseSiteFile(file: NamedBytes, io: CliIo): Site | null {
  if (isZipFile(file)) {
    zipGiven(file, io);
    return null;
  }
  const parsed = parseSiteBytes(file.bytes);
  if (parsed.ok) return parsed.site;
  io.stderr(
    `rke2-edge: ${file.name} is not a valid site.json:\n${parsed.errors.map((e) => `  ${printable(e.path) || '(top)'}: ${printable(e.message)}`).join('\n')}\n`,
  );
  return null;
}

async function readSite(path: string, io: CliIo): Promise<Site | null> {
  const files = await readAll([path], io);
  return files ? parseSiteFile(files[0]!, io) : null;
}

/** The cloud-configs' texts (bounded, valid UTF-8), or null after saying why not. */
export function cloudConfigsOf(files: readonly NamedBytes[], io: CliIo): CloudConfigText[] | null {
  // One file is one node: the same path twice would be two nodes nobody could tell apart.
  const twice = files.find((f, i) => files.findIndex((g) => g.name === f.name) !== i);
  if (twice) {
    io.stderr(printable(`rke2-edge: ${twice.name} is given twice; give each node's cloud-config once`) + '\n');
    return null;
  }
  const read = cloudConfigTexts(files);
  if (read.ok) return read.texts;
  io.stderr(`rke2-edge: ${read.message}\n`);
  return null;
}

function printFindings(results: { file: string; findings: Finding[] }[], write: (t: string) => void): void {
  for (const { file, findings } of results) for (const f of sortFindings(findings)) write(`${formatFinding(f, file)}\n`);
  const all = results.flatMap((r) => r.findings);
  const count = countFindings(all);
  write(`${count.error} error(s), ${count.warning} warning(s), ${count.info} note(s)\n`);
}

export async function lintCommand(argv: string[], io: CliIo): Promise<number> {
  const args = start(argv, io, LINT_HELP, { values: { 'node-cidr': 'CIDR', 'rke2-version': 'VERSION' }, flags: ['json'] });
  if (typeof args === 'number') return args;
  if (args.positionals.length === 0) {
    io.stderr(`rke2-edge: expected at least one FILE\n\n${LINT_HELP}`);
    return EXIT.unreadable;
  }
  const files = await readAll(args.positionals, io);
  if (!files) return EXIT.unreadable;
  const zip = files.find(isZipFile);
  if (zip) return zipGiven(zip, io);
  const results: { file: string; findings: Finding[] }[] = [];
  for (const file of files.filter(isSiteJsonFile)) {
    const site = parseSiteFile(file, io);
    if (!site) return EXIT.unreadable;
    results.push({ file: file.name, findings: lintSite(site) });
  }
  const cloudConfigs = cloudConfigsOf(
    files.filter((f) => !isSiteJsonFile(f)),
    io,
  );
  if (!cloudConfigs) return EXIT.unreadable;
  const options = {
    ...(args.values['node-cidr'] ? { nodeCidr: args.values['node-cidr'] } : {}),
    ...(args.values['rke2-version'] ? { rke2Version: args.values['rke2-version'] } : {}),
  };
  results.push(...lintCloudConfigs(cloudConfigs, options));
  if (args.flags.has('json')) io.stdout(`${terminalSafeJson(results, 2)}\n`);
  else printFindings(results, io.stdout);
  return countFindings(results.flatMap((r) => r.findings)).error > 0 ? EXIT.findings : EXIT.ok;
}

export async function importCommand(argv: string[], io: CliIo): Promise<number> {
  const args = start(argv, io, IMPORT_HELP, { values: { output: 'FILE', name: 'NAME' }, flags: [] });
  if (typeof args === 'number') return args;
  if (args.positionals.length === 0) {
    io.stderr(`rke2-edge: expected at least one cloud-config FILE\n\n${IMPORT_HELP}`);
    return EXIT.unreadable;
  }
  const files = await readAll(args.positionals, io);
  const texts = files && cloudConfigsOf(files, io);
  if (!texts) return EXIT.unreadable;
  const tooDeep = cloudConfigsDepthRefusal(texts, 'imported');
  if (tooDeep) {
    io.stderr(`rke2-edge: ${tooDeep}\n`);
    return EXIT.unreadable;
  }
  const { site, findings } = importCloudConfigs(texts);
  if (site.nodes.length === 0) {
    printFindings([{ file: '', findings }], io.stderr);
    io.stderr('rke2-edge: no node could be imported\n');
    return EXIT.unreadable;
  }
  if (args.values['name']) site.name = args.values['name'];
  const json = `${terminalSafeJson(site, 2)}\n`;
  if (args.values['output']) await io.writeFile(args.values['output'], json);
  else io.stdout(json);
  if (findings.length > 0) printFindings([{ file: '', findings }], io.stderr);
  return EXIT.ok;
}

export async function bundleCommand(argv: string[], io: CliIo): Promise<number> {
  const args = start(argv, io, BUNDLE_HELP, { values: { output: 'FILE' }, flags: ['force', 'iso'] });
  if (typeof args === 'number') return args;
  const output = args.values['output'];
  if (args.positionals.length !== 1 || !output) {
    io.stderr(`rke2-edge: expected one site.json and -o OUT.zip\n\n${BUNDLE_HELP}`);
    return EXIT.unreadable;
  }
  const site = await readSite(args.positionals[0]!, io);
  if (!site) return EXIT.unreadable;
  const showProgress = site.nodes.length >= 50;
  let last = -1;
  const result = await buildBundle(site, {
    format: 'zip',
    force: args.flags.has('force'),
    iso: args.flags.has('iso'),
    onProgress: (percent) => {
      if (showProgress && percent >= last + 10) {
        last = percent - (percent % 10);
        io.stderr(`bundling ${site.nodes.length} nodes: ${percent}%\n`);
      }
    },
  });
  if (!result.ok) {
    io.stderr(`rke2-edge: ${result.reason}\n`);
    return EXIT.findings;
  }
  await io.writeFile(output, result.bytes);
  const warnings = result.findings.filter((f) => f.severity !== 'info').length;
  io.stderr(
    `wrote ${output}: ${site.nodes.length} node(s), ${result.files.length} files, ${result.bytes.length} bytes${warnings ? `; ${warnings} finding(s), see "rke2-edge lint"` : ''}\n`,
  );
  return EXIT.ok;
}

export async function isoCommand(argv: string[], io: CliIo): Promise<number> {
  const args = start(argv, io, ISO_HELP, { values: { output: 'FILE' }, flags: ['force'] });
  if (typeof args === 'number') return args;
  const output = args.values['output'];
  const [nodeName, sitePath] = args.positionals;
  if (args.positionals.length !== 2 || !nodeName || !sitePath || !output) {
    io.stderr(`rke2-edge: expected NODE, one site.json and -o NODE.iso\n\n${ISO_HELP}`);
    return EXIT.unreadable;
  }
  const site = await readSite(sitePath, io);
  if (!site) return EXIT.unreadable;
  const index = site.nodes.findIndex((n) => n.name === nodeName);
  if (index < 0) {
    io.stderr(
      `rke2-edge: ${sitePath} has no node named "${nodeName}"; its nodes: ${site.nodes.map((n) => n.name).join(', ') || '(none)'}\n`,
    );
    return EXIT.unreadable;
  }
  const expanded = expandSite(site);
  const refused = refusal(sortFindings(lintSite(site, expanded)), { force: args.flags.has('force') });
  if (refused) {
    io.stderr(`rke2-edge: ${refused}\n`);
    return EXIT.findings;
  }
  const image = cidataIso(expanded.nodes[index]!);
  await io.writeFile(output, image);
  io.stderr(`wrote ${output}: cidata image of ${nodeName}, ${image.length} bytes\n`);
  return EXIT.ok;
}

export async function expandCommand(argv: string[], io: CliIo): Promise<number> {
  const args = start(argv, io, EXPAND_HELP, { values: { output: 'DIR' }, flags: [] });
  if (typeof args === 'number') return args;
  const output = args.values['output'];
  if (args.positionals.length !== 1 || !output) {
    io.stderr(`rke2-edge: expected one site.json and -o DIR\n\n${EXPAND_HELP}`);
    return EXIT.unreadable;
  }
  const site = await readSite(args.positionals[0]!, io);
  if (!site) return EXIT.unreadable;
  const expanded = expandSite(site);
  const findings = lintSite(site, expanded);
  const unsafe = refusal(findings, { force: true });
  if (unsafe) {
    io.stderr(`rke2-edge: ${unsafe}\n`);
    return EXIT.findings;
  }
  const files = await withManifest(bundleFiles(expanded));
  for (const file of files) await io.writeFile(`${output.replace(/\/+$/, '')}/${file.path}`, file.content);
  if (findings.length > 0) printFindings([{ file: args.positionals[0]!, findings }], io.stderr);
  io.stderr(`wrote ${files.length} files under ${output}\n`);
  return EXIT.ok;
}
