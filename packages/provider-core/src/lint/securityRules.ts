/**
 * The security class of findings (SECURITY_CODES): values that would run a command on the device,
 * add a line to one of its files, make its YAML reader refuse the user-data, or exceed the sizes
 * the designer accepts. Checked on sites (every text field, then the fields that reach a shell
 * line or a file) and on cloud-configs as they are linted and imported.
 *
 * Where values go on the device (provider-rke2 v4.8.2, clusterProvider.ts):
 * - `local_images_path` and `providerConfig.cluster_root_path` are pasted unquoted into the shell
 *   line `/bin/sh ROOT/opt/rke2/scripts/import.sh PATH > /var/log/import.log` and `[  -d PATH ]`;
 * - HTTP_PROXY, HTTPS_PROXY, NO_PROXY, cluster-cidr and service-cidr become `KEY=value` lines of
 *   /etc/default/rke2-server|agent, which systemd reads as an EnvironmentFile (quotes and
 *   backslashes are interpreted there);
 * - the control-plane host becomes `server: https://HOST:9345`.
 */
import { utf8Length } from '../bytes/utf8.js';
import { LIMITS, formatBytes } from '../limits.js';
import { hostProblem } from '../net/hostName.js';
import { interfaceNameProblem } from '../net/interfaceName.js';
import type { CloudConfigOutline } from '../kairos/cloudConfigOutline.js';
import type { Cluster } from '../kairos/clusterSchema.js';
import type { Rke2ConfigRead } from '../site/readRke2Config.js';
import { REGISTRY_TLS_DIR, TLS_PARTS } from '../site/registryTlsSteps.js';
import type { Site } from '../site/siteSchema.js';
import type { GoValue } from '../yaml/goJson.js';
import type { RawNode } from '../yaml/readYamlDocument.js';
import { isShellSafeFileName, isShellSafePath, SAFE_PATH_CHARACTER, SAFE_PATH_WORDS } from '../text/shellSafePath.js';
import type { Finding, FindingPath } from './finding.js';
import { firstBidiControl, firstUnsafeCharacter, describeCharacter, lineColumnAt, textProblem } from './unsafeText.js';

/** Site fields that hold several lines of text. */
const MULTI_LINE_FIELDS = new Set(['description', 'extraConfig', 'caPem', 'certPem', 'keyPem']);
/** PEM contents of registry TLS files (written to files on every node): lines separated by LF only, at most this many bytes. */
const PEM_FIELDS = ['caPem', 'certPem', 'keyPem'] as const;
export const PEM_MAX_BYTES = 64 * 1024;
/** Why a path field is checked: the provider's shell line, or a file path read on the device. */
const IN_SHELL = 'the provider pastes this path unquoted into a shell command run as root';
const ON_DEVICE = 'it is a path on the device, written into its configuration files';
/** Characters systemd's EnvironmentFile reader interprets: quotes, escapes, variable references. */
const ENV_UNSAFE = /["'\\$`]/;
/** RKE2 config keys the provider copies into /etc/default/rke2-* (NO_PROXY). */
const ENV_CONFIG_KEYS = ['cluster-cidr', 'service-cidr'];

type Report = (f: Omit<Finding, 'severity'>) => void;

function collector(): { findings: Finding[]; report: Report } {
  const findings: Finding[] = [];
  return { findings, report: (f) => findings.push({ severity: 'error', ...f }) };
}

const label = (path: FindingPath) => path.join('.');

/** A site field in words, for messages: `the http proxy`, `labels item 2 of node 4`. */
function fieldWords(path: FindingPath): string {
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
function eachString(value: unknown, path: (string | number)[], visit: (path: readonly (string | number)[], text: string) => void): void {
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

function checkUserName(report: Report, path: FindingPath, name: string, line?: number): void {
  if (name === '' || USER_NAME.test(name)) return;
  report({
    code: 'os-user-invalid',
    message: `the user name "${name}" must be lower-case letters, digits, "_" and "-" (at most 32, not starting with a digit or "-"): it becomes a line of /etc/passwd, where other characters (":" above all) change what the line says`,
    path,
    ...(line ? { line } : {}),
  });
}

/** `plainAllowed`: Kairos' own `passwd:` may be a plain password (it hashes it); the site's field is a hash. */
function checkPasswordHash(report: Report, path: FindingPath, hash: string, line?: number, plainAllowed = false): void {
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

function checkHostName(report: Report, path: FindingPath, name: string, line?: number): void {
  if (HOST_NAME.test(name)) return;
  report({
    code: 'host-invalid',
    message: `the host name "${name}" must be letters, digits, "-" and ".": the OS sets it as the machine's name and RKE2 registers the node under it`,
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

function checkPath(report: Report, path: FindingPath, value: string, what: string, why = IN_SHELL): void {
  const problem = pathProblem(value, why);
  if (problem) report({ code: 'unsafe-path', message: `${what} "${value}" ${problem}`, path });
}

function checkEnvValue(report: Report, path: FindingPath, value: string, what: string): void {
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

function checkHost(report: Report, path: FindingPath, host: string, what: string): void {
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
function configFindings(report: Report, config: Map<string, GoValue>, path: FindingPath, what: string): void {
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
function checkPem(report: Report, path: FindingPath, text: string, what: string): void {
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

function sizeFindings(report: Report, text: string, path: FindingPath, what: string): void {
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

/** The site's extra configs as the expansion read them (node extras by node index; some may be left out). */
export interface SiteConfigReads {
  clusterExtra: Rke2ConfigRead;
  nodeExtras: ReadonlyMap<number, Rke2ConfigRead>;
}

/** Every security finding of a site; `reads` are its extra configs as the expansion read them. */
export function siteSecurityFindings(site: Site, reads?: SiteConfigReads): Finding[] {
  const { findings, report } = collector();
  const flagged = new Set<string>();
  eachString(site, [], (at, text) => {
    const problem = textProblem(text, MULTI_LINE_FIELDS.has(String(at[at.length - 1])));
    if (!problem) return;
    const path = [...at];
    flagged.add(label(path));
    report({ code: problem.code, message: `${fieldWords(path)} ${problem.message}`, path });
  });
  const unflagged = (path: FindingPath) => !flagged.has(label(path));
  const { cluster, airGap, proxy, network, os } = site;

  if (cluster.controlPlaneHost !== '' && unflagged(['cluster', 'controlPlaneHost'])) {
    checkHost(report, ['cluster', 'controlPlaneHost'], cluster.controlPlaneHost, 'the control-plane host');
  }
  if (airGap.imagesPath !== '' && unflagged(['airGap', 'imagesPath']))
    checkPath(report, ['airGap', 'imagesPath'], airGap.imagesPath, 'the images folder');
  airGap.registryConfigs.forEach((registry, i) => {
    for (const field of ['caFile', 'certFile', 'keyFile'] as const) {
      const path = ['airGap', 'registryConfigs', i, field];
      if (registry[field] !== '' && unflagged(path))
        checkPath(report, path, registry[field], `${field} of registry ${registry.host || i + 1}`, ON_DEVICE);
    }
    for (const field of PEM_FIELDS) {
      const path = ['airGap', 'registryConfigs', i, field];
      if (registry[field] !== '' && unflagged(path))
        checkPem(report, path, registry[field], `${field} of registry ${registry.host || i + 1}`);
    }
    // Content the designer writes goes to its own folder only: a path elsewhere could replace any file of the device.
    for (const { pem, file } of TLS_PARTS) {
      const path = ['airGap', 'registryConfigs', i, file];
      if (registry[pem] !== '' && registry[file] !== '' && unflagged(path) && !registry[file].startsWith(`${REGISTRY_TLS_DIR}/`)) {
        report({
          code: 'unsafe-path',
          message: `${file} of registry ${registry.host || i + 1} is "${registry[file]}": the designer writes certificate and key contents only under ${REGISTRY_TLS_DIR}/; leave the path empty to have it chosen there`,
          path,
        });
      }
    }
  });
  const pemBytes = airGap.registryConfigs.reduce((sum, r) => sum + PEM_FIELDS.reduce((n, f) => n + utf8Length(r[f]), 0), 0);
  if (pemBytes > LIMITS.registryTlsBytes) {
    report({
      code: 'too-large',
      message: `the registries' certificates and keys are ${pemBytes} bytes together; every node gets all of them, and the designer accepts at most ${formatBytes(LIMITS.registryTlsBytes)}`,
      path: ['airGap', 'registryConfigs'],
    });
  }
  const registries = airGap.registryConfigs.length + airGap.mirrors.length;
  if (registries > LIMITS.registries) {
    report({
      code: 'too-large',
      message: `the site has ${registries} registry mirrors and settings; the designer accepts at most ${LIMITS.registries}`,
      path: ['airGap'],
    });
  }
  // Archive names become part of the shell lines of the step that links them (airGapSteps).
  airGap.imageArchives.forEach((name, i) => {
    const path = ['airGap', 'imageArchives', i];
    if (unflagged(path) && !isShellSafeFileName(name)) {
      report({
        code: 'unsafe-path',
        message: `the image archive name "${name}" must be a file name in the images folder (no "/"), made of letters, digits and . _ - + @ , =: the designer links it with a shell command run as root`,
        path,
      });
    }
  });
  if (!['', 'auto'].includes(os.install.device) && unflagged(['os', 'install', 'device'])) {
    checkPath(report, ['os', 'install', 'device'], os.install.device, 'the install device', ON_DEVICE);
  }
  const envFields: [FindingPath, string, string][] = [
    [['proxy', 'httpProxy'], proxy.httpProxy, 'HTTP_PROXY'],
    [['proxy', 'httpsProxy'], proxy.httpsProxy, 'HTTPS_PROXY'],
    [['proxy', 'noProxy'], proxy.noProxy, 'NO_PROXY'],
    [['network', 'clusterCidr'], network.clusterCidr, 'the cluster CIDR'],
    [['network', 'serviceCidr'], network.serviceCidr, 'the service CIDR'],
  ];
  for (const [path, value, what] of envFields) if (unflagged(path)) checkEnvValue(report, path, value, what);

  if (unflagged(['os', 'user', 'name'])) checkUserName(report, ['os', 'user', 'name'], os.user.name);
  if (unflagged(['os', 'user', 'passwordHash'])) checkPasswordHash(report, ['os', 'user', 'passwordHash'], os.user.passwordHash);
  site.nodes.forEach((node, i) => {
    const field = node.hostname ? 'hostname' : 'name';
    if (unflagged(['nodes', i, field])) checkHostName(report, ['nodes', i, field], node.hostname || node.name);
    // The interface name goes into the node's systemd-networkd unit (networkSteps) with static addressing.
    const ifacePath = ['nodes', i, 'interface'];
    const ifaceProblem = node.interface === '' && node.addressing !== 'static' ? null : interfaceNameProblem(node.interface);
    if (ifaceProblem && unflagged(ifacePath)) {
      report({
        code: 'interface-invalid',
        message: `the network interface "${node.interface}" of ${node.name} is not a Linux interface name: ${ifaceProblem}; it is written into the node's network configuration`,
        path: ifacePath,
      });
    }
  });
  if (site.nodes.length > LIMITS.nodes) {
    report({
      code: 'too-large',
      message: `the site has ${site.nodes.length} nodes; the designer accepts at most ${LIMITS.nodes} in one site`,
      path: ['nodes'],
    });
  }
  sizeFindings(report, site.extraConfig, ['extraConfig'], "the site's extra config");
  site.nodes.forEach((node, i) => sizeFindings(report, node.extraConfig, ['nodes', i, 'extraConfig'], `${node.name}'s extra config`));
  if (reads?.clusterExtra.ok) configFindings(report, reads.clusterExtra.config, ['extraConfig'], "the site's extra config");
  for (const [i, read] of reads?.nodeExtras ?? []) {
    if (read.ok) configFindings(report, read.config, ['nodes', i, 'extraConfig'], `${site.nodes[i]?.name ?? i + 1}'s extra config`);
  }
  return findings;
}

/** Kairos OS fields of a cloud-config that are one line on the device: hostname, users, install device. */
function osFieldFindings(report: Report, topLevel: Map<string, RawNode>): void {
  const scalar = (node: RawNode | undefined, path: FindingPath, what: string, check?: (value: string) => void) => {
    if (node?.kind !== 'scalar') return;
    const problem = textProblem(node.value);
    if (problem) report({ code: problem.code, message: `${what} ${problem.message}`, path, line: node.line });
    else check?.(node.value);
  };
  const fields = (node: RawNode | undefined) =>
    new Map(node?.kind === 'map' ? node.pairs.flatMap((p) => (p.key.kind === 'scalar' ? [[p.key.value, p.value] as const] : [])) : []);
  const hostname = topLevel.get('hostname');
  scalar(hostname, ['hostname'], 'hostname', (value) => checkHostName(report, ['hostname'], value, hostname?.line));
  const users = topLevel.get('users');
  if (users?.kind === 'seq') {
    users.items.forEach((user, i) => {
      const f = fields(user);
      const name = f.get('name');
      const passwd = f.get('passwd');
      scalar(name, ['users', i, 'name'], 'the user name', (value) => checkUserName(report, ['users', i, 'name'], value, name?.line));
      scalar(passwd, ['users', i, 'passwd'], 'the password hash', (value) =>
        checkPasswordHash(report, ['users', i, 'passwd'], value, passwd?.line, true),
      );
      const keys = f.get('ssh_authorized_keys');
      if (keys?.kind === 'seq') keys.items.forEach((key, k) => scalar(key, ['users', i, 'ssh_authorized_keys', k], 'the SSH key'));
    });
  }
  const device = fields(topLevel.get('install')).get('device');
  scalar(device, ['install', 'device'], 'the install device', (value) => {
    if (value !== 'auto' && value !== '')
      for (const f of collect((r) => checkPath(r, ['install', 'device'], value, 'the install device', ON_DEVICE)))
        report({ ...f, line: device!.line });
  });
}

/**
 * Security findings of a cloud-config: characters its YAML reader refuses (with line and column),
 * the OS fields that are one line on the device, and the values of its `cluster:` section that
 * reach a shell line, a file line or the server URL.
 */
export function cloudConfigSecurityFindings(
  text: string,
  decoded: { cluster: Cluster; config: Rke2ConfigRead; outline: CloudConfigOutline } | null,
): Finding[] {
  const { findings, report } = collector();
  const bom = text.startsWith('\ufeff') ? 1 : 0;
  const raw = firstUnsafeCharacter(text.slice(bom), true);
  if (raw) {
    const at = lineColumnAt(text, raw.index + bom);
    report({
      code: 'control-character',
      message: `the file contains ${describeCharacter(raw.cp)}: Kairos' YAML reader refuses it or reads it differently from this preview`,
      path: [],
      ...at,
    });
  }
  if (text.length > LIMITS.cloudConfigBytes) {
    report({
      code: 'too-large',
      message: `the file has ${text.length} characters; the designer accepts cloud-configs of at most ${formatBytes(LIMITS.cloudConfigBytes)}`,
      path: [],
    });
  }
  if (!decoded) return findings;
  const { cluster, config, outline } = decoded;
  osFieldFindings(report, outline.topLevel);
  const lineOf = (key: string) => {
    const line = outline.clusterKeyLines.get(key);
    return line ? { line } : {};
  };
  const tokenText = textProblem(cluster.cluster_token ?? '');
  if (tokenText)
    report({
      code: tokenText.code,
      message: `cluster_token ${tokenText.message}`,
      path: ['cluster', 'cluster_token'],
      ...lineOf('cluster_token'),
    });
  const host = cluster.control_plane_host ?? '';
  const hostPath = ['cluster', 'control_plane_host'];
  const hostText = textProblem(host);
  if (hostText)
    report({ code: hostText.code, message: `control_plane_host ${hostText.message}`, path: hostPath, ...lineOf('control_plane_host') });
  else if (host !== '')
    for (const f of collect((r) => checkHost(r, hostPath, host, 'control_plane_host')))
      findings.push({ ...f, ...lineOf('control_plane_host') });
  const paths: [FindingPath, string | undefined, string, string][] = [
    [['cluster', 'local_images_path'], cluster.local_images_path, 'local_images_path', 'local_images_path'],
    [
      ['cluster', 'providerConfig', 'cluster_root_path'],
      cluster.providerConfig?.['cluster_root_path'],
      'providerConfig',
      'providerConfig.cluster_root_path',
    ],
    [['cluster', 'cluster_config_path'], cluster.cluster_config_path, 'cluster_config_path', 'cluster_config_path'],
  ];
  for (const [path, value, key, what] of paths) {
    const why = key === 'cluster_config_path' ? ON_DEVICE : IN_SHELL;
    if (value) for (const f of collect((r) => checkPath(r, path, value, what, why))) findings.push({ ...f, ...lineOf(key) });
  }
  for (const key of ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY']) {
    const value = cluster.env?.[key];
    if (value !== undefined)
      for (const f of collect((r) => checkEnvValue(r, ['cluster', 'env', key], value, `env ${key}`)))
        findings.push({ ...f, ...lineOf('env') });
  }
  if (config.ok)
    for (const f of collect((r) => configFindings(r, config.config, ['cluster', 'config'], 'config')))
      findings.push({ ...f, ...lineOf('config') });
  return findings;
}

function collect(check: (report: Report) => void): Finding[] {
  const { findings, report } = collector();
  check(report);
  return findings;
}
