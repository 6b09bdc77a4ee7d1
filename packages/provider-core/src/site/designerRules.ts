/**
 * The rules by which the designer avoids the provider's traps. Each is a named function with its
 * own test (designerRules.test.ts), applied by rke2ConfigFor; the lint rules explain the same traps
 * in configs written by hand.
 */
import { isProviderKey } from '../catalog/providerKeys.js';
import { catalogEntry } from '../catalog/rke2Catalog.js';
import type { GoObject, GoValue } from '../yaml/goJson.js';
import { formatIp, isBareIpv6, parseCidr } from '../net/ipAddress.js';

/** Part of the public `designerRules` namespace; the rule itself lives with the catalog's aliases. */
export { isProviderKey, PROVIDER_KEYS } from '../catalog/providerKeys.js';

/** Never write token/server in config: the provider adds them, and jq would glue both values together. */
export function withoutProviderKeys(config: GoObject): { config: GoObject; removed: string[] } {
  const removed = [...config.keys()].filter(isProviderKey);
  if (removed.length === 0) return { config, removed };
  return { config: new Map([...config].filter(([k]) => !isProviderKey(k))), removed };
}

/** Without both CIDRs the provider panics (provider.go:177/178, oracle cases 04, 40). */
export const REQUIRED_CIDR_KEYS = ['cluster-cidr', 'service-cidr'] as const;

/**
 * Always write cluster-cidr and service-cidr, on every role, as strings. A missing key, a null or
 * a non-string value (a list would panic the provider's string assertion as well) is replaced by
 * the site's network value.
 */
export function withRequiredCidrs(
  config: GoObject,
  network: { clusterCidr: string; serviceCidr: string },
): { config: GoObject; restored: string[] } {
  const wanted: Record<(typeof REQUIRED_CIDR_KEYS)[number], string> = {
    'cluster-cidr': network.clusterCidr,
    'service-cidr': network.serviceCidr,
  };
  const restored = REQUIRED_CIDR_KEYS.filter((key) => typeof config.get(key) !== 'string');
  if (restored.length === 0) return { config, restored };
  const out = new Map<string, GoValue>(REQUIRED_CIDR_KEYS.map((key) => [key, config.get(key) ?? null]));
  for (const [k, v] of config) out.set(k, v);
  for (const key of restored) out.set(key, wanted[key]);
  return { config: out, restored: [...restored] };
}

/**
 * write-kubeconfig-mode is octal *text*: the value is always a string, and the YAML writer quotes
 * it, so `0644` cannot become the integer 420 (rke2-options.md fact 9, oracle case 12).
 * Digits are padded to four places (`644` → `0644`) as RKE2's own default `0600` is written.
 */
export function kubeconfigModeText(mode: string): string {
  const trimmed = mode.trim();
  return /^[0-7]{1,3}$/.test(trimmed) ? trimmed.padStart(4, '0') : trimmed;
}

export interface Rke2Version {
  minor: number;
  /** undefined for a minor version line (`v1.36`): its newest patch release is meant. */
  patch: number | undefined;
}

/** `v1.36`, `1.28.3`, `v1.28.3+rke2r1` → { minor, patch }; null when it is not a 1.x version. */
export function parseRke2Version(text: string): Rke2Version | null {
  const m = /^v?1\.(\d+)(?:\.(\d+))?(?:[-+].*)?$/.exec(text.trim());
  return m ? { minor: Number(m[1]), patch: m[2] === undefined ? undefined : Number(m[2]) } : null;
}

/** First patch of each release line that accepts the generic `cis` profile (September 2023). */
const GENERIC_CIS_FROM: Record<number, number> = { 25: 15, 26: 10, 27: 7, 28: 3 };

/** The CIS `profile` value RKE2 accepts at a version (rke2-options.md fact 2). */
export function cisProfileFor(version: Rke2Version): 'cis' | 'cis-1.23' | 'cis-1.6' {
  if (version.minor >= 29) return 'cis';
  if (version.minor <= 24) return 'cis-1.6';
  const from = GENERIC_CIS_FROM[version.minor]!;
  return version.patch === undefined || version.patch >= from ? 'cis' : 'cis-1.23';
}

/** Why a `profile` value does not work at a version, or null when it does. */
export function profileProblem(profile: string, version: Rke2Version): string | null {
  if (profile === '') return null;
  const cis = cisProfileFor(version);
  if (profile === cis) return null;
  const at = `v1.${version.minor}${version.patch === undefined ? '' : `.${version.patch}`}`;
  if (profile === 'cis' || profile.startsWith('cis-')) {
    const fatal = profile === 'cis-1.23' && version.minor >= 30 ? ' RKE2 refuses to start with it' : '';
    if (profile === 'cis-1.23' && version.minor < 30 && cis === 'cis') return null;
    return `profile "${profile}" is not valid for RKE2 ${at}${fatal ? ':' + fatal : ''}; use "${cis}"`;
  }
  if (profile === 'etcd') {
    const etcdFrom: Record<number, number> = { 30: 14, 31: 10, 32: 6, 33: 2 };
    const from = etcdFrom[version.minor];
    const ok = version.minor >= 34 || (from !== undefined && (version.patch === undefined || version.patch >= from));
    return ok ? null : `profile "etcd" needs RKE2 v1.30.14, v1.31.10, v1.32.6, v1.33.2 or newer; this site runs ${at}`;
  }
  return `profile "${profile}" is unknown; RKE2 ${at} accepts "${cis}" and "etcd"`;
}

/**
 * The control-plane host as the provider must receive it. A bare IPv6 address is bracketed, since
 * the provider pastes the host into `https://HOST:9345` (case 23; `[fd00::1]` stays intact, case 45).
 * The bracketed form also lands in tls-san, so the bare address is added to tls-san as well.
 */
export function providerControlPlaneHost(host: string): { host: string; extraTlsSan: string | null } {
  return isBareIpv6(host) ? { host: `[${host}]`, extraTlsSan: host } : { host, extraTlsSan: null };
}

/**
 * Whether a cluster-wide key belongs on a node of this role. Server-only keys are left off workers
 * (RKE2 agents skip them with "Unknown flag"), except the CIDRs the provider needs on every node.
 */
export function appliesToRole(key: string, role: 'server' | 'agent'): boolean {
  if (role === 'server' || (REQUIRED_CIDR_KEYS as readonly string[]).includes(key)) return true;
  const entry = catalogEntry(key);
  return entry === undefined || entry.roles.includes('agent');
}

/** RKE2's own cluster-dns when none is set: the 10th address of the (first) service CIDR. */
export function clusterDnsFor(serviceCidr: string): string | null {
  const network = parseCidr(serviceCidr.split(',')[0]!.trim());
  if (!network) return null;
  const shift = BigInt((network.address.family === 4 ? 32 : 128) - network.prefix);
  const base = (network.address.value >> shift) << shift;
  return formatIp({ family: network.address.family, value: base + 10n });
}
