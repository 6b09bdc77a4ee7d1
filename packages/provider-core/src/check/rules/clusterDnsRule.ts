/**
 * cluster-dns must lie in the service network. RKE2 deploys CoreDNS (the rke2-coredns chart) with
 * its Service's clusterIP set to cluster-dns; kube-apiserver's ClusterIP allocator refuses an
 * address outside service-cidr (kubernetes pkg/registry/core/service/ipallocator, ErrNotInRange,
 * wrapped by the Service REST storage as "failed to allocate IP …"), so the chart never installs and
 * no pod resolves names.
 */
import { parseCidr, parseIp, networkContains } from '../../net/ipAddress.js';
import { configList, configKeyPath, type StartFailure, type StartInput } from '../startRule.js';

const CLUSTER_DNS_SOURCE =
  'kubernetes pkg/registry/core/service/ipallocator/interfaces.go, ErrNotInRange; pkg/registry/core/service/storage/alloc.go';

export function clusterDnsRule(input: StartInput): StartFailure[] {
  const config = input.device.config;
  if (!config || input.device.service !== 'rke2-server') return [];
  const dns = configList(config.get('cluster-dns'));
  const networks = configList(config.get('service-cidr'))
    .map((c) => parseCidr(c))
    .filter((n) => n !== null);
  if (networks.length === 0) return [];
  return dns.flatMap((text) => {
    const ip = parseIp(text);
    if (!ip) return [];
    const family = networks.filter((n) => n.address.family === ip.family);
    if (family.some((n) => networkContains(n, ip))) return [];
    const range =
      configList(config.get('service-cidr')).find((c) => parseCidr(c)?.address.family === ip.family) ??
      configList(config.get('service-cidr'))[0]!;
    return [
      {
        rule: 'cluster-dns',
        message: `failed to allocate IP ${text}: the provided IP (${text}) is not in the valid range. The range of valid IPs is ${range}`,
        source: CLUSTER_DNS_SOURCE,
        path: configKeyPath(input, 'cluster-dns', ['network', 'clusterDns']),
      },
    ];
  });
}
