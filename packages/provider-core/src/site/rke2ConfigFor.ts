/**
 * The RKE2 config a node gets (what its cloud-config's `cluster.config` holds): the site's form
 * settings, then the site's extra config, then the node's extra config, each key replacing an
 * earlier one as in RKE2's own config files; then the designer rules (designerRules.ts).
 */
import type { GoObject, GoValue } from '../yaml/goJson.js';
import { parseCidr, formatIp } from '../net/ipAddress.js';
import {
  appliesToRole,
  clusterDnsFor,
  cisProfileFor,
  kubeconfigModeText,
  parseRke2Version,
  providerControlPlaneHost,
  withRequiredCidrs,
  withoutProviderKeys,
} from './designerRules.js';
import { podSecurityConfig, POD_SECURITY_CONFIG_PATH } from './podSecurityConfig.js';
import { readRke2Config, type Rke2ConfigRead } from './readRke2Config.js';
import { registriesYaml } from './registriesYaml.js';
import { isServerRole, type Site, type SiteNode } from './siteSchema.js';

/** What every node of a site shares, computed once per site. */
export interface SiteContext {
  site: Site;
  clusterExtra: Rke2ConfigRead;
  controlPlane: { host: string; extraTlsSan: string | null };
  podSecurityConfig: string | null;
  registriesYaml: string | null;
}

export function siteContext(site: Site): SiteContext {
  return {
    site,
    clusterExtra: readRke2Config(site.extraConfig),
    controlPlane: providerControlPlaneHost(site.cluster.controlPlaneHost),
    podSecurityConfig: podSecurityConfig(site.security),
    registriesYaml: registriesYaml(site.airGap),
  };
}

export interface NodeConfig {
  config: GoObject;
  nodeExtra: Rke2ConfigRead;
  /** token/server keys found in extra config and left out. */
  removedProviderKeys: string[];
  /** cluster-cidr/service-cidr put back after extra config removed or broke them. */
  restoredCidrs: string[];
}

function formSettings(ctx: SiteContext, node: SiteNode): [string, GoValue][] {
  const { site } = ctx;
  const { network, security } = site;
  // The provider needs both CIDRs on every role, workers included (provider.go:177-178, case 04).
  const entries: [string, GoValue][] = [
    ['cluster-cidr', network.clusterCidr],
    ['service-cidr', network.serviceCidr],
  ];
  if (isServerRole(node.role)) {
    // The control-plane host (the kube-vip VIP, the load balancer) needs no entry here: the provider
    // adds it to tls-san on every node (99_userdata.yaml, userConfigJson.ts).
    const tlsSan = [...site.cluster.tlsSans, ...(ctx.controlPlane.extraTlsSan ? [ctx.controlPlane.extraTlsSan] : [])];
    const clusterDns = network.clusterDns || clusterDnsFor(network.serviceCidr);
    entries.push(
      ...(clusterDns ? [['cluster-dns', clusterDns] as [string, GoValue]] : []),
      ['cluster-domain', network.clusterDomain],
      ['cni', network.multus ? ['multus', network.cni] : [network.cni]],
      ['ingress-controller', [network.ingressController]],
      ['write-kubeconfig-mode', kubeconfigModeText(security.writeKubeconfigMode)],
      ['secrets-encryption-provider', security.secretsEncryptionProvider],
    );
    if (tlsSan.length > 0) entries.push(['tls-san', tlsSan]);
    if (ctx.podSecurityConfig !== null) entries.push(['pod-security-admission-config-file', POD_SECURITY_CONFIG_PATH]);
  }
  // On every role: RKE2 checks the profile on agents too (profile_linux.go, validateProfile), and
  // agents pull their system images (kube-proxy, the CNI) from system-default-registry as well.
  const version = parseRke2Version(site.rke2Version);
  if (security.cisProfile && version) entries.push(['profile', cisProfileFor(version)]);
  if (site.airGap.systemDefaultRegistry) entries.push(['system-default-registry', site.airGap.systemDefaultRegistry]);
  if (security.selinux) entries.push(['selinux', true]);
  const address = parseCidr(node.address)?.address;
  if (node.setNodeIp && address) entries.push(['node-ip', [formatIp(address)]]);
  if (node.labels.length > 0) entries.push(['node-label', [...node.labels]]);
  if (node.taints.length > 0) entries.push(['node-taint', [...node.taints]]);
  return entries;
}

/**
 * A node's extra config, read once per site and text: most nodes have the same one (often none),
 * and read-backs are shared like `clusterExtra` (nothing changes them). Keyed by the context, which
 * belongs to one site.
 */
const nodeExtraReads = new WeakMap<SiteContext, Map<string, Rke2ConfigRead>>();

function readNodeExtra(ctx: SiteContext, text: string): Rke2ConfigRead {
  let reads = nodeExtraReads.get(ctx);
  if (reads === undefined) nodeExtraReads.set(ctx, (reads = new Map()));
  let read = reads.get(text);
  if (read === undefined) reads.set(text, (read = readRke2Config(text)));
  return read;
}

export function rke2ConfigFor(ctx: SiteContext, node: SiteNode): NodeConfig {
  const role = isServerRole(node.role) ? 'server' : 'agent';
  const config: GoObject = new Map(formSettings(ctx, node));
  if (ctx.clusterExtra.ok) {
    for (const [k, v] of ctx.clusterExtra.config) if (appliesToRole(k, role)) config.set(k, v);
  }
  const nodeExtra = readNodeExtra(ctx, node.extraConfig);
  if (nodeExtra.ok) for (const [k, v] of nodeExtra.config) config.set(k, v);
  const withoutKeys = withoutProviderKeys(config);
  const withCidrs = withRequiredCidrs(withoutKeys.config, ctx.site.network);
  return { config: withCidrs.config, nodeExtra, removedProviderKeys: withoutKeys.removed, restoredCidrs: withCidrs.restored };
}
