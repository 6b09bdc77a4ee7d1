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
import { interfaceNameProblem } from '../net/interfaceName.js';
import { tooManyNodesMessage } from '../site/expandSite.js';
import type { Rke2ConfigRead } from '../site/readRke2Config.js';
import { REGISTRY_TLS_DIR, TLS_PARTS } from '../site/registryTlsSteps.js';
import type { Site } from '../site/siteSchema.js';
import { isShellSafeFileName } from '../text/shellSafePath.js';
import type { Finding, FindingPath } from './finding.js';
import { textProblem } from './unsafeText.js';
import {
  checkEnvValue,
  checkHost,
  checkHostName,
  checkPasswordHash,
  checkPath,
  checkPem,
  checkUserName,
  collector,
  configFindings,
  eachString,
  fieldWords,
  label,
  MULTI_LINE_FIELDS,
  ON_DEVICE,
  PEM_FIELDS,
  sizeFindings,
  type Report,
} from './securityChecks.js';

/** The site's extra configs as the expansion read them (node extras by node index; some may be left out). */
export interface SiteConfigReads {
  clusterExtra: Rke2ConfigRead;
  nodeExtras: ReadonlyMap<number, Rke2ConfigRead>;
}

type Unflagged = (path: FindingPath) => boolean;

/** Every text field: control characters and line breaks. Returns whether a path is not flagged yet (one finding per field). */
function textFindings(report: Report, site: Site): Unflagged {
  const flagged = new Set<string>();
  eachString(site, [], (at, text) => {
    const problem = textProblem(text, MULTI_LINE_FIELDS.has(String(at[at.length - 1])));
    if (!problem) return;
    const path = [...at];
    flagged.add(label(path));
    report({ code: problem.code, message: `${fieldWords(path)} ${problem.message}`, path });
  });
  return (path) => !flagged.has(label(path));
}

/** Registry files and contents, their sizes, and image archive names. */
function airGapFindings(report: Report, airGap: Site['airGap'], unflagged: Unflagged): void {
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
}

/** Each node's host name and network interface. */
function nodeFindings(report: Report, site: Site, unflagged: Unflagged): void {
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
}

/** Every security finding of a site; `reads` are its extra configs as the expansion read them. */
/** More nodes than a site may have: the site is then not expanded or checked any further. */
export function tooManyNodes(site: Site): Finding | null {
  const message = tooManyNodesMessage(site);
  return message === null ? null : { severity: 'error', code: 'too-large', message, path: ['nodes'] };
}

export function siteSecurityFindings(site: Site, reads?: SiteConfigReads): Finding[] {
  const { findings, report } = collector();
  const unflagged = textFindings(report, site);
  const { cluster, airGap, proxy, network, os } = site;

  if (cluster.controlPlaneHost !== '' && unflagged(['cluster', 'controlPlaneHost'])) {
    checkHost(report, ['cluster', 'controlPlaneHost'], cluster.controlPlaneHost, 'the control-plane host');
  }
  if (airGap.imagesPath !== '' && unflagged(['airGap', 'imagesPath']))
    checkPath(report, ['airGap', 'imagesPath'], airGap.imagesPath, 'the images folder');
  airGapFindings(report, airGap, unflagged);
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
  nodeFindings(report, site, unflagged);
  const tooMany = tooManyNodes(site);
  if (tooMany) report(tooMany);
  sizeFindings(report, site.extraConfig, ['extraConfig'], "the site's extra config");
  site.nodes.forEach((node, i) => sizeFindings(report, node.extraConfig, ['nodes', i, 'extraConfig'], `${node.name}'s extra config`));
  if (reads?.clusterExtra.ok) configFindings(report, reads.clusterExtra.config, ['extraConfig'], "the site's extra config");
  for (const [i, read] of reads?.nodeExtras ?? []) {
    if (read.ok) configFindings(report, read.config, ['nodes', i, 'extraConfig'], `${site.nodes[i]?.name ?? i + 1}'s extra config`);
  }
  return findings;
}
