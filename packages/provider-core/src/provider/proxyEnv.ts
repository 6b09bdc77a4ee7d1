/**
 * provider-rke2's proxyEnv and getDefaultNoProxy: the content of /etc/default/rke2-server|agent.
 *
 * getDefaultNoProxy runs on every boot, proxy or not, and type-asserts `cluster-cidr` and
 * `service-cidr` to strings: when the user config is a JSON object (or cannot be read at all) and
 * either is missing or not a string, the Go provider panics (oracle cases 04, 05, 17, 40).
 */
import { goJsonTypeName, isGoObject, type GoObject } from '../yaml/goJson.js';
import type { YamlToJsonResult } from '../yaml/yamlToJson.js';
import { K8S_NO_PROXY } from './constants.js';

export interface ProviderPanic {
  kind: 'panic';
  /** The first line Go prints, e.g. "panic: interface conversion: interface {} is nil, not string". */
  goPanic: string;
  /** Source line of provider-rke2 v4.8.2 that panics; "" for a crash inside a library (Go prints no provider line). */
  at: string;
  /** What happened, for a person. */
  reason: string;
}

type NoProxyResult = { ok: true; noProxy: string } | { ok: false; panic: ProviderPanic };

const PANIC_LINES = { 'cluster-cidr': 'provider.go:177', 'service-cidr': 'provider.go:178' } as const;

/** The map json.Unmarshal leaves behind: null for a JSON null, empty when it could not decode. */
function unmarshalUserOptions(user: YamlToJsonResult): GoObject | null {
  if (!user.ok) return new Map(); // empty input: "unexpected end of JSON input"
  if (user.value === null) return null; // oracle case 38: `config: "~"` leaves a nil map
  return isGoObject(user.value) ? user.value : new Map(); // a list or scalar cannot fill a map
}

function requireCidr(data: GoObject, key: keyof typeof PANIC_LINES, unreadable: string | undefined): string | ProviderPanic {
  const value = data.get(key);
  if (typeof value === 'string') return value;
  const type = goJsonTypeName(value);
  let reason = `"${key}" in the RKE2 config is a ${type === 'float64' ? 'number' : type}, not a string (the provider crashes on it)`;
  if (value === undefined || value === null)
    reason = `the RKE2 config has no "${key}" (the provider reads it on every boot and crashes without it)`;
  // Go's YAMLToJSON failed, so the provider sees an empty config whatever the text sets.
  if (unreadable !== undefined)
    reason = `the provider cannot turn the RKE2 config into JSON (${unreadable}), so it reads no "${key}" and crashes, whatever the config sets`;
  return { kind: 'panic', goPanic: `panic: interface conversion: interface {} is ${type}, not string`, at: PANIC_LINES[key], reason };
}

/**
 * Every CIDR key getDefaultNoProxy would crash on, in the order it reads them: the provider stops
 * at the first, so a fix of that one alone meets the next on the following boot.
 */
export function cidrPanics(user: YamlToJsonResult): { key: keyof typeof PANIC_LINES; panic: ProviderPanic }[] {
  const data = unmarshalUserOptions(user);
  if (data === null) return [];
  const unreadable = user.ok ? undefined : user.error;
  return (Object.keys(PANIC_LINES) as (keyof typeof PANIC_LINES)[]).flatMap((key) => {
    const read = requireCidr(data, key, unreadable);
    return typeof read === 'string' ? [] : [{ key, panic: read }];
  });
}

/** getDefaultNoProxy: ",<cluster-cidr>,<service-cidr>,<node CIDR>,.svc,..." (leading comma: case 14). */
export function defaultNoProxy(user: YamlToJsonResult, nodeCidr: string): NoProxyResult {
  const data = unmarshalUserOptions(user);
  if (data === null) return { ok: true, noProxy: '' };
  const unreadable = user.ok ? undefined : user.error;
  const clusterCidr = requireCidr(data, 'cluster-cidr', unreadable);
  if (typeof clusterCidr !== 'string') return { ok: false, panic: clusterCidr };
  const serviceCidr = requireCidr(data, 'service-cidr', unreadable);
  if (typeof serviceCidr !== 'string') return { ok: false, panic: serviceCidr };
  let noProxy = '';
  if (clusterCidr.length > 0) noProxy += `,${clusterCidr}`; // empty CIDRs are skipped (case 39)
  if (serviceCidr.length > 0) noProxy += `,${serviceCidr}`;
  return { ok: true, noProxy: `${noProxy},${nodeCidr},${K8S_NO_PROXY}` };
}

/**
 * proxyEnv: lines HTTP_PROXY, CONTAINERD_HTTP_PROXY, HTTPS_PROXY, CONTAINERD_HTTPS_PROXY, NO_PROXY,
 * CONTAINERD_NO_PROXY joined by "\n". Only upper-case keys count (case 18). NO_PROXY gets the
 * defaults only when a proxy is set; a user NO_PROXY alone gives ",<user value>" (case 15).
 */
export function proxyEnv(
  user: YamlToJsonResult,
  env: Record<string, string>,
  nodeCidr: string,
): { ok: true; content: string } | { ok: false; panic: ProviderPanic } {
  const defaults = defaultNoProxy(user, nodeCidr);
  if (!defaults.ok) return defaults;
  const httpProxy = env['HTTP_PROXY'] ?? '';
  const httpsProxy = env['HTTPS_PROXY'] ?? '';
  const userNoProxy = env['NO_PROXY'] ?? '';
  const lines: string[] = [];
  if (httpProxy.length > 0) lines.push(`HTTP_PROXY=${httpProxy}`, `CONTAINERD_HTTP_PROXY=${httpProxy}`);
  if (httpsProxy.length > 0) lines.push(`HTTPS_PROXY=${httpsProxy}`, `CONTAINERD_HTTPS_PROXY=${httpsProxy}`);
  let noProxy = lines.length > 0 ? defaults.noProxy : '';
  if (userNoProxy.length > 0) noProxy = `${noProxy},${userNoProxy}`;
  if (noProxy.length > 0) lines.push(`NO_PROXY=${noProxy}`, `CONTAINERD_NO_PROXY=${noProxy}`);
  return { ok: true, content: lines.join('\n') };
}
