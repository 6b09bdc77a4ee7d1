/**
 * Checks of RKE2 settings against the catalog and the provider's traps, for any config read with
 * readRke2Config: a site's extra config, a node's, or a cloud-config's `cluster.config`.
 * Codes: unknown-key, wrong-type, server-only-key-on-worker, deprecated-key,
 * profile-invalid-for-version, config-sets-provider-key, unquoted-octal, duplicate-tls-san.
 */
import { catalogEntry, nearestCatalogKey, type CatalogEntry } from '../catalog/rke2Catalog.js';
import { GoFloat, GoInt, goJsonTypeName, type GoValue } from '../yaml/goJson.js';
import { isProviderKey } from '../catalog/providerKeys.js';
import { profileProblem, REQUIRED_CIDR_KEYS, type Rke2Version } from '../site/designerRules.js';
import type { Rke2ConfigRead } from '../site/readRke2Config.js';
import { parseCidr } from '../net/ipAddress.js';
import type { Finding, FindingPath, Severity } from './finding.js';

export interface ConfigLintContext {
  /** Path of the YAML text the config was read from. */
  path: FindingPath;
  /** Added to a key's line in the text to get the line reported (the text's first line - 1). */
  lineOffset: number;
  /** The role the config is for; `both` for settings shared by servers and workers. */
  role: 'server' | 'agent' | 'both';
  version: Rke2Version;
  /** The control-plane host the provider puts in tls-san itself. */
  controlPlaneHost: string;
  /** The designer corrects the provider traps itself (site) or not (a cloud-config going to a device as is). */
  designer: boolean;
}

const GO_DURATION = /^[-+]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$|^0$/;

function isScalar(v: GoValue): boolean {
  return v === null || typeof v !== 'object' || v instanceof GoInt || v instanceof GoFloat;
}

function scalarText(v: GoValue): string {
  if (v instanceof GoInt || v instanceof GoFloat) return String(v.value);
  return String(v);
}

/** Why a value does not fit a catalog entry's type or enum, or null. */
/** A decoded value in words, for messages: `the number +Inf`, `a list`. */
function describeValue(value: GoValue): string {
  if (value === null) return 'empty';
  if (typeof value === 'boolean') return `the boolean ${value}`;
  if (value instanceof GoInt) return `the number ${value.value}`;
  if (value instanceof GoFloat)
    return `the number ${Number.isNaN(value.value) ? 'NaN' : value.value === Infinity ? '+Inf' : value.value === -Infinity ? '-Inf' : value.value}`;
  return Array.isArray(value) ? 'a list' : typeof value === 'string' ? `"${value}"` : 'a map';
}

/** Why a CIDR setting (one IPv4 and/or one IPv6 CIDR, comma-separated) is not one, or null. */
function cidrListProblem(text: string): string | null {
  const bad = text.split(',').find((part) => !parseCidr(part.trim()));
  return bad === undefined ? null : `is not a CIDR list: "${bad.trim()}" is not an address with a prefix, such as 10.42.0.0/16`;
}

function typeProblem(entry: CatalogEntry, value: GoValue): string | null {
  const got = goJsonTypeName(value);
  switch (entry.type) {
    case 'bool':
      if (typeof value === 'boolean' || value === 'true' || value === 'false') return null;
      return `${entry.key} takes true or false, not ${got === 'string' ? `"${String(value)}"` : got}`;
    case 'int':
      if (
        value instanceof GoInt ||
        (value instanceof GoFloat && Number.isInteger(value.value)) ||
        (typeof value === 'string' && /^[-+]?\d+$/.test(value))
      )
        return null;
      return `${entry.key} takes a whole number, not ${got}`;
    case 'duration':
      if (typeof value === 'string' && GO_DURATION.test(value)) return null;
      return `${entry.key} takes a duration such as "10m" or "1h30m"`;
    case 'string':
      if (isScalar(value)) return enumProblem(entry, [value]);
      return `${entry.key} takes a single value, not a ${got}`;
    case 'stringList': {
      if (isScalar(value)) return enumProblem(entry, [value]);
      if (Array.isArray(value) && value.every(isScalar)) return enumProblem(entry, value);
      return `${entry.key} takes a list of values, not a ${got}`;
    }
  }
}

function enumProblem(entry: CatalogEntry, values: GoValue[]): string | null {
  if (!entry.enum) return null;
  const items = values
    .filter((v) => v !== null)
    .flatMap((v) =>
      scalarText(v)
        .split(',')
        .map((s) => s.trim()),
    );
  const bad = items.find((item) => !entry.enum!.includes(item));
  if (bad !== undefined) return `${entry.key} does not accept "${bad}"; choose from ${entry.enum.join(', ')}`;
  if (entry.key === 'cni' && (items.length > 2 || (items.includes('multus') && (items[0] !== 'multus' || items.length !== 2)))) {
    return 'cni takes one plugin, or "multus" followed by one plugin';
  }
  return null;
}

function tlsSanItems(value: GoValue | undefined): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/**
 * One pass over the keys of a config (about 85 lines, on purpose): a key stops at the first check
 * that explains it (`continue`), so the order of those checks is the rule and is kept in one place.
 */
export function lintRke2Config(read: Extract<Rke2ConfigRead, { ok: true }>, ctx: ConfigLintContext): Finding[] {
  const findings: Finding[] = [];
  const at = (key: string) => {
    const line = read.keyLines.get(key);
    return { path: [...ctx.path, key], ...(line ? { line: line + ctx.lineOffset } : {}) };
  };
  const add = (severity: Severity, code: Finding['code'], key: string, message: string, fix?: Finding['fix']) =>
    findings.push({ severity, code, message, ...at(key), ...(fix ? { fix } : {}) });

  for (const [key, value] of read.config) {
    if (isProviderKey(key)) {
      add(
        ctx.designer ? 'warning' : 'error',
        'config-sets-provider-key',
        key,
        ctx.designer
          ? `"${key}" is set by the provider from the site's cluster settings; the designer leaves this one out (jq would join both values into one broken string)`
          : `"${key}" in config is joined by jq with the value the provider writes (e.g. "abc" + "abc" = "abcabc"), so the node cannot join; set it in cluster_token / control_plane_host only`,
        { description: `remove "${key}" from config` },
      );
      continue;
    }
    if (ctx.designer && (REQUIRED_CIDR_KEYS as readonly string[]).includes(key) && typeof value !== 'string') {
      add(
        'warning',
        'provider-panic',
        key,
        `${key} is ${describeValue(value)}, not a CIDR text; the provider panics on it, so the designer writes the site's network value instead (quote it, e.g. "10.42.0.0/16")`,
      );
      continue;
    }
    if ((REQUIRED_CIDR_KEYS as readonly string[]).includes(key) && typeof value === 'string' && value !== '' && cidrListProblem(value)) {
      add('error', 'wrong-type', key, `${key} "${value}" ${cidrListProblem(value)}`);
      continue;
    }
    const entry = catalogEntry(key);
    if (!entry) {
      const nearest = nearestCatalogKey(key);
      add(
        'warning',
        'unknown-key',
        key,
        `"${key}" is not an RKE2 setting; RKE2 skips it with "Unknown flag"`,
        nearest ? { description: `rename to "${nearest}"`, value: nearest } : undefined,
      );
      continue;
    }
    const problem = value === null ? null : typeProblem(entry, value);
    if (problem) add('error', 'wrong-type', key, problem);
    if (ctx.role === 'agent' && !entry.roles.includes('agent') && !(REQUIRED_CIDR_KEYS as readonly string[]).includes(entry.key)) {
      add('warning', 'server-only-key-on-worker', key, `"${key}" only works on servers (init or controlplane); a worker ignores it`);
    }
    if (entry.deprecated || (ctx.role === 'agent' && entry.deprecatedOn?.includes('agent'))) {
      add(
        'warning',
        'deprecated-key',
        key,
        `"${key}" is deprecated in RKE2${entry.deprecated ? '' : ' on agents'}${entry.note ? `: ${entry.note}` : ''}`,
      );
    }
    if (entry.key === 'profile' && typeof value === 'string') {
      const profile = profileProblem(value, ctx.version);
      if (profile) add('error', 'profile-invalid-for-version', key, profile);
    }
    if (entry.key === 'tls-san') {
      const items = tlsSanItems(value);
      const dup = items.find((item, i) => items.indexOf(item) !== i || item === ctx.controlPlaneHost);
      if (dup !== undefined) {
        add(
          'warning',
          'duplicate-tls-san',
          key,
          `tls-san lists "${dup}" twice once the provider adds the control-plane host; remove the repeat`,
        );
      }
    }
  }
  for (const { key, lines } of read.ambiguousKeys) {
    const where = lines.map((line) => line + ctx.lineOffset).join(' and ');
    add(
      'error',
      'ambiguous-key',
      key,
      `"${key}" is set by ${lines.length} different YAML keys (lines ${where}, such as 1 and "1") that become the same setting, with different values; the provider keeps one of them at random on each boot`,
      { description: 'keep one of them' },
    );
  }
  for (const { key, read: number, text } of read.unquotedOctal) {
    add(
      ctx.designer ? 'warning' : 'error',
      'unquoted-octal',
      key,
      `${key}: ${text} without quotes is read as the number ${number}, and RKE2 reads "${number}" as octal: the kubeconfig gets mode 0${number}` +
        (ctx.designer ? '; the designer writes it quoted' : ''),
      { description: `write it quoted: "${text}"`, value: text },
    );
  }
  return findings;
}
