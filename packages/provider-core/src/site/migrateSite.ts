/**
 * Reading older site.json formats. Each step takes the raw JSON object of one version and returns
 * the next version's, leaving everything it does not know about as it was (the schema then reports
 * it). Steps never throw: a value of an unexpected type is left for the schema to name.
 */
import { parseCidr, formatIp } from '../net/ipAddress.js';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const objectAt = (value: Json, key: string): Json => (isObject(value[key]) ? (value[key] as Json) : {});
const nonEmpty = (value: unknown) => (typeof value === 'string' && value.trim() !== '') || (Array.isArray(value) && value.length > 0);

/** Version 1's default cluster DNS, which it kept even when the service network moved. */
const V1_DEFAULT_CLUSTER_DNS = '10.43.0.10';

/**
 * Version 1 → 2:
 * - `airGap.importLocalImages` becomes `airGap.imageSource`: archives when it was on, else a mirror
 *   when mirrors or a system-default registry were set, else the proxy when one was set, else the internet;
 * - the control-plane endpoint is the init node when the host is its address, otherwise a load
 *   balancer (version 1 deployed nothing at the host, so something of the user's must serve it);
 * - the old default cluster DNS 10.43.0.10 under another service network becomes "follow the
 *   service network", which is what the default meant.
 */
function v1ToV2(site: Json): Json {
  const airGap = objectAt(site, 'airGap');
  const proxy = objectAt(site, 'proxy');
  const cluster = objectAt(site, 'cluster');
  const network = objectAt(site, 'network');
  const { importLocalImages, ...airGapRest } = airGap;
  const imageSource =
    importLocalImages === true ? 'archives'
    : nonEmpty(airGap['mirrors']) || nonEmpty(airGap['systemDefaultRegistry']) ? 'mirror'
    : nonEmpty(proxy['httpProxy']) || nonEmpty(proxy['httpsProxy']) ? 'proxy'
    : 'internet';
  const out: Json = { ...site, version: 2 };
  if (isObject(site['airGap']) || imageSource !== 'internet') out['airGap'] = { ...airGapRest, imageSource };
  if (isObject(site['cluster'])) out['cluster'] = { ...cluster, endpoint: isInitNodeAddress(site, cluster['controlPlaneHost']) ? 'init-node' : 'load-balancer' };
  if (isObject(site['network']) && network['clusterDns'] === V1_DEFAULT_CLUSTER_DNS && !inDefaultServiceNetwork(network['serviceCidr'])) {
    out['network'] = { ...network, clusterDns: '' };
  }
  return out;
}

function isInitNodeAddress(site: Json, host: unknown): boolean {
  if (typeof host !== 'string' || !Array.isArray(site['nodes'])) return false;
  const init = site['nodes'].find((n): n is Json => isObject(n) && n['role'] === 'init');
  const address = init && typeof init['address'] === 'string' ? parseCidr(init['address'])?.address : undefined;
  return address !== undefined && formatIp(address) === host.trim();
}

const inDefaultServiceNetwork = (serviceCidr: unknown) => serviceCidr === undefined || serviceCidr === '10.43.0.0/16';

const STEPS: Record<number, (site: Json) => Json> = { 1: v1ToV2 };

/** The site brought to the current format; a version it has no step for is returned as it is. */
export function migrateSite(site: Json): Json {
  let current = site;
  for (let version = current['version']; typeof version === 'number' && STEPS[version]; version = current['version']) {
    current = STEPS[version]!(current);
  }
  return current;
}
