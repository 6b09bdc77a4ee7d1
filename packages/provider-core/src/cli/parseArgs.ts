/** Argument parsing for rke2-edge: positional files, `--flag value` / `--flag=value`, booleans. */

export interface ArgSpec {
  /** Options that take a value, e.g. { 'node-cidr': 'CIDR' }. */
  values: Record<string, string>;
  /** Options that are switches. */
  flags: string[];
}

export type ParsedArgs =
  | {
      ok: true;
      positionals: string[];
      /** The last value of each option given. */
      values: Record<string, string>;
      /** Every value of each option, in order, for options that may be repeated (`--address a=… --address b=…`). */
      repeated: Record<string, string[]>;
      flags: Set<string>;
    }
  | { ok: false; error: string };

export function parseArgs(argv: string[], spec: ArgSpec): ParsedArgs {
  const positionals: string[] = [];
  const values: Record<string, string> = {};
  const repeated: Record<string, string[]> = {};
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const [rawName, inline] = arg.replace(/^--?/, '').split(/=(.*)/s, 2) as [string, string | undefined];
    const name = rawName === 'h' ? 'help' : rawName;
    if (name in spec.values) {
      const value = inline ?? argv[++i];
      if (value === undefined) return { ok: false, error: `option --${name} needs a value (${spec.values[name]})` };
      values[name] = value;
      (repeated[name] ??= []).push(value);
    } else if (spec.flags.includes(name) && inline === undefined) {
      flags.add(name);
    } else {
      const known = [...Object.keys(spec.values), ...spec.flags].map((o) => `--${o}`).join(', ');
      return { ok: false, error: `unknown option ${arg} (known: ${known})` };
    }
  }
  return { ok: true, positionals, values, repeated, flags };
}
