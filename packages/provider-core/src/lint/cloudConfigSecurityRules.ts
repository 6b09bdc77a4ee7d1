/**
 * Security findings of a cloud-config (see securityRules.ts for where values go on the device):
 * raw characters of the file, its Kairos OS fields, and its cluster: values.
 */
import { LIMITS, formatBytes } from '../limits.js';
import type { CloudConfigOutline } from '../kairos/cloudConfigOutline.js';
import type { Cluster } from '../kairos/clusterSchema.js';
import type { Rke2ConfigRead } from '../site/readRke2Config.js';
import { deref, YAML_TAG_PREFIX, type RawNode } from '../yaml/readYamlDocument.js';
import { decodeGoBase64 } from '../yaml/goBase64.js';
import type { Finding, FindingPath } from './finding.js';
import { firstUnsafeCharacter, describeCharacter, lineColumnAt, textProblem } from './unsafeText.js';
import {
  checkEnvValue,
  checkHost,
  checkHostName,
  checkPasswordHash,
  checkPath,
  checkUserName,
  collect,
  collector,
  configFindings,
  IN_SHELL,
  ON_DEVICE,
  type Report,
} from './securityChecks.js';

/** Kairos OS fields of a cloud-config that are one line on the device: hostname, users, install device. */
function osFieldFindings(report: Report, topLevel: Map<string, RawNode>): void {
  const scalar = (node: RawNode | undefined, path: FindingPath, what: string, check?: (value: string) => void) => {
    const target = deref(node);
    if (target?.kind !== 'scalar') return;
    // What the device's decoder gives the field: a `!!binary` scalar is its decoded base64 (yaml.v3
    // d.scalar), which can hold a line break the text as written does not show.
    const binary = target.tag === `${YAML_TAG_PREFIX}binary`;
    const value = binary ? decodeGoBase64(target.value) : target.value;
    if (value === undefined) return; // bad base64: the SDK cannot decode the file (its own finding)
    const problem = textProblem(value);
    if (problem)
      report({
        code: problem.code,
        message: `${what}${binary ? ' (a !!binary value, as decoded)' : ''} ${problem.message}`,
        path,
        line: node!.line,
      });
    else check?.(value);
  };
  const fields = (node: RawNode | undefined, map = deref(node)) =>
    new Map(map?.kind === 'map' ? map.pairs.flatMap((p) => (p.key.kind === 'scalar' ? [[p.key.value, p.value] as const] : [])) : []);
  const hostname = topLevel.get('hostname');
  scalar(hostname, ['hostname'], 'hostname', (value) => checkHostName(report, ['hostname'], value, hostname?.line, true));
  const users = deref(topLevel.get('users'));
  if (users?.kind === 'seq') {
    users.items.forEach((user, i) => {
      const f = fields(user);
      const name = f.get('name');
      const passwd = f.get('passwd');
      scalar(name, ['users', i, 'name'], 'the user name', (value) => checkUserName(report, ['users', i, 'name'], value, name?.line));
      scalar(passwd, ['users', i, 'passwd'], 'the password hash', (value) =>
        checkPasswordHash(report, ['users', i, 'passwd'], value, passwd?.line, true),
      );
      const keys = deref(f.get('ssh_authorized_keys'));
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
