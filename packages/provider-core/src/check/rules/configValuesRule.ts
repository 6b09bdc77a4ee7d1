/**
 * RKE2 reads config.yaml by turning each key into a flag (`key: v` → `--key=v`, a list into one
 * flag per item; k3s-io/k3s pkg/configfilearg/parser.go, readConfigFileData). A key no flag of the
 * command knows is skipped with a warning ("Unknown flag --KEY found in config.yaml, skipping",
 * parser.go stripInvalidFlags): not fatal, so not checked here (lint reports it). A value a flag
 * cannot parse stops the command: urfave/cli parses the flags with Go's flag package, whose
 * messages are "invalid boolean value %q for -%s: %v" and "invalid value %q for flag -%s: %v"
 * (go/src/flag/flag.go, FlagSet.parseOne), and rke2 ends with logrus.Fatal.
 */
import { parseGoBool } from '../../yaml/goBool.js';
import { catalogEntry } from '../../catalog/rke2Catalog.js';
import type { JqValue } from '../../jq/jqValue.js';
import { configText, configKeyPath, type StartFailure, type StartInput } from '../startRule.js';

const CONFIG_VALUES_SOURCE = 'k3s-io/k3s pkg/configfilearg/parser.go, readConfigFileData; go/src/flag/flag.go, FlagSet.parseOne';

/** strconv.ParseInt(s, 0, 64) as flag's intValue uses it (decimal, 0x, 0o, 0b, leading 0 octal, underscores). */
const GO_INT = /^[-+]?(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO]?[0-7_]*|[1-9][0-9_]*)$/;
/** time.ParseDuration. */
const GO_DURATION = /^[-+]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$|^[-+]?0$/;

function items(value: JqValue): (string | undefined)[] {
  return Array.isArray(value) ? value.map((v) => configText(v)) : [configText(value)];
}

export function configValuesRule(input: StartInput): StartFailure[] {
  const config = input.device.config;
  if (!config || input.device.service === null) return [];
  const role = input.device.service === 'rke2-server' ? 'server' : 'agent';
  const failures: StartFailure[] = [];
  for (const [key, value] of config) {
    const entry = catalogEntry(key);
    // Keys the command has no flag for are skipped by stripInvalidFlags before parsing.
    if (!entry || !entry.roles.includes(role) || entry.key !== key) continue;
    for (const text of items(value)) {
      if (text === undefined) continue;
      let message: string | null = null;
      if (entry.type === 'bool' && parseGoBool(text) === null) message = `invalid boolean value "${text}" for -${key}: parse error`;
      else if (entry.type === 'int' && !GO_INT.test(text)) message = `invalid value "${text}" for flag -${key}: parse error`;
      else if (entry.type === 'duration' && !GO_DURATION.test(text)) message = `invalid value "${text}" for flag -${key}: parse error`;
      if (message) failures.push({ rule: 'config-values', message, source: CONFIG_VALUES_SOURCE, path: configKeyPath(input, key) });
    }
  }
  return failures;
}
