/**
 * The checks a cloud-config's rules share, each run once per lintCloudConfig (rules/<code>.ts say
 * which they use). Paths start at the document root (`['cluster', 'config', 'token']`); lines count
 * in the file.
 */
import { cloudConfigOutline } from '../kairos/cloudConfigOutline.js';
import { KAIROS_ROLES } from '../kairos/clusterSchema.js';
import { hostProblem } from '../net/hostName.js';
import { formatIp, isBareIpv6, parseIp } from '../net/ipAddress.js';
import { cidrCrashWords } from '../provider/cidrCrash.js';
import { describeFailure, runPlugin, type PluginOutcome } from '../provider/runPlugin.js';
import { parseRke2Version } from '../site/designerRules.js';
import { readRke2Config } from '../site/readRke2Config.js';
import { lintRke2Config } from './configKeyRules.js';
import type { Finding } from './finding.js';
import { lintNoProxy, lintProxyUrls } from './noProxyRules.js';
import { pitfallFindings, serverUrlNote } from './pitfallRules.js';
import { repeatedConfigKeyFindings } from './repeatedConfigKeys.js';
import { sharedCheck, type Check, type CloudConfigRuleContext, type CloudConfigSetRuleContext } from './rules/defineRule.js';
import { cloudConfigSecurityFindings } from './cloudConfigSecurityRules.js';
import { tokenFindings, unreadableConfigFindings } from './siteRules.js';
import { lintTopology } from './topologyRules.js';

export function cloudConfigRuleContext(text: string, nodeCidr = '', rke2Version = 'v1.36'): CloudConfigRuleContext {
  const version = parseRke2Version(rke2Version) ?? { minor: 36, patch: undefined };
  const plan = runPlugin(text, { nodeCidr });
  if (plan.kind === 'sdk-error' || plan.kind === 'no-cluster') return { text, nodeCidr, version, plan, decoded: null };
  const { cluster } = plan;
  return {
    text,
    nodeCidr,
    version,
    plan,
    decoded: { cluster, config: readRke2Config(cluster.config ?? ''), outline: cloudConfigOutline(text) },
  };
}

/** The line of a key of the cluster: section, when the outline found it. */
export function lineOf(ctx: CloudConfigRuleContext, key: string): { line?: number } {
  const line = ctx.decoded?.outline.clusterKeyLines.get(key);
  return line ? { line } : {};
}

/** Raw characters, size, the OS fields and the cluster values that reach a shell line, a file line or the server URL. */
export const cloudConfigSecurity: Check<CloudConfigRuleContext> = sharedCheck((ctx: CloudConfigRuleContext) =>
  cloudConfigSecurityFindings(ctx.text, ctx.decoded).map((f) => (isHostWithExtras(f) ? withServerUrl(ctx, f) : f)),
);

const isHostWithExtras = (f: Finding) =>
  f.code === 'host-invalid' && f.path.join('.') === 'cluster.control_plane_host' && f.fix !== undefined;

/**
 * A control_plane_host with a scheme, port or path: the URL the device would try, and the 6443 fix
 * (pitfallRules.ts). On a joining node an IPv6 host left over is suggested in brackets, the form
 * the provider's `https://HOST:9345` needs (a bare one is ipv6-server-url); the init node joins no
 * URL and keeps it bare, as tls-san needs it.
 */
function withServerUrl(ctx: CloudConfigRuleContext, f: Finding): Finding {
  const port = hostProblem(ctx.decoded?.cluster.control_plane_host ?? '')?.port;
  const host = f.fix?.value;
  const joins = ctx.decoded?.cluster.role !== 'init';
  const fix = joins && typeof host === 'string' && isBareIpv6(host) ? { description: `use [${host}]`, value: `[${host}]` } : f.fix;
  return { ...f, message: `${f.message}; ${serverUrlNote(ctx, port)}`, ...(fix ? { fix } : {}) };
}

/** What the provider does with the document as a whole: a panic of the Kairos SDK, or nothing (no cluster:). */
export const cloudConfigOutcome: Check<CloudConfigRuleContext> = sharedCheck(({ plan }: CloudConfigRuleContext): Finding[] => {
  if (plan.kind === 'sdk-error')
    return [{ severity: 'error', code: 'provider-panic', message: describeFailure(plan)!, path: [], ...sdkErrorAt(plan) }];
  if (plan.kind !== 'no-cluster') return [];
  return [
    {
      severity: 'info',
      code: 'no-cluster-section',
      message: 'there is no cluster: section, so the RKE2 provider does nothing on this node',
      path: ['cluster'],
    },
  ];
});

/**
 * Where a document the SDK cannot read goes wrong: the line Go's message names, else (yaml.v3
 * names no "line 1") the reader's position; its column when the position is on that line.
 */
function sdkErrorAt(plan: Extract<PluginOutcome, { kind: 'sdk-error' }>): { line?: number; column?: number } {
  const line = plan.line || plan.position?.line;
  if (!line) return {};
  return plan.position?.line === line ? { line, column: plan.position.column } : { line };
}

/** The cluster: section's own fields: role, token, control-plane host. */
export const cloudConfigCluster: Check<CloudConfigRuleContext> = sharedCheck((ctx: CloudConfigRuleContext): Finding[] => {
  if (!ctx.decoded) return [];
  const { cluster } = ctx.decoded;
  const findings: Finding[] = [];
  if (cluster.role === undefined || cluster.role === '') {
    findings.push({
      severity: 'warning',
      code: 'role-missing',
      message: 'no role is set: the node runs as a server that joins the control plane (like "controlplane")',
      path: ['cluster', 'role'],
      fix: { description: 'set the role explicitly', value: 'controlplane' },
    });
  } else if (!(KAIROS_ROLES as readonly string[]).includes(cluster.role)) {
    findings.push({
      severity: 'warning',
      code: 'role-unknown',
      message: `role "${cluster.role}" is not init, controlplane or worker: the provider treats it as a server that joins`,
      path: ['cluster', 'role'],
      ...lineOf(ctx, 'role'),
    });
  }
  findings.push(
    ...tokenFindings(cluster.cluster_token ?? '', ['cluster', 'cluster_token']).map((f) => ({ ...f, ...lineOf(ctx, 'cluster_token') })),
  );
  const host = cluster.control_plane_host ?? '';
  if (isBareIpv6(host) && cluster.role !== 'init') {
    const meant = portAppendedToIpv6(host);
    const url = `the provider writes server: https://${host}:9345 without brackets, which RKE2 cannot parse`;
    findings.push({
      severity: 'error',
      code: 'ipv6-server-url',
      message: meant
        ? `${url}; ${host} reads as one IPv6 address: if :${meant.port} was meant as a port, the host is [${meant.address}] (the provider adds :9345 itself)`
        : `${url}; write the host as [${host}] or use a DNS name`,
      path: ['cluster', 'control_plane_host'],
      ...lineOf(ctx, 'control_plane_host'),
      fix: meant
        ? { description: `use [${meant.address}], without the port`, value: `[${meant.address}]` }
        : { description: 'put the address in brackets', value: `[${host}]` },
    });
  }
  return findings;
});

/**
 * A bare IPv6 host whose last group is 6443 or 9345 (`fd00::1:6443`): still an address, but more
 * likely an address with the API or supervisor port appended, as an IPv4 host would carry it.
 */
function portAppendedToIpv6(host: string): { address: string; port: string } | null {
  const m = /^(.*):(6443|9345)$/.exec(host);
  const ip = m ? parseIp(m[1]!) : null;
  return m && ip?.family === 6 ? { address: formatIp(ip), port: m[2]! } : null;
}

/** Pitfalls the provider passes on silently: token format, NetworkPolicy, tls-san, swap, ports (pitfallRules.ts). */
export const cloudConfigPitfalls: Check<CloudConfigRuleContext> = sharedCheck(pitfallFindings);

/** The env: section: the proxy URLs, and what NO_PROXY must cover. */
export const cloudConfigProxy: Check<CloudConfigRuleContext> = sharedCheck((ctx: CloudConfigRuleContext): Finding[] => {
  if (!ctx.decoded) return [];
  const { cluster } = ctx.decoded;
  const env = cluster.env ?? {};
  return [
    ...lintProxyUrls([
      [['cluster', 'env', 'HTTP_PROXY'], env['HTTP_PROXY'] ?? '', 'env HTTP_PROXY'],
      [['cluster', 'env', 'HTTPS_PROXY'], env['HTTPS_PROXY'] ?? '', 'env HTTPS_PROXY'],
    ]).map((f) => ({ ...f, ...lineOf(ctx, 'env') })),
    ...lintNoProxy({
      httpProxy: env['HTTP_PROXY'] ?? '',
      httpsProxy: env['HTTPS_PROXY'] ?? '',
      noProxy: env['NO_PROXY'] ?? '',
      controlPlaneHost: cluster.control_plane_host ?? '',
      nodeAddresses: ctx.nodeCidr ? [ctx.nodeCidr] : [],
      joins: cluster.role !== 'init',
      path: ['cluster', 'env', 'NO_PROXY'],
    }),
  ];
});

/** The cluster's `config`: readable, its keys against the catalog, and what the provider and jq make of it. */
export const cloudConfigConfig: Check<CloudConfigRuleContext> = sharedCheck((ctx: CloudConfigRuleContext): Finding[] => {
  if (!ctx.decoded) return [];
  const { cluster, config: read, outline } = ctx.decoded;
  const { plan } = ctx;
  const configPath = ['cluster', 'config'];
  const findings: Finding[] = [];
  if (!read.ok) {
    findings.push(
      ...unreadableConfigFindings(read, configPath, 'config', false).map((f) => ({
        ...f,
        line: read.line + outline.configLineOffset,
        column: read.column + outline.configColumnOffset,
      })),
    );
  } else {
    findings.push(
      ...lintRke2Config(read, {
        path: configPath,
        lineOffset: outline.configLineOffset,
        role: cluster.role === 'worker' ? 'agent' : 'server',
        version: ctx.version,
        controlPlaneHost: cluster.control_plane_host ?? '',
        designer: false,
      }),
      ...repeatedConfigKeyFindings(cluster.config ?? '', configPath, outline.configLineOffset),
    );
    const failure = describeFailure(plan);
    // No config: key at all points at the role, next to where it would go.
    const at = outline.clusterKeyLines.has('config') ? lineOf(ctx, 'config') : lineOf(ctx, 'role');
    if (failure) findings.push({ severity: 'error', code: 'provider-panic', path: configPath, ...at, ...cidrPanicWords(plan, failure) });
  }
  if (plan.kind === 'written' && !plan.merged.ok) {
    findings.push({
      severity: 'error',
      code: 'jq-merge-failed',
      message: `the provider's jq merge fails (${plan.merged.shown.trim()}), leaving /etc/rancher/rke2/config.yaml empty`,
      path: configPath,
    });
  }
  return findings;
});

/** The provider-panic of a missing or non-string cluster-cidr / service-cidr, with every key it would crash on and RKE2's defaults as the fix. */
function cidrPanicWords(plan: PluginOutcome, failure: string): Pick<Finding, 'message' | 'fix'> {
  const words = cidrCrashWords(plan);
  return words ? { message: `${failure}${words.also}`, fix: { description: words.fix } } : { message: failure };
}

/** A set of cloud-configs as one cluster: one init node, an odd etcd count, unique names. */
export const cloudConfigSetTopology: Check<CloudConfigSetRuleContext> = sharedCheck(({ nodes }: CloudConfigSetRuleContext) =>
  lintTopology(nodes),
);
