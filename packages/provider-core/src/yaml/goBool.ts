/**
 * Booleans as RKE2 reads them from its config file: k3s-io/k3s pkg/configfilearg turns each value
 * into flag text, and urfave/cli parses bool flags with Go's strconv.ParseBool
 * (go/src/strconv/atob.go): `1 t T TRUE true True` are true, `0 f F FALSE false False` false,
 * anything else an error. YAML 1.1's `yes`/`on` already arrive decoded as true.
 */
import { GoInt, type GoValue } from './goJson.js';

/** strconv.ParseBool: the bool, or null for text it refuses. */
export function parseGoBool(text: string): boolean | null {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return null;
}

/** Whether a config value turns a boolean flag on. */
export function flagOn(value: GoValue | undefined): boolean {
  if (value === true) return true;
  if (value instanceof GoInt) return value.value === 1n;
  return typeof value === 'string' && parseGoBool(value) === true;
}
