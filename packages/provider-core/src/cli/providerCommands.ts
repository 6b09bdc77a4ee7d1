/**
 * `rke2-edge provider FILE` and `rke2-edge merged FILE`: what the Kairos RKE2 plugin writes for a
 * cloud-config, byte for byte, and the /etc/rancher/rke2/config.yaml its jq command produces.
 */
import { runPlugin, type PluginOutcome } from '../provider/runPlugin.js';
import { cloudConfigDepthProblem } from '../yaml/yamlDepthLimit.js';
import { EXIT, type CliIo } from './cliIo.js';
import { startCommand } from './startCommand.js';

const PROVIDER_HELP = `Usage: rke2-edge provider FILE [--node-cidr CIDR]

Prints exactly what the Kairos RKE2 plugin (provider-rke2 v4.8.2) writes to
/usr/local/cloud-config/cluster.kairos.yaml for the cloud-config in FILE ("-" reads stdin).

Options:
  --node-cidr CIDR  the node's address with prefix (e.g. 192.168.1.10/24); the device uses its
                    first non-loopback IPv4 address in NO_PROXY. Default: none (empty).
  -h, --help        show this help

Exit codes: 0 written (or no cluster: section, nothing printed); 2 unreadable input or a
document the Kairos SDK cannot decode; 3 the real provider would panic (reason on stderr).
`;

const MERGED_HELP = `Usage: rke2-edge merged FILE [--node-cidr CIDR]

Prints /etc/rancher/rke2/config.yaml as the provider's jq 1.6 merge of config.d/*.yaml leaves it
for the cloud-config in FILE ("-" reads stdin).

Options:
  --node-cidr CIDR  the node's address with prefix (see "rke2-edge provider --help")
  -h, --help        show this help

Exit codes: as "provider"; and 5 when jq fails the merge (nothing on stdout: the device is left
with an empty config.yaml; jq's message on stderr).
`;

type Printer = (outcome: Extract<PluginOutcome, { kind: 'written' }>, io: CliIo) => number;

async function runWithPlugin(argv: string[], io: CliIo, help: string, print: Printer): Promise<number> {
  const args = startCommand(argv, io, help, { values: { 'node-cidr': 'CIDR' }, flags: [] });
  if (typeof args === 'number') return args;
  if (args.positionals.length !== 1) {
    io.stderr(`rke2-edge: expected one FILE (or "-" for stdin)\n\n${help}`);
    return EXIT.unreadable;
  }
  let text: string;
  try {
    text = await io.readText(args.positionals[0]!);
  } catch (e) {
    io.stderr(`rke2-edge: cannot read ${args.positionals[0]}: ${(e as Error).message}\n`);
    return EXIT.unreadable;
  }
  const tooDeep = cloudConfigDepthProblem(text);
  if (tooDeep) {
    io.stderr(`rke2-edge: ${tooDeep.message}\n`);
    return EXIT.unreadable;
  }
  const outcome = runPlugin(text, { nodeCidr: args.values['node-cidr'] ?? '' });
  switch (outcome.kind) {
    case 'no-cluster':
      return EXIT.ok;
    case 'sdk-error':
      // As the plugin answers: yaml.v3's "unmarshal errors:" list keeps one indented line per error.
      io.stderr(`rke2-edge: ${outcome.message}\n`);
      return EXIT.unreadable;
    case 'panic':
      const where = outcome.panic.at ? `, ${outcome.panic.at}` : '';
      io.stderr(`rke2-edge: the provider would panic (${outcome.panic.goPanic}${where}): ${outcome.panic.reason}\n`);
      return EXIT.panic;
    case 'written':
      return print(outcome, io);
  }
}

export function providerCommand(argv: string[], io: CliIo): Promise<number> {
  return runWithPlugin(argv, io, PROVIDER_HELP, (outcome) => {
    io.stdout(outcome.clusterKairosYaml);
    return EXIT.ok;
  });
}

export function mergedCommand(argv: string[], io: CliIo): Promise<number> {
  return runWithPlugin(argv, io, MERGED_HELP, (outcome) => {
    if (!outcome.merged.ok) {
      io.stderr(`${outcome.merged.error}\n`);
      return EXIT.jqFailed;
    }
    io.stdout(outcome.merged.text);
    return EXIT.ok;
  });
}
