/**
 * Where a joining node finds the cluster. The provider writes `server: https://<control_plane_host>:9345`
 * on every role but init (provider-rke2 provider.go). An agent without it stops ("--server is
 * required", k3s-io/k3s pkg/cli/agent/agent.go Run); a node whose server nothing answers retries
 * forever, logging "Failed to validate connection to cluster at …: failed to get CA certs: …"
 * (k3s-io/k3s pkg/agent/config/config.go, the ParseAndValidateToken loop): it never joins.
 *
 * What serves the supervisor port in this site:
 * - the init node itself, at its address, or at a DNS name (resolving it there is a device need);
 * - a kube-vip VIP: a kube-vip manifest on the init node that announces that address (the VIP
 *   exists only once the init node's kube-vip runs);
 * - a load balancer the user runs: vouched for, so it becomes a device need instead.
 */
import { parseCidr, parseIp, formatIp } from '../../net/ipAddress.js';
import { SUPERVISOR_PORT } from '../../provider/constants.js';
import type { ExpandedSite } from '../../site/expandSite.js';
import { configText, type StartFailure, type StartInput } from '../startRule.js';
import type { Device } from '../deviceModel.js';
import { kubeVipImageSource } from '../../site/kubeVipImage.js';
import { dataDirOf } from './dataDirRule.js';
import { hostProblem } from '../../net/hostName.js';

const SERVER_URL_SOURCE = 'k3s-io/k3s pkg/agent/config/config.go (ParseAndValidateToken loop); pkg/cli/agent/agent.go, Run';

/** Folders RKE2 reads manifests and static pods from, under the device's data-dir (rancher/rke2 pkg/bootstrap manifestsDir; pkg/rke2 podManifests). */
const manifestDirs = (dataDir: string) => [`${dataDir}/server/manifests/`, `${dataDir}/agent/pod-manifests/`];

/** The host of `https://HOST:PORT`, brackets removed. */
function urlHost(url: string): string | null {
  const m = /^https:\/\/(\[[^\]]+\]|[^/:]+)(?::(\d+))?\/?$/.exec(url.trim());
  return m ? m[1]!.replace(/^\[|\]$/g, '') : null;
}

/**
 * Why a host that is no IP address cannot be a DNS name for the init node: not a valid name (a space,
 * "!", an escape), all digits and dots (10.0.1.300 is no address, and no top-level domain is
 * numeric, RFC 3696 §2), or localhost (the joining node itself). Null when it can be.
 */
function notInitName(host: string): string | null {
  if (hostProblem(host) !== null) return `${host} is neither an IP address nor a valid DNS name`;
  if (/^[\d.]+$/.test(host)) return `${host} is not a valid IP address`;
  if (host.toLowerCase() === 'localhost' || host.toLowerCase().endsWith('.localhost')) return `${host} is the joining node itself`;
  return null;
}

const sameAddress = (a: string, b: string) => {
  const pa = parseIp(a);
  const pb = parseIp(b);
  return pa && pb ? pa.family === pb.family && pa.value === pb.value : a.toLowerCase() === b.toLowerCase();
};

/** Whether a device announces `host` with kube-vip (a manifest naming kube-vip and the address). */
function announcesVip(device: Device, host: string): boolean {
  const dirs = manifestDirs(dataDirOf({ device }).replace(/\/+$/, ''));
  for (const [path, file] of device.files) {
    if (!dirs.some((dir) => path.startsWith(dir))) continue;
    if (file.content.includes('kube-vip') && file.content.includes(host)) return true;
  }
  return false;
}

/** The init node's index, found once per expansion (every joining node asks; a scan each would be quadratic). */
const initIndexes = new WeakMap<ExpandedSite, number>();
function initIndexOf({ site, expanded }: StartInput): number {
  let index = initIndexes.get(expanded);
  if (index === undefined) {
    index = site.nodes.findIndex((n) => n.role === 'init');
    initIndexes.set(expanded, index);
  }
  return index;
}

export function serverUrlRule(input: StartInput): StartFailure[] {
  const { device, site } = input;
  const server = configText(device.config?.get('server'));
  if (!server) {
    return device.service === 'rke2-agent'
      ? [
          {
            rule: 'server-url',
            message: '--server is required',
            source: 'k3s-io/k3s pkg/cli/agent/agent.go, Run',
            path: ['cluster', 'controlPlaneHost'],
          },
        ]
      : [];
  }
  const host = urlHost(server);
  if (host === null) {
    // e.g. control_plane_host 10.0.1.100:6443 gives https://10.0.1.100:6443:9345: nothing can answer there.
    return [
      {
        rule: 'server-url',
        message: `Failed to validate connection to cluster at ${server}: failed to get CA certs: ${server} is not https://HOST:PORT, so no server answers there (control_plane_host must be a host name or address only: the provider adds https:// and :${SUPERVISOR_PORT})`,
        source: SERVER_URL_SOURCE,
        path: ['cluster', 'controlPlaneHost'],
      },
    ];
  }
  const initIndex = initIndexOf(input);
  const init = site.nodes[initIndex];
  const initAddress = init ? parseCidr(init.address)?.address : undefined;
  const served = (() => {
    switch (site.cluster.endpoint) {
      case 'load-balancer':
        return true;
      case 'kube-vip':
        return (
          parseIp(host) !== null &&
          kubeVipImageSource(site).available &&
          initIndex >= 0 &&
          input.devices[initIndex] !== undefined &&
          announcesVip(input.devices[initIndex]!, host)
        );
      case 'init-node':
        // A DNS name is the user's record for the init node: what it resolves to is a device need.
        return (
          init !== undefined &&
          (parseIp(host) === null ? notInitName(host) === null : initAddress !== undefined && sameAddress(formatIp(initAddress), host))
        );
    }
  })();
  if (served) return [];
  const kubeVipImage = kubeVipImageSource(site);
  const why =
    site.cluster.endpoint === 'kube-vip'
      ? parseIp(host) === null
        ? `kube-vip holds an IP address, not the name ${host}`
        : !kubeVipImage.available
          ? `no server can get kube-vip's image ${site.cluster.kubeVip.image} from ${kubeVipImage.registry}, so nothing holds the VIP`
          : `no kube-vip on the init node announces ${host}`
      : init === undefined
        ? 'the site has no init node'
        : parseIp(host) === null
          ? notInitName(host)
          : initAddress === undefined
            ? `the init node ${init.name} has no address, so nothing is known to answer there`
            : `${host} is not the init node's address, ${formatIp(initAddress)}`;
  return [
    {
      rule: 'server-url',
      message: `Failed to validate connection to cluster at ${server}: failed to get CA certs: nothing in this site answers at ${host}:${SUPERVISOR_PORT} (${why})`,
      source: SERVER_URL_SOURCE,
      path: ['cluster', 'controlPlaneHost'],
    },
  ];
}
