/**
 * The checks a site's rules share, each run once per lintSite: every one finds several codes
 * (rules/<code>.ts says which it uses). They call the family modules that hold the logic.
 */
import { describeFailure } from '../provider/runPlugin.js';
import { parseRke2Version } from '../site/designerRules.js';
import type { ExpandedNode, ExpandedSite } from '../site/expandSite.js';
import type { Site } from '../site/siteSchema.js';
import { lintAddressing } from './addressingRules.js';
import { lintAirGap } from './airGapRules.js';
import { bootCheckFindings } from './bootCheckFindings.js';
import { lintRke2Config } from './configKeyRules.js';
import { lintEndpoint } from './endpointRules.js';
import type { Finding } from './finding.js';
import { lintLogin } from './loginRules.js';
import { lintNodeFields } from './nodeRules.js';
import { lintNoProxy, lintProxyUrls } from './noProxyRules.js';
import { lintRegistryTls } from './registryTlsRules.js';
import { sharedCheck, type Check, type SiteRuleContext } from './rules/defineRule.js';
import { siteSecurityFindings } from './securityRules.js';
import { lintSiteSettings, unreadableConfigFindings } from './siteRules.js';
import { lintTopology } from './topologyRules.js';

export function siteRuleContext(site: Site, expanded: ExpandedSite): SiteRuleContext {
  return { site, expanded, version: parseRke2Version(site.rke2Version) ?? { minor: 36, patch: undefined } };
}

/** Text safety of every field, and the fields that reach a shell line, a file line or an env file. */
export const siteSecurity: Check<SiteRuleContext> = sharedCheck(({ site, expanded }: SiteRuleContext) =>
  siteSecurityFindings(site, {
    clusterExtra: expanded.context.clusterExtra,
    nodeExtras: new Map(expanded.nodes.map((n) => [n.index, n.nodeExtra])),
  }),
);

/** The cluster-wide settings: token, control-plane host, TLS SANs, kubeconfig mode, FIPS, the site's extra config. */
export const siteSettings: Check<SiteRuleContext> = sharedCheck(({ site, expanded }: SiteRuleContext) =>
  lintSiteSettings(site, expanded.context.clusterExtra),
);

/** Every extra config (the site's and each node's) against the RKE2 catalog and the provider's traps. */
export const siteConfigKeys: Check<SiteRuleContext> = sharedCheck(({ expanded, version }: SiteRuleContext) => {
  const { context } = expanded;
  const base = { version, controlPlaneHost: context.controlPlane.host, designer: true, lineOffset: 0 };
  const findings: Finding[] = [];
  if (context.clusterExtra.ok) findings.push(...lintRke2Config(context.clusterExtra, { ...base, path: ['extraConfig'], role: 'both' }));
  for (const node of expanded.nodes) {
    const path = ['nodes', node.index, 'extraConfig'];
    if (node.nodeExtra.ok) {
      findings.push(...lintRke2Config(node.nodeExtra, { ...base, path, role: node.node.role === 'worker' ? 'agent' : 'server' }));
    } else {
      findings.push(...unreadableConfigFindings(node.nodeExtra, path, `${node.node.name}'s extra config`));
    }
  }
  return findings;
});

/** Each node's own fields: Kubernetes names, labels, taints, the address. */
export const siteNodeFields: Check<SiteRuleContext> = sharedCheck(({ expanded }: SiteRuleContext) =>
  expanded.nodes.flatMap((node) => lintNodeFields(node.node, ['nodes', node.index])),
);

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
        message: `${expanded.node.name}: the provider's jq merge fails (${plan.merged.shown.trim()}), leaving /etc/rancher/rke2/config.yaml empty`,
        path,
      },
    ];
  }
  return [];
}

/** What the provider does with each node's generated cloud-config: a panic, or a jq merge that fails. */
export const sitePlans: Check<SiteRuleContext> = sharedCheck(({ expanded }: SiteRuleContext) => expanded.nodes.flatMap(planFindings));

/** The set of nodes: one init node, an odd etcd count, unique names and addresses. */
export const siteTopology: Check<SiteRuleContext> = sharedCheck(({ site }: SiteRuleContext) =>
  lintTopology(site.nodes.map((n, i) => ({ name: n.name, role: n.role, address: n.address, path: ['nodes', i] }))),
);

/** The proxy URLs, and what NO_PROXY must cover. */
export const siteProxy: Check<SiteRuleContext> = sharedCheck(({ site }: SiteRuleContext) => [
  ...lintProxyUrls([
    [['proxy', 'httpProxy'], site.proxy.httpProxy, 'The HTTP proxy'],
    [['proxy', 'httpsProxy'], site.proxy.httpsProxy, 'The HTTPS proxy'],
  ]),
  ...lintNoProxy({
    ...site.proxy,
    controlPlaneHost: site.cluster.controlPlaneHost,
    nodeAddresses: site.nodes.map((n) => n.address),
    joins: site.nodes.some((n) => n.role !== 'init'),
    path: ['proxy', 'noProxy'],
  }),
]);

export const siteAirGap: Check<SiteRuleContext> = sharedCheck(({ site }: SiteRuleContext) => lintAirGap(site));
export const siteRegistryTls: Check<SiteRuleContext> = sharedCheck(({ site }: SiteRuleContext) => lintRegistryTls(site));
export const siteAddressing: Check<SiteRuleContext> = sharedCheck(({ site }: SiteRuleContext) => lintAddressing(site));
export const siteEndpoint: Check<SiteRuleContext> = sharedCheck(({ site }: SiteRuleContext) => lintEndpoint(site));
export const siteLogin: Check<SiteRuleContext> = sharedCheck(({ site }: SiteRuleContext) => lintLogin(site));
export const siteBootCheck: Check<SiteRuleContext> = sharedCheck(({ site, expanded }: SiteRuleContext) =>
  bootCheckFindings(site, expanded),
);
