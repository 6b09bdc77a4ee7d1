/**
 * The checks the security findings share (securityRules.ts for sites, cloudConfigSecurityRules.ts
 * for cloud-configs): each reports what makes a value unsafe where it lands on the device.
 */
import { LIMITS, formatBytes } from '../limits.js';
import { hostProblem } from '../net/hostName.js';
import type { GoValue } from '../yaml/goJson.js';
import { isShellSafePath, SAFE_PATH_CHARACTER, SAFE_PATH_WORDS } from '../text/shellSafePath.js';
import type { Finding, FindingPath } from './finding.js';
import { firstBidiControl, firstUnsafeCharacter, describeCharacter, textProblem } from './unsafeText.js';

/** Site fields that hold several lines of text. */
export const MULTI_LINE_FIELDS = new Set(['description', 'extraConfig', 'caPem', 'certPem', 'keyPem']);
/** PEM contents of registry TLS files (written to files on every node): lines separated by LF only, at most this many bytes. */
export const PEM_FIELDS = ['caPem', 'certPem', 'keyPem'] as const;
const PEM_MAX_BYTES = 64 * 1024;
/** Why a path field is checked: the provider's shell line, or a file path read on the device. */
export const IN_SHELL = 'the provider pastes this path unquoted into a shell command run as root';
export const ON_DEVICE = 'it is a path on the device, written into its configuration files';
/** Characters systemd's EnvironmentFile reader interprets: quotes, escapes, variable references. */
const ENV_UNSAFE = /["'\\$`]/;
/** RKE2 config keys the provider copies into /etc/default/rke2-* (NO_PROXY). */
const ENV_CONFIG_KEYS = ['cluster-cidr', 'service-cidr'];

export type Report = (f: Omit<Finding, 'severity'>) => void;

export function collector(): { findings: Finding[]; report: Report } {
  const findings: Finding[] = [];
  return { findings, report: (f) => findings.push({ severity: 'error', ...f }) };
}

export const label = (path: FindingPath) => path.join('.');

/** A site field in words, for messages: `the http proxy`, `labels item 2 of node 4`. */
export function fieldWords(path: FindingPath): string {
  const node = path[0] === 'nodes' && typeof path[1] === 'number' ? ` of node ${path[1] + 1}` : '';
  if (path.includes('rewrites')) return `a rewrite rule of registry mirror ${Number(path[2]) + 1}`;
  const at = path.map((p) => typeof p).lastIndexOf('string');
  if (at < 0) return 'a value';
  const key = String(path[at])
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  const item = path[at + 1];
  return typeof item === 'number' ? `${key} item ${item + 1}${node}` : `the ${key}${node}`;
}

/**
 * Calls `visit` with every string of a parsed JSON value (keys of records too) and its path. The
 * path array is reused while walking (a 2,000-node site has tens of thousands of strings): copy it
 * to keep it.
 */
export function eachString(
  value: unknown,
  path: (string | number)[],
  visit: (path: readonly (string | number)[], text: string) => void,
): void {
  if (typeof value === 'string') visit(path, value);
  else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      eachString(value[i], path, visit);
      path.pop();
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      path.push(k);
      visit(path, k);
      eachString(v, path, visit);
      path.pop();
    }
  }
}

/** A value of a decoded RKE2 config (extra config, or a cloud-config's `config`), keys included. */
function* goStringsOf(value: GoValue, path: FindingPath): Generator<[FindingPath, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* goStringsOf(v, [...path, i]);
  else if (value instanceof Map) {
    for (const [k, v] of value) {
      yield [[...path, k], k];
      yield* goStringsOf(v, [...path, k]);
    }
  }
}

/** A Linux user name (shadow-utils' rule, as Kairos creates it): it becomes a field of /etc/passwd. */
const USER_NAME = /^[a-z_][a-z0-9_-]{0,31}$/;
/** A host name the OS sets: letters, digits, "-" and "." only (it lands in /etc/hostname, meta-data and the node name). */
const HOST_NAME = /^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/;

export function checkUserName(report: Report, path: FindingPath, name: string, line?: number): void {
  if (name === '' || USER_NAME.test(name)) return;
  report({
    code: 'os-user-invalid',
    message: `the user name "${name}" must be lower-case letters, digits, "_" and "-" (at most 32, not starting with a digit or "-"): it becomes a line of /etc/passwd, where other characters (":" above all) change what the line says`,
    path,
    ...(line ? { line } : {}),
  });
}

/** `plainAllowed`: Kairos' own `passwd:` may be a plain password (it hashes it); the site's field is a hash. */
export function checkPasswordHash(report: Report, path: FindingPath, hash: string, line?: number, plainAllowed = false): void {
  if (hash === '' || /^\$[A-Za-z0-9./$=,-]+$/.test(hash) || (plainAllowed && !/[:\s]/.test(hash))) return;
  const why = /[:\s]/.test(hash)
    ? 'it contains ":" or a space, and becomes a field of /etc/shadow, where ":" separates fields'
    : 'it is not a crypt hash (starting with "$"), so the OS would take it as the password itself';
  report({
    code: 'os-user-invalid',
    message: `the password hash is unusable: ${why}; use a hash from mkpasswd -m sha-512`,
    path,
    ...(line ? { line } : {}),
  });
}

/** The characters of /etc/machine-id: 32 lower-case hexadecimal digits (systemd machine-id(5)). */
const MACHINE_ID_LENGTH = 32;
/**
 * The one host-name template accepted: a name's start and end around `{{ .MachineID }}` or
 * `{{ trunc N .MachineID }}` (spaces only inside the braces). Kairos renders a cloud-config's
 * `hostname` as a Go template per device (kairos docs "hostname"; kairos-io/kairos-init
 * pkg/bundled/cloudconfigs/31_hosts.yaml writes `kairos-{{ trunc 4 .MachineID }}`); any other
 * template code stays refused.
 */
const MACHINE_ID_TEMPLATE = /^([A-Za-z0-9.-]*)\{\{ *(?:trunc +(\d{1,2}) +)?\.MachineID *\}\}([A-Za-z0-9.-]*)$/;

/**
 * A host name as one device renders it: the template's `.MachineID` (sprig's trunc N keeps its
 * first N characters) replaced by as many hex digits; null when `name` is no such template.
 */
export function renderedMachineIdName(name: string): string | null {
  const m = MACHINE_ID_TEMPLATE.exec(name);
  if (!m) return null;
  const chars = m[2] === undefined ? MACHINE_ID_LENGTH : Math.min(Number(m[2]), MACHINE_ID_LENGTH);
  return `${m[1]}${'0'.repeat(chars)}${m[3]}`;
}

/** `templates`: a cloud-config's hostname, which Kairos renders per device (renderedMachineIdName). */
export function checkHostName(report: Report, path: FindingPath, name: string, line?: number, templates = false): void {
  if (HOST_NAME.test(name)) return;
  const rendered = templates ? renderedMachineIdName(name) : null;
  if (rendered !== null && HOST_NAME.test(rendered)) return;
  const why = `must be letters, digits, "-" and ".": the OS sets it as the machine's name and RKE2 registers the node under it`;
  report({
    code: 'host-invalid',
    message:
      rendered === null
        ? `the host name "${name}" ${why}`
        : `the host name "${name}" renders on a device as "${rendered}" (with the machine ID's hex digits), which ${why}`,
    path,
    ...(line ? { line } : {}),
  });
}

/** A character in words: `a space`, `";"`. */
const characterWords = (c: string) => (c === ' ' ? 'a space' : JSON.stringify(c));

function pathProblem(path: string, why = IN_SHELL): string | null {
  // "." and ".." would make the path name another folder than the one it shows (/etc/rancher/../../etc/shadow).
  if (path.split('/').some((segment) => segment === '.' || segment === '..'))
    return 'contains a "." or ".." folder: a path on the device is written out in full, without them';
  if (isShellSafePath(path)) return null;
  if (!path.startsWith('/')) return 'must be an absolute path (starting with /)';
  const bad = [...path].find((c) => !SAFE_PATH_CHARACTER.test(c))!;
  return `contains ${characterWords(bad)}: ${why}, so only ${SAFE_PATH_WORDS} are accepted`;
}

export function checkPath(report: Report, path: FindingPath, value: string, what: string, why = IN_SHELL): void {
  const problem = pathProblem(value, why);
  if (problem) report({ code: 'unsafe-path', message: `${what} "${value}" ${problem}`, path });
}

export function checkEnvValue(report: Report, path: FindingPath, value: string, what: string): void {
  const special = ENV_UNSAFE.exec(value)?.[0];
  const found = textProblem(value)?.found ?? (special ? characterWords(special) : null);
  if (!found) return;
  const fix =
    special && !textProblem(value) ? ` (in a URL, write it percent-encoded: %${special.charCodeAt(0).toString(16).toUpperCase()})` : '';
  report({
    code: 'env-value-unsafe',
    message: `${what} contains ${found}; it is written as a line of /etc/default/rke2-server|agent, where systemd would read it as part of the line's syntax and could change or add settings of the RKE2 service${fix}`,
    path,
  });
}

export function checkHost(report: Report, path: FindingPath, host: string, what: string): void {
  const problem = hostProblem(host);
  if (!problem) return;
  report({
    code: 'host-invalid',
    message: `${what} "${host}" ${problem.message}`,
    path,
    ...(problem.suggestion ? { fix: { description: `use ${problem.suggestion}`, value: problem.suggestion } } : {}),
  });
}

/** Strings inside a decoded RKE2 config: no control characters; the CIDRs also go into an env file. */
export function configFindings(report: Report, config: Map<string, GoValue>, path: FindingPath, what: string): void {
  for (const [at, text] of goStringsOf(config, path)) {
    // Config values are flags on the device: tabs and line breaks are escaped safely, bidirectional controls are not wanted.
    const found = firstUnsafeCharacter(text, true) ?? firstBidiControl(text);
    if (found) {
      report({
        code: 'control-character',
        message: `${what}: "${at.slice(path.length).join('.')}" contains ${describeCharacter(found.cp)}; the device's readers refuse it or change it`,
        path,
      });
    }
  }
  for (const key of ENV_CONFIG_KEYS) {
    const value = config.get(key);
    if (typeof value === 'string') checkEnvValue(report, path, value, `${what}: ${key}`);
  }
}

/** PEM text: LF line breaks only (no tab, CR or other control character), at most PEM_MAX_BYTES. */
export function checkPem(report: Report, path: FindingPath, text: string, what: string): void {
  const bad = /[\0-\x09\x0b-\x1f\x7f]/.exec(text);
  if (bad) {
    report({
      code: 'control-character',
      message: `${what} contains ${describeCharacter(bad[0].charCodeAt(0))} at character ${bad.index + 1}; PEM has only text lines ending in a line feed`,
      path,
    });
    return;
  }
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > PEM_MAX_BYTES)
    report({
      code: 'too-large',
      message: `${what} is ${bytes} bytes; the designer accepts PEM contents of at most ${formatBytes(PEM_MAX_BYTES)}`,
      path,
    });
}

export function sizeFindings(report: Report, text: string, path: FindingPath, what: string): void {
  if (text.length * 3 <= LIMITS.extraConfigBytes) return; // at most 3 UTF-8 bytes per UTF-16 unit
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > LIMITS.extraConfigBytes) {
    report({
      code: 'too-large',
      message: `${what} is ${bytes} bytes; the designer accepts at most ${formatBytes(LIMITS.extraConfigBytes)}`,
      path,
    });
  }
}

export function collect(check: (report: Report) => void): Finding[] {
  const { findings, report } = collector();
  check(report);
  return findings;
}
