/**
 * Reading older site.json formats. Each step takes the raw JSON object of one version and returns
 * the next version's, leaving everything it does not know about as it was (the schema then reports
 * it). Steps never throw: a value of an unexpected type is left for the schema to name.
 */
import { formatIp, networkContains, parseCidr, parseIp } from '../net/ipAddress.js';

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
 * - the control-plane endpoint is the init node when the host is its address; kube-vip when the
 *   host is a free address on every server's network (what version 1's HA template and examples
 *   meant by a VIP, which nothing created: now the designer deploys kube-vip for it); otherwise a
 *   load balancer (a name or an address elsewhere: something of the user's must serve it);
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
    importLocalImages === true
      ? 'archives'
      : nonEmpty(airGap['mirrors']) || nonEmpty(airGap['systemDefaultRegistry'])
        ? 'mirror'
        : nonEmpty(proxy['httpProxy']) || nonEmpty(proxy['httpsProxy'])
          ? 'proxy'
          : 'internet';
  const out: Json = { ...site, version: 2 };
  if (isObject(site['airGap']) || imageSource !== 'internet') out['airGap'] = { ...airGapRest, imageSource };
  if (isObject(site['cluster'])) out['cluster'] = { ...cluster, endpoint: v1Endpoint(site, cluster['controlPlaneHost']) };
  if (isObject(site['network']) && network['clusterDns'] === V1_DEFAULT_CLUSTER_DNS && !inDefaultServiceNetwork(network['serviceCidr'])) {
    out['network'] = { ...network, clusterDns: '' };
  }
  return out;
}

function v1Endpoint(site: Json, host: unknown): 'init-node' | 'kube-vip' | 'load-balancer' {
  const nodes = Array.isArray(site['nodes']) ? site['nodes'].filter(isObject) : [];
  const cidrOf = (n: Json) => (typeof n['address'] === 'string' ? parseCidr(n['address']) : null);
  const vip = typeof host === 'string' ? parseIp(host.trim()) : null;
  if (!vip) return 'load-balancer';
  const init = nodes.find((n) => n['role'] === 'init');
  const initAddress = init ? cidrOf(init)?.address : undefined;
  if (initAddress && formatIp(initAddress) === formatIp(vip)) return 'init-node';
  const servers = nodes.filter((n) => n['role'] !== 'worker').map(cidrOf);
  const onServerNetworks = servers.length > 0 && servers.every((c) => c !== null && networkContains(c, vip));
  const taken = nodes.some((n) => {
    const address = cidrOf(n)?.address;
    return address !== undefined && formatIp(address) === formatIp(vip);
  });
  return onServerNetworks && !taken ? 'kube-vip' : 'load-balancer';
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
