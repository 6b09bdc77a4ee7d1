/**
 * Whether NO_PROXY keeps traffic to the control plane and between node networks off the proxy,
 * with the matching rules of Go's golang.org/x/net/http/httpproxy (what RKE2 and containerd use):
 * `*` matches everything, an IP or CIDR matches addresses, `example.com` matches the name and its
 * subdomains, `.example.com` only subdomains. Code: noproxy-missing-host.
 *
 * What the provider adds itself (kairos-io/provider-rke2 pkg/provider/provider.go proxyEnv and
 * getDefaultNoProxy): cluster-cidr, service-cidr and getNodeCIDR(), the node's first non-loopback
 * IPv4 address with its prefix, which httpproxy reads as the node's whole subnet. So an IP
 * control-plane host in the node's own subnet needs no entry; a DNS name always does. Only a
 * joining node reaches the control plane through control_plane_host (the init node joins nothing).
 */
import { networkContains, parseCidr, parseIp, networkOf } from '../net/ipAddress.js';
import type { Finding, FindingPath } from './finding.js';

function splitNoProxy(noProxy: string): string[] {
  return noProxy
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** Does one NO_PROXY entry send `host` (a name, an IP, or a CIDR for a whole network) direct? */
function entryCovers(entry: string, host: string): boolean {
  if (entry === '*') return true;
  const target = stripBrackets(host).toLowerCase();
  const entryNet = parseCidr(entry) ?? (parseIp(entry) ? parseCidr(`${entry}/${entry.includes(':') ? 128 : 32}`) : null);
  const targetNet = parseCidr(target);
  const targetIp = parseIp(target);
  if (entryNet) {
    if (targetIp) return networkContains(entryNet, targetIp);
    if (targetNet) return targetNet.prefix >= entryNet.prefix && networkContains(entryNet, targetNet.address);
    return false;
  }
  if (targetIp || targetNet) return false;
  const name = entry.toLowerCase().replace(/:\d+$/, '');
  if (name.startsWith('.')) return target.endsWith(name);
  return target === name || target.endsWith(`.${name}`);
}

function noProxyCovers(entries: readonly string[], host: string): boolean {
  return entries.some((entry) => entryCovers(entry, host));
}

export interface NoProxyCheck {
  httpProxy: string;
  httpsProxy: string;
  noProxy: string;
  controlPlaneHost: string;
  /** The nodes' addresses with prefix, when known; the provider adds each node's own subnet to its NO_PROXY. */
  nodeAddresses: string[];
  /** Some node joins through the control-plane host (a node that is not the init node). */
  joins: boolean;
  /** Where the NO_PROXY value lives. */
  path: FindingPath;
}

export function lintNoProxy(check: NoProxyCheck): Finding[] {
  if (!check.httpProxy && !check.httpsProxy) return [];
  const entries = splitNoProxy(check.noProxy);
  const networks = [
    ...new Set(
      check.nodeAddresses
        .map((a) => parseCidr(a))
        .filter((n) => n !== null)
        .map(networkOf),
    ),
  ];
  const findings: Finding[] = [];
  const missing = (what: string, value: string, why: string, severity: 'warning' | 'info' = 'warning') =>
    findings.push({
      severity,
      code: 'noproxy-missing-host',
      message: `NO_PROXY does not include ${what} ${value}: ${why}`,
      path: check.path,
      fix: { description: `add ${value} to NO_PROXY`, value: [...entries, value].join(',') },
    });
  const host = stripBrackets(check.controlPlaneHost);
  const hostIp = parseIp(host);
  const coveredByOwnNetwork = hostIp !== null && networks.length > 0 && networks.every((n) => networkContains(parseCidr(n)!, hostIp));
  if (check.joins && host && !noProxyCovers(entries, host) && !coveredByOwnNetwork) {
    const through = 'joining nodes would reach the control plane through the proxy, and the join then depends on the proxy reaching it';
    const unsure = hostIp !== null && networks.length === 0;
    const why =
      hostIp === null
        ? `${through} (the provider adds only addresses to NO_PROXY, and a name matches only a name entry)`
        : networks.length > 0
          ? `${through} (it is outside the node subnet the provider adds to NO_PROXY)`
          : `unless control_plane_host is in the node's own subnet, which the provider adds to NO_PROXY, ${through}`;
    missing('the control-plane host', host, why, unsure ? 'info' : 'warning');
  }
  if (networks.length > 1) {
    for (const network of networks) {
      if (!noProxyCovers(entries, network))
        missing('the node network', network, 'nodes on other networks would reach these nodes through the proxy');
    }
  }
  return findings;
}

/** Why a proxy setting is not a usable proxy URL (`http://proxy.local:3128`), or null. */
function proxyUrlProblem(url: string): string | null {
  if (url === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not a URL; write it as http://HOST:PORT (e.g. http://proxy.local:3128)';
  }
  if (!['http:', 'https:', 'socks5:'].includes(parsed.protocol))
    return `uses "${parsed.protocol}"; RKE2 and containerd take http://, https:// or socks5:// proxies`;
  if (parsed.hostname === '') return 'has no host; write it as http://HOST:PORT';
  return null;
}

export function lintProxyUrls(proxies: [FindingPath, string, string][]): Finding[] {
  return proxies.flatMap(([path, url, what]) => {
    const problem = proxyUrlProblem(url);
    return problem ? [{ severity: 'error' as const, code: 'proxy-invalid' as const, message: `${what} "${url}" ${problem}`, path }] : [];
  });
}
