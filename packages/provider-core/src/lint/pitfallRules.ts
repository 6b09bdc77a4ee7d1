/**
 * Pitfalls of hand-written cloud-configs that the provider passes on without a word, each checked
 * on what the provider port makes of the file (the server URL and tls-san come from
 * provider/userConfigJson.ts and the jq merge, never rebuilt here).
 * Codes: token-format, network-policy-unenforced, tls-san-missing, swap-setting-ignored,
 * port-conflict; and the server URL named by `host-invalid` (serverUrlNote).
 *
 * Sources:
 * - tokens: k3s-io/k3s pkg/clientaccess/token.go `parseToken` (a token starting with `K10` is read
 *   as `K10<ca-hash>::<user>:<password>`, the hash 64 hex characters, compared with the CA's
 *   lower-case SHA-256; anything else is a short token), pkg/util/token.go `NormalizeToken` (a
 *   server takes user:password credentials only); ../shared/rke2-options.md "Joining" (the
 *   first server takes only the short form unless custom CA certificates are in use);
 * - NetworkPolicy: rancher/rke2 pkg/rke2/np.go (the CIS profile adds default NetworkPolicies to
 *   kube-system, kube-public and default), flannel-io/flannel#558 (flannel alone enforces no
 *   policy; canal adds Calico's policy engine), docs.rke2.io/networking/basic_network_options;
 * - tls-san: k3s-io/k3s pkg/daemons/control/deps (a SAN that parses as an IP becomes an IP SAN,
 *   anything else a DNS name), site/designerRules.ts providerControlPlaneHost (the designer adds the
 *   bare IPv6 address for the same reason);
 * - swap: provider-rke2's "disable disk swap" stage (provider/constants.ts SWAP_OFF_COMMANDS);
 * - ports: docs.rke2.io/install/requirements#inbound-network-rules, rancher/rke2#4602 (2381),
 *   ../shared/rke2-options.md "Ports" (9345 and 6443 hard-coded, 6444 lb-server-port).
 */
import { parseIp } from '../net/ipAddress.js';
import { providerConfigJson } from '../provider/userConfigJson.js';
import { GoInt, type GoValue } from '../yaml/goJson.js';
import type { FindingPath } from './finding.js';
import type { RuleFinding } from './findingFields.js';
import type { CloudConfigRuleContext } from './rules/defineRule.js';

type Decoded = NonNullable<CloudConfigRuleContext['decoded']>;

/** The `server:` the device's RKE2 reads: the merged config.yaml's when the provider writes it, else the provider's own. */
function deviceServerUrl(ctx: CloudConfigRuleContext): string {
  if (ctx.plan.kind === 'written' && ctx.plan.merged.ok) {
    const merged = ctx.plan.merged.value.get('server');
    return typeof merged === 'string' ? merged : '';
  }
  if (!ctx.decoded) return '';
  const own = providerConfigJson(ctx.decoded.cluster);
  const server = own.ok && own.value instanceof Map ? own.value.get('server') : undefined;
  return typeof server === 'string' ? server : '';
}

/**
 * What a `host-invalid` control_plane_host does on the device, for its message: the URL it would
 * try, and for a port, why 6443 does not belong there.
 */
export function serverUrlNote(ctx: CloudConfigRuleContext, port: string | undefined): string {
  const url = deviceServerUrl(ctx);
  const tried =
    url === ''
      ? 'the init node joins no URL, but the provider adds the same text to tls-san, where it names no host'
      : `the device would try server ${url}`;
  const portFix =
    port === undefined
      ? ''
      : port === '6443'
        ? ' (6443 is where kubectl reaches the API server of that host; nodes join through the supervisor port 9345, which the provider adds itself)'
        : ' (the provider always adds the supervisor port 9345 itself)';
  return `${tried}${portFix}`;
}

const BOOTSTRAP_TOKEN = /^[a-z0-9]{6}\.[a-z0-9]{16}$/;

/**
 * Why RKE2 refuses a token, or null. A `K10…` token is read as `K10<ca-hash>::<credentials>`; a
 * server reads only `user:password` credentials (k3s pkg/util/token.go `NormalizeToken`: "failed to
 * normalize server token"), an agent also a kubeadm bootstrap token (`k3s token create`).
 */
export function tokenFormatProblem(token: string, server: boolean): string | null {
  if (!token.startsWith('K10'))
    return server && BOOTSTRAP_TOKEN.test(token)
      ? 'has the shape of a bootstrap token (abcdef.0123456789abcdef), which lets agents join but which a server refuses ("failed to normalize server token")'
      : null;
  const rest = token.slice(3);
  const sep = rest.indexOf('::');
  const hash = sep < 0 ? '' : rest.slice(0, sep);
  const credentials = sep < 0 ? rest : rest.slice(sep + 2);
  if (hash.length > 0 && hash.length !== 64)
    return `starts with "K10", so RKE2 reads it as K10<ca-hash>::<user>:<password>, and its CA hash has ${hash.length} characters instead of 64 (a SHA-256 in hex): "invalid token CA hash length"`;
  if (hash.length > 0 && !/^[0-9a-f]{64}$/.test(hash))
    return 'has a CA hash that is not lower-case hex, so it never equals the SHA-256 RKE2 computes of the CA ("token CA hash does not match")';
  if (!server && BOOTSTRAP_TOKEN.test(credentials)) return null;
  const colon = credentials.indexOf(':');
  if (colon < 0 || colon === credentials.length - 1)
    return `starts with "K10", so RKE2 reads it as K10<ca-hash>::<user>:<password>, and it has no "user:password" part: ${server ? '"failed to normalize server token"' : '"invalid token format"'}`;
  return null;
}

function lineOf(decoded: Decoded, key: string): { line?: number } {
  const line = decoded.outline.clusterKeyLines.get(key);
  return line ? { line } : {};
}

/** A config key's path and its line in the file. */
function configAt(decoded: Decoded, key: string): { path: FindingPath; line?: number } {
  const path = ['cluster', 'config', key];
  const line = decoded.config.ok ? decoded.config.keyLines.get(key) : undefined;
  return line ? { path, line: line + decoded.outline.configLineOffset } : { path };
}

function configValue(decoded: Decoded, key: string): GoValue | undefined {
  return decoded.config.ok ? decoded.config.config.get(key) : undefined;
}

function goText(value: GoValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (value instanceof GoInt) return String(value.value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A list setting as RKE2 reads it from the file: a YAML list, or one value. */
function configItems(decoded: Decoded, key: string): string[] {
  const value = configValue(decoded, key);
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items.flatMap((v) => goText(v) ?? []);
}

/** `flag=value` arguments (kubelet-arg…), with or without leading dashes: flag → value. */
function argValues(decoded: Decoded, key: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of configItems(decoded, key)) {
    const eq = item.indexOf('=');
    if (eq > 0) out.set(item.slice(0, eq).replace(/^-+/, ''), item.slice(eq + 1));
  }
  return out;
}

const isServer = (decoded: Decoded) => decoded.cluster.role !== 'worker';

function tokenFindings(decoded: Decoded): RuleFinding[] {
  const token = decoded.cluster.cluster_token ?? '';
  const at = { path: ['cluster', 'cluster_token'], ...lineOf(decoded, 'cluster_token') };
  const problem = tokenFormatProblem(token, isServer(decoded));
  if (problem)
    return [
      {
        severity: 'error',
        code: 'token-format',
        message: `cluster_token ${problem}; use the full token printed by the first server (/var/lib/rancher/rke2/server/token) or a plain secret that does not start with "K10"`,
        ...at,
      },
    ];
  if (decoded.cluster.role === 'init' && /^K10[0-9a-f]{64}::/.test(token))
    return [
      {
        severity: 'warning',
        code: 'token-format',
        message:
          'the init node has a full K10… token: its CA hash must equal the hash of a CA this server does not have yet, so RKE2 refuses it unless you install custom CA certificates first; give the init node the plain secret (the part after "::server:") and the full token to the others',
        ...at,
      },
    ];
  return [];
}

/** The CNI names of `cni` (list or comma-separated), default canal. */
function cniOf(decoded: Decoded): string[] {
  const items = configItems(decoded, 'cni').flatMap((s) => s.split(',').map((c) => c.trim()));
  return items.length > 0 ? items : ['canal'];
}

const ENFORCES_NETWORK_POLICY = ['canal', 'calico', 'cilium'];

function networkPolicyFindings(decoded: Decoded): RuleFinding[] {
  const profile = goText(configValue(decoded, 'profile')) ?? '';
  if (!isServer(decoded) || !profile.startsWith('cis')) return [];
  const cni = cniOf(decoded);
  if (cni.some((c) => ENFORCES_NETWORK_POLICY.includes(c))) return [];
  const none = cni.includes('none');
  return [
    {
      severity: none ? 'info' : 'warning',
      code: 'network-policy-unenforced',
      message: none
        ? `profile "${profile}" creates default NetworkPolicies in kube-system, kube-public and default, and cni is "none": they only take effect if the CNI you install enforces NetworkPolicy (Calico, Cilium)`
        : `profile "${profile}" creates default NetworkPolicies in kube-system, kube-public and default, but cni ${cni.join(', ')} does not enforce NetworkPolicy, so they (and yours) have no effect; use cni: canal (flannel with Calico's policy engine), calico or cilium`,
      ...configAt(decoded, 'cni'),
      ...(none ? {} : { fix: { description: 'use canal, the default', value: 'canal' } }),
    },
  ];
}

function tlsSanFindings(decoded: Decoded): RuleFinding[] {
  const host = decoded.cluster.control_plane_host ?? '';
  const bare = /^\[(.*)\]$/.exec(host)?.[1];
  if (!isServer(decoded) || bare === undefined || parseIp(bare)?.family !== 6) return [];
  const sans = configItems(decoded, 'tls-san').flatMap((s) => s.split(',').map((x) => x.trim()));
  if (sans.some((s) => parseIp(s) !== null && parseIp(s)?.family === 6 && s.toLowerCase() === bare.toLowerCase())) return [];
  return [
    {
      severity: 'warning',
      code: 'tls-san-missing',
      message: `the provider adds "${host}" (with brackets) to tls-san, which is not an IP address, so the certificate has no SAN for ${bare}: agents and kubectl reaching https://${host} get a certificate error unless ${bare} is this server's own address; add ${bare} to tls-san`,
      ...(decoded.config.ok && decoded.config.keyLines.has('tls-san')
        ? configAt(decoded, 'tls-san')
        : { path: ['cluster', 'control_plane_host'], ...lineOf(decoded, 'control_plane_host') }),
      fix: { description: `add ${bare} to tls-san`, value: bare },
    },
  ];
}

/** kubelet arguments that ask for swap: failSwapOn off, the NodeSwap gate, a swap behavior. */
const SWAP_ARGS: [flag: string, asksForSwap: (value: string) => boolean][] = [
  ['fail-swap-on', (v) => v === 'false'],
  ['feature-gates', (v) => /(^|,)NodeSwap=true(,|$)/.test(v)],
];

function swapFindings(decoded: Decoded): RuleFinding[] {
  const args = argValues(decoded, 'kubelet-arg');
  const asked = SWAP_ARGS.filter(([flag, asks]) => asks(args.get(flag) ?? '')).map(([flag]) => `${flag}=${args.get(flag)}`);
  if (asked.length === 0) return [];
  return [
    {
      severity: 'info',
      code: 'swap-setting-ignored',
      message: `kubelet-arg ${asked.join(' and ')} lets the kubelet run with swap, but the provider comments out the swap lines of /etc/fstab and runs swapoff -a at every boot, so this node has no swap; remove the setting, or add swap after boot knowing the provider turns it off again`,
      ...configAt(decoded, 'kubelet-arg'),
    },
  ];
}

/** Ports RKE2 and its components listen on that no setting moves (docs.rke2.io/install/requirements, rke2-options.md "Ports"). */
const FIXED_PORTS: readonly [port: number, what: string, serverOnly: boolean][] = [
  [9345, 'the RKE2 supervisor', true],
  [2379, 'etcd clients', true],
  [2380, 'etcd peers', true],
  [2381, 'etcd metrics', true],
  [8472, "canal/flannel's VXLAN (udp)", false],
  [9099, "canal's health checks", false],
];

/** Port settings a config may carry: key, `flag=` inside an -arg list (or null), the port it moves, what listens there. */
const PORT_SETTINGS: readonly [key: string, flag: string | null, defaultPort: number, what: string, serverOnly: boolean][] = [
  ['lb-server-port', null, 6444, "the agent's local supervisor load balancer", false],
  ['kubelet-arg', 'port', 10250, 'the kubelet', false],
  ['kubelet-arg', 'healthz-port', 10248, "the kubelet's health check", false],
  ['kube-apiserver-arg', 'secure-port', 6443, 'the Kubernetes API server', true],
  ['kube-controller-manager-arg', 'secure-port', 10257, 'the controller manager', true],
  ['kube-scheduler-arg', 'secure-port', 10259, 'the scheduler', true],
];

function portRange(text: string): [number, number] | null {
  const m = /^\s*(\d{1,5})\s*-\s*(\d{1,5})\s*$/.exec(text);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

function portFindings(decoded: Decoded): RuleFinding[] {
  const server = isServer(decoded);
  const settings = PORT_SETTINGS.filter(([, , , , serverOnly]) => server || !serverOnly);
  const listeners = new Map<number, string>(FIXED_PORTS.filter(([, , serverOnly]) => server || !serverOnly).map(([p, what]) => [p, what]));
  const moved: [key: string, port: number, what: string][] = [];
  for (const [key, flag, defaultPort, what] of settings) {
    const text = flag === null ? goText(configValue(decoded, key)) : argValues(decoded, key).get(flag);
    const port = text === undefined ? NaN : Number(text);
    if (Number.isInteger(port) && port > 0 && port !== defaultPort)
      moved.push([key, port, `${what} (${flag === null ? key : `${key} ${flag}`})`]);
    else listeners.set(defaultPort, what);
  }
  const findings: RuleFinding[] = [];
  const clash = (key: string, message: string) =>
    findings.push({ severity: 'error', code: 'port-conflict', message, ...configAt(decoded, key) });
  for (const [key, port, what] of moved) {
    const taken = listeners.get(port);
    if (taken !== undefined)
      clash(key, `${what} is set to port ${port}, where ${taken} listens: one of them cannot start; choose a free port`);
    else listeners.set(port, what);
  }
  const rangeText = server ? goText(configValue(decoded, 'service-node-port-range')) : undefined;
  const range = rangeText === undefined ? null : portRange(rangeText);
  if (range) {
    const inside = [...listeners].filter(([p]) => p >= range[0] && p <= range[1]).sort(([a], [b]) => a - b);
    if (inside.length > 0)
      clash(
        'service-node-port-range',
        `service-node-port-range ${rangeText} includes ${inside.map(([p, what]) => `${p} (${what})`).join(', ')}: kube-proxy opens every NodePort on every node, so a Service can take a port RKE2 needs; keep the range clear of them (the default is 30000-32767)`,
      );
  }
  return findings;
}

/** The pitfall findings of one cloud-config. */
export function pitfallFindings(ctx: CloudConfigRuleContext): RuleFinding[] {
  const { decoded } = ctx;
  if (!decoded) return [];
  return [
    ...tokenFindings(decoded),
    ...networkPolicyFindings(decoded),
    ...tlsSanFindings(decoded),
    ...swapFindings(decoded),
    ...portFindings(decoded),
  ];
}
