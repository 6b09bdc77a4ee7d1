/**
 * `rke2-edge check site.json [--json]`: the boot check (check/checkSite.ts) for every node — does
 * it come up and join, RKE2's own message and its source when not, and what the device needs.
 */
import { checkSite, publicSiteCheck } from '../check/checkSite.js';
import type { NodeCheck, SiteCheck } from '../check/checkResult.js';
import { printable, terminalSafeJson } from '../lint/unsafeText.js';
import { EXIT, type CliIo } from './cliIo.js';
import { readSite } from './siteCommands.js';
import { startCommand } from './startCommand.js';

const CHECK_HELP = `Usage: rke2-edge check SITE.json [--json]

Boots each node of the site on a model of the device, from the node's own user-data (the yip
stages in order, the provider's files and jq merge, the images placed), then runs RKE2's start-up
rules, each ported from rancher/rke2, k3s or Kubernetes source: the profile checks,
protect-kernel-defaults, config values, node labels, token, server URL and whether anything in the
site serves it, cluster DNS in the service network, images on an air-gapped node, data-dir.
Prints, per node, "comes up and joins" or RKE2's message with its source, and what the device
needs (image, FIPS, SELinux policy, CPU and memory, archives, DHCP reservation).

Options:
  --json       print {"nodes":[{"node","service","ok","failures":[{"rule","message","source"}],"needs":[…]}]}
  -h, --help   show this help

Exit codes: 0 every node comes up; 1 some node does not; 2 unreadable input.
`;

function nodeText(node: NodeCheck): string {
  const head = `${node.node} (${node.service}): ${node.ok ? 'comes up and joins' : 'does not come up'}`;
  const failures = node.failures.map((f) => `  ✗ ${f.message.replaceAll('\n', '\n    ')}\n    source: ${f.source}`);
  const needs = node.needs.length > 0 ? ['  needs:', ...node.needs.map((n) => `    - ${n}`)] : [];
  return printable([head, ...failures, ...needs].join('\n'), ['\n']) + '\n';
}

function formatSiteCheck(check: SiteCheck): string {
  const failing = check.nodes.filter((n) => !n.ok).length;
  const summary =
    failing === 0
      ? `${check.nodes.length} node(s): all come up and join\n`
      : `${failing} of ${check.nodes.length} node(s) would not come up\n`;
  return check.nodes.map(nodeText).join('') + summary;
}

export async function checkCommand(argv: string[], io: CliIo): Promise<number> {
  const args = startCommand(argv, io, CHECK_HELP, { values: {}, flags: ['json'] });
  if (typeof args === 'number') return args;
  if (args.positionals.length !== 1) {
    io.stderr(`rke2-edge: expected one SITE.json\n\n${CHECK_HELP}`);
    return EXIT.unreadable;
  }
  const site = await readSite(args.positionals[0]!, io);
  if (!site) return EXIT.unreadable;
  const check = publicSiteCheck(checkSite(site));
  io.stdout(args.flags.has('json') ? `${terminalSafeJson(check, 2)}\n` : formatSiteCheck(check));
  return check.nodes.every((n) => n.ok) ? EXIT.ok : EXIT.findings;
}
