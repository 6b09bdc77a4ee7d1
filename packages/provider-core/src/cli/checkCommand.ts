/**
 * `rke2-edge check SITE.json [--json]` and `rke2-edge check CLOUD-CONFIG... [--address NAME=CIDR]...
 * [--json]`: the boot check for every node — does it come up and join, RKE2's own message and its
 * source when not, and what the device needs. A site goes through check/checkSite.ts; cloud-configs
 * (told apart from a site.json as `rke2-edge lint` does) through check/checkCloudConfigs.ts, which
 * runs the same rules on each file as written. Both print the same JSON.
 */
import { checkCloudConfigs, publicCloudConfigsCheck, type CheckedFile } from '../import/checkCloudConfigs.js';
import { checkSite, publicSiteCheck } from '../check/checkSite.js';
import type { NodeCheck, SiteCheck } from '../check/checkResult.js';
import { printable, terminalSafeJson } from '../lint/unsafeText.js';
import { cloudConfigsDepthRefusal } from '../yaml/yamlDepthLimit.js';
import { parseCidr } from '../net/ipAddress.js';
import { nodeAddressesProblems } from '../net/nodeAddress.js';
import { RKE2_VERSIONS } from '../site/siteSchema.js';
import { EXIT, type CliIo } from './cliIo.js';
import { cloudConfigsOf, isSiteJsonFile, isZipFile, parseSiteFile, readAll, zipGiven } from './siteCommands.js';
import { startCommand } from './startCommand.js';

const CHECK_HELP = `Usage: rke2-edge check SITE.json [--json]
       rke2-edge check CLOUD-CONFIG... [--address NAME=CIDR]... [--load-balancer] [--rke2-version V] [--json]

Boots each node on a model of the device, from the node's own user-data (the yip stages in order,
the provider's files and jq merge, the images placed), then runs RKE2's start-up rules, each
ported from rancher/rke2, k3s or Kubernetes source: the profile checks, protect-kernel-defaults,
config values, node labels, token, server URL and whether any node of the cluster serves it,
cluster DNS in the service network, images on an air-gapped node, data-dir.
Prints, per node, "comes up and joins" or RKE2's message with its source, and what the device
needs (image, FIPS, SELinux policy, CPU and memory, archives, DHCP reservation).

Kairos cloud-configs (one file per node) are checked as written and together, as one cluster:
the node with role init starts it, and control_plane_host must be its address (or a DNS name for
it, or a kube-vip address its manifest announces). A node is named after node-name in the file's
cluster.config, else its hostname, else the file name without extension (Kairos then generates a
name on the device). Two files of one node name: the later one is refused by the server ("Node
password rejected"); two of one address: the later one is reported. A file that is not YAML or has
no cluster: section runs no RKE2 at all (service none).

Options:
  --address NAME=CIDR  cloud-configs: the address with prefix of node NAME (its hostname or file
                       name), e.g. --address cp-1=10.0.1.11/24; repeat for each node (once per
                       name, a usable host address, no address twice). Without it: the Address=
                       of a systemd-networkd unit the file's stages write; else node-ip (else
                       advertise-address) in its cluster.config, prefix assumed /32 or /128; for
                       the init node, else its own control_plane_host when an IP address
  --load-balancer      cloud-configs: control_plane_host is a load balancer (or VIP) of yours that
                       forwards ports 9345 and 6443 to the servers
  --rke2-version V     cloud-configs: the RKE2 version in the devices' image (default v1.36)
  --json               print {"nodes":[{"node","service","ok","failures":[{"rule","message","source"}],"needs":[…]}]},
                       one entry per node of the site, or per file in the order given (then with
                       "file"; "service" is "none" for a file that runs no RKE2)
  -h, --help           show this help

Exit codes: 0 every node comes up; 1 some node does not; 2 unreadable input or bad usage.
`;

/** How a file's address came, and how to give it: by node name, or by file name when files share the node name. */
function addressLine(f: CheckedFile, name: string): string {
  const ip = f.address.slice(0, f.address.indexOf('/'));
  switch (f.addressFrom) {
    case 'given':
      return `address ${f.address} (--address)`;
    case 'file':
      return `address ${f.address} (from the file's network unit)`;
    case 'config':
      return `address ${f.address} from ${f.addressKey}${f.addressLine ? ` (line ${f.addressLine})` : ''}: prefix ${f.address.slice(ip.length)} assumed (give --address ${name}=${ip}/PREFIX)`;
    case 'assumed':
      return `address ${f.address} assumed from its own control_plane_host (give --address ${name}=CIDR)`;
    case 'unknown':
      return `address not known (give --address ${name}=CIDR)`;
  }
}

/**
 * One node's lines. Every value is escaped onto its line (printable): a line break in a file or node
 * name shows as \u{A}. Only the provider's own error (the Kairos SDK's multi-line decoder text)
 * keeps its line breaks, each continued with an indent.
 */
function nodeText(node: NodeCheck, file: CheckedFile | undefined, addressName: string): string {
  const where = file ? `, ${file.file}` : '';
  const service = node.service === 'none' ? 'no RKE2' : node.service;
  const head = printable(`${node.node} (${service}${where}): ${node.ok ? 'comes up and joins' : 'does not come up'}`);
  const address = file && node.service !== 'none' ? [`  ${printable(addressLine(file, addressName))}`] : [];
  const failures = node.failures.map((f) => {
    const message = f.rule === 'provider' ? printable(f.message, ['\n']).replaceAll('\n', '\n    ') : printable(f.message);
    return `  ✗ ${message}\n    source: ${printable(f.source)}`;
  });
  const needs = node.needs.length > 0 ? ['  needs:', ...node.needs.map((n) => `    - ${printable(n)}`)] : [];
  return [head, ...address, ...failures, ...needs].join('\n') + '\n';
}

function formatCheck(check: SiteCheck, files?: readonly CheckedFile[]): string {
  const failing = check.nodes.filter((n) => !n.ok).length;
  const summary =
    failing === 0
      ? `${check.nodes.length} node(s): all come up and join\n`
      : `${failing} of ${check.nodes.length} node(s) would not come up\n`;
  const count = new Map<string, number>();
  for (const f of files ?? []) count.set(f.node, (count.get(f.node) ?? 0) + 1);
  // Files that share a node name are told apart by file name.
  const addressName = (f: CheckedFile) => ((count.get(f.node) ?? 0) > 1 ? f.file : f.node);
  return check.nodes.map((node, i) => nodeText(node, files?.[i], files?.[i] ? addressName(files[i]) : '')).join('') + summary;
}

/** `NAME=CIDR` arguments as a map, or the first problem: not NAME=CIDR, a name twice, no host address, an address twice. */
function readAddresses(args: readonly string[]): { ok: true; addresses: Record<string, string> } | { ok: false; error: string } {
  // Own properties only: a NAME such as __proto__ or constructor is a name like any other.
  const addresses: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const arg of args) {
    const eq = arg.indexOf('=');
    const [name, cidr] = [arg.slice(0, eq), arg.slice(eq + 1)];
    if (eq <= 0 || !parseCidr(cidr)) return { ok: false, error: `--address ${arg}: expected NAME=ADDRESS/PREFIX, e.g. cp-1=10.0.1.11/24` };
    if (Object.hasOwn(addresses, name)) return { ok: false, error: `--address ${name} is given twice (${addresses[name]} and ${cidr})` };
    addresses[name] = cidr;
  }
  const problem = nodeAddressesProblems(addresses)[0];
  return problem ? { ok: false, error: `--address ${problem}` } : { ok: true, addresses };
}

const CLOUD_CONFIG_OPTIONS = ['address', 'load-balancer', 'rke2-version'];

export async function checkCommand(argv: string[], io: CliIo): Promise<number> {
  const args = startCommand(argv, io, CHECK_HELP, {
    values: { address: 'NAME=CIDR', 'rke2-version': 'VERSION' },
    flags: ['json', 'load-balancer'],
  });
  if (typeof args === 'number') return args;
  if (args.positionals.length === 0) {
    io.stderr(`rke2-edge: expected one SITE.json or cloud-config FILEs\n\n${CHECK_HELP}`);
    return EXIT.unreadable;
  }
  const files = await readAll(args.positionals, io);
  if (!files) return EXIT.unreadable;
  const zip = files.find(isZipFile);
  if (zip) return zipGiven(zip, io);
  const print = (check: SiteCheck, checked?: readonly CheckedFile[]) => {
    io.stdout(args.flags.has('json') ? `${terminalSafeJson(check, 2)}\n` : formatCheck(check, checked));
    return check.nodes.every((n) => n.ok) ? EXIT.ok : EXIT.findings;
  };

  if (files.some(isSiteJsonFile)) {
    const misused = CLOUD_CONFIG_OPTIONS.find((o) => o in args.values || args.flags.has(o));
    if (files.length !== 1 || misused) {
      io.stderr(`rke2-edge: check takes one site.json alone${misused ? ` (--${misused} is for cloud-configs)` : ''}\n`);
      return EXIT.unreadable;
    }
    const site = parseSiteFile(files[0]!, io);
    return site ? print(publicSiteCheck(checkSite(site))) : EXIT.unreadable;
  }

  const texts = cloudConfigsOf(files, io);
  if (!texts) return EXIT.unreadable;
  const tooDeep = cloudConfigsDepthRefusal(texts, 'checked');
  if (tooDeep) {
    io.stderr(`rke2-edge: ${tooDeep}\n`);
    return EXIT.unreadable;
  }
  const addresses = readAddresses(args.repeated['address'] ?? []);
  if (!addresses.ok) {
    io.stderr(`rke2-edge: ${printable(addresses.error)}\n`);
    return EXIT.unreadable;
  }
  const version = args.values['rke2-version'];
  if (version !== undefined && !(RKE2_VERSIONS as readonly string[]).includes(version)) {
    io.stderr(printable(`rke2-edge: --rke2-version ${version}: expected one of ${RKE2_VERSIONS.join(', ')}`) + '\n');
    return EXIT.unreadable;
  }
  const result = checkCloudConfigs(texts, {
    addresses: addresses.addresses,
    loadBalancer: args.flags.has('load-balancer'),
    ...(version ? { rke2Version: version as (typeof RKE2_VERSIONS)[number] } : {}),
  });
  if (result.unmatchedAddresses.length > 0) {
    const names = result.files.map((f) => f.node).join(', ');
    io.stderr(printable(`rke2-edge: --address names no file: ${result.unmatchedAddresses.join(', ')} (the nodes: ${names})`) + '\n');
    return EXIT.unreadable;
  }
  const ambiguous = result.ambiguousAddresses[0];
  if (ambiguous) {
    io.stderr(
      printable(
        `rke2-edge: --address ${ambiguous.name} names ${ambiguous.files.length} files (${ambiguous.files.join(', ')}): give each file's own name, e.g. --address ${ambiguous.files[0]}=CIDR`,
      ) + '\n',
    );
    return EXIT.unreadable;
  }
  return print(publicCloudConfigsCheck(result), result.files);
}
