/** The start every command shares: parse its options, answer --help, report usage errors. */
import { EXIT, type CliIo } from './cliIo.js';
import { parseArgs, type ArgSpec, type ParsedArgs } from './parseArgs.js';

export type StartedCommand = Extract<ParsedArgs, { ok: true }>;

/** The parsed arguments, or the exit code when the command is already done (help or bad usage). */
export function startCommand(argv: string[], io: CliIo, help: string, spec: ArgSpec): StartedCommand | number {
  const normalised = argv.map((a) => (a === '-o' ? '--output' : a));
  const args = parseArgs(normalised, { values: spec.values, flags: [...spec.flags, 'help'] });
  if (!args.ok) {
    io.stderr(`rke2-edge: ${args.error}\n`);
    return EXIT.unreadable;
  }
  if (args.flags.has('help')) {
    io.stdout(help);
    return EXIT.ok;
  }
  return args;
}
