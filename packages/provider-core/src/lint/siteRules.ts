/**
 * Checks on a site's cluster-wide settings. Codes: token-weak, ipv6-server-url, duplicate-tls-san,
 * wrong-type (kubeconfig mode), provider-panic (extra config that the provider
 * could not read). Image sources and archives: airGapRules.ts.
 */
import { isBareIpv6 } from '../net/ipAddress.js';
import { tokenWeakness } from '../site/clusterToken.js';
import type { Rke2ConfigRead } from '../site/readRke2Config.js';
import type { Site } from '../site/siteSchema.js';
import type { Finding, FindingPath } from './finding.js';

export function tokenFindings(token: string, path: FindingPath): Finding[] {
  const weakness = tokenWeakness(token);
  return weakness
    ? [{ severity: 'error', code: 'token-weak', message: weakness, path, fix: { description: 'generate a new random token' } }]
    : [];
}

/** Extra config YAML that cannot be read: the provider would panic on it (cases 29, 30). */
export function unreadableConfigFindings(read: Rke2ConfigRead, path: FindingPath, what: string, designer = true): Finding[] {
  if (read.ok) return [];
  const reason = read.message.startsWith('it expands')
    ? `cannot be used: ${read.message}`
    : read.problem === 'syntax'
      ? `is not valid YAML (${read.message})`
      : read.message.replace(/^the settings/, 'it');
  return [
    {
      severity: 'error',
      code: 'provider-panic',
      message: `${what} ${reason}. ${designer ? 'Given to the provider, it would stop without configuring RKE2; the designer leaves it out until it is fixed' : 'The provider stops on it without configuring RKE2'}`,
      path,
      line: read.line,
      column: read.column,
    },
  ];
}

export function lintSiteSettings(site: Site, clusterExtra: Rke2ConfigRead): Finding[] {
  const findings: Finding[] = [...tokenFindings(site.cluster.token, ['cluster', 'token'])];
  const host = site.cluster.controlPlaneHost;
  if (host === '') {
    findings.push({
      severity: 'error',
      code: 'provider-panic',
      message: 'no control-plane host is set: joining nodes would be sent to "https://:9345"',
      path: ['cluster', 'controlPlaneHost'],
    });
  } else if (isBareIpv6(host) && site.nodes.some((n) => n.role !== 'init')) {
    findings.push({
      severity: 'info',
      code: 'ipv6-server-url',
      message: `the provider writes the server URL as https://${host}:9345, which is not a valid URL; the designer passes the host as [${host}] and adds ${host} to tls-san`,
      path: ['cluster', 'controlPlaneHost'],
    });
  }
  site.cluster.tlsSans.forEach((san, i) => {
    if (san === host || site.cluster.tlsSans.indexOf(san) !== i) {
      findings.push({
        severity: 'warning',
        code: 'duplicate-tls-san',
        message:
          san === host ? `"${san}" is the control-plane host, which the provider already adds to tls-san` : `"${san}" is listed twice`,
        path: ['cluster', 'tlsSans', i],
        fix: { description: 'remove it' },
      });
    }
  });
  if (!/^0?[0-7]{3}$/.test(site.security.writeKubeconfigMode.trim())) {
    findings.push({
      severity: 'error',
      code: 'wrong-type',
      message: `kubeconfig mode "${site.security.writeKubeconfigMode}" must be an octal mode such as 0600 or 0640`,
      path: ['security', 'writeKubeconfigMode'],
      fix: { description: 'use 0600', value: '0600' },
    });
  }
  findings.push(...unreadableConfigFindings(clusterExtra, ['extraConfig'], "The site's extra config"));
  return findings;
}
