/**
 * Every finding for a site: its settings, each node's fields and extra config, the set of nodes,
 * NO_PROXY, and what the provider does with each node's generated cloud-config.
 */
import { describeFailure } from '../provider/runPlugin.js';
import { parseRke2Version } from '../site/designerRules.js';
import { expandSite, type ExpandedNode, type ExpandedSite } from '../site/expandSite.js';
import type { Site } from '../site/siteSchema.js';
import { lintRke2Config } from './configKeyRules.js';
import type { Finding } from './finding.js';
import { lintNodeFields } from './nodeRules.js';
import { lintNoProxy, lintProxyUrls } from './noProxyRules.js';
import { siteSecurityFindings } from './securityRules.js';
import { lintSiteSettings, unreadableConfigFindings } from './siteRules.js';
import { lintTopology } from './topologyRules.js';
import { lintEndpoint } from './endpointRules.js';
import { lintLogin } from './loginRules.js';
import { bootCheckFindings } from './bootCheckFindings.js';
import { lintAddressing } from './addressingRules.js';
import { lintAirGap } from './airGapRules.js';
import { lintRegistryTls } from './registryTlsRules.js';

function planFindings(expanded: ExpandedNode): Finding[] {
  const path = ['nodes', expanded.index];
  const { plan } = expanded;
  const failure = describeFailure(plan);
  if (failure) return [{ severity: 'error', code: 'provider-panic', message: `${expanded.node.name}: ${failure}`, path }];
  if (plan.kind === 'written' && !plan.merged.ok) {
    return [
      {
        severity: 'error',
        code: 'jq-merge-failed',
        message: `${expanded.node.name}: the provider's jq merge fails (${plan.merged.error.trim()}), leaving /etc/rancher/rke2/config.yaml empty`,
        path,
      },
    ];
  }
  return [];
}

export function lintSite(site: Site, expanded: ExpandedSite = expandSite(site)): Finding[] {
  if (expanded.tooLarge) return [{ severity: 'error', code: 'too-large', message: expanded.tooLarge, path: [] }];
  const { context } = expanded;
  const version = parseRke2Version(site.rke2Version) ?? { minor: 36, patch: undefined };
  const findings = siteSecurityFindings(site, {
    clusterExtra: context.clusterExtra,
    nodeExtras: new Map(expanded.nodes.map((n) => [n.index, n.nodeExtra])),
  });
  findings.push(...lintSiteSettings(site, context.clusterExtra));
  findings.push(...lintAirGap(site), ...lintRegistryTls(site), ...lintAddressing(site));
  findings.push(...lintEndpoint(site), ...lintLogin(site));
  const base = { version, controlPlaneHost: context.controlPlane.host, designer: true, lineOffset: 0 };
  if (context.clusterExtra.ok) findings.push(...lintRke2Config(context.clusterExtra, { ...base, path: ['extraConfig'], role: 'both' }));
  for (const node of expanded.nodes) {
    const path = ['nodes', node.index];
    findings.push(...lintNodeFields(node.node, path));
    const extraPath = [...path, 'extraConfig'];
    if (node.nodeExtra.ok) {
      findings.push(
        ...lintRke2Config(node.nodeExtra, { ...base, path: extraPath, role: node.node.role === 'worker' ? 'agent' : 'server' }),
      );
    } else {
      findings.push(...unreadableConfigFindings(node.nodeExtra, extraPath, `${node.node.name}'s extra config`));
    }
    findings.push(...planFindings(node));
  }
  findings.push(...lintTopology(site.nodes.map((n, i) => ({ name: n.name, role: n.role, address: n.address, path: ['nodes', i] }))));
  findings.push(
    ...lintProxyUrls([
      [['proxy', 'httpProxy'], site.proxy.httpProxy, 'The HTTP proxy'],
      [['proxy', 'httpsProxy'], site.proxy.httpsProxy, 'The HTTPS proxy'],
    ]),
    ...lintNoProxy({
      ...site.proxy,
      controlPlaneHost: site.cluster.controlPlaneHost,
      nodeAddresses: site.nodes.map((n) => n.address),
      path: ['proxy', 'noProxy'],
    }),
  );
  findings.push(...bootCheckFindings(site, expanded));
  return findings;
}
