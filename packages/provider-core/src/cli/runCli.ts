/** The rke2-edge command line: dispatches to a command, or explains itself. */
import { EXIT, type CliIo } from './cliIo.js';
import { checkCommand } from './checkCommand.js';
import { newCommand } from './newCommand.js';
import { openCommand } from './openCommand.js';
import { mergedCommand, providerCommand } from './providerCommands.js';
import { bundleCommand, expandCommand, importCommand, isoCommand, lintCommand } from './siteCommands.js';

const COMMANDS: Record<string, { summary: string; run: (argv: string[], io: CliIo) => Promise<number> }> = {
  provider: { summary: 'print the cluster.kairos.yaml the Kairos RKE2 plugin writes', run: providerCommand },
  merged: { summary: 'print the merged /etc/rancher/rke2/config.yaml jq leaves at boot', run: mergedCommand },
  lint: { summary: 'check site.json files or cloud-configs and list every finding', run: lintCommand },
  import: { summary: 'build a site.json from existing cloud-configs (one per node)', run: importCommand },
  bundle: { summary: 'write the zip bundle of a site for the field', run: bundleCommand },
  iso: { summary: "write one node's cidata ISO (user-data + meta-data) for a USB stick", run: isoCommand },
  expand: { summary: "write each node's files of a site into a folder", run: expandCommand },
  check: { summary: "boot each node on a model of the device and give RKE2's verdict: comes up, or why not", run: checkCommand },
  new: { summary: 'write a new site.json from a start-screen template (--list for the ids)', run: newCommand },
  open: { summary: 'open a zip bundle, share link, site.json or cloud-configs someone sent, as site.json', run: openCommand },
};

const MAIN_HELP = `Usage: rke2-edge COMMAND [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`)
  .join('\n')}

Run "rke2-edge COMMAND --help" for a command's options.
`;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(MAIN_HELP);
    return name === undefined ? EXIT.unreadable : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`rke2-edge: unknown command "${name}"\n\n${MAIN_HELP}`);
    return EXIT.unreadable;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    // A file that cannot be written (a folder in the way, a full disk): one line, no stack trace.
    io.stderr(`rke2-edge: ${name} failed: ${(e as Error).message}\n`);
    return EXIT.unreadable;
  }
}
