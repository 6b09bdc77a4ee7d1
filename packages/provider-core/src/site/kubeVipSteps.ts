/**
 * The kube-vip static pod that holds the control-plane VIP on the servers (`cluster.endpoint:
 * kube-vip`). Every server (init and controlplane) gets the same manifest in the folder RKE2's
 * kubelet runs static pods from (`<data-dir>/agent/pod-manifests`, rancher/rke2
 * `pkg/executor/staticpod/spw.go` `PodManifestsDir`); the servers elect a leader through a Lease
 * and the leader answers ARP for the VIP on the given interface, so joining nodes reach
 * `https://VIP:9345` and the API at `VIP:6443`.
 *
 * The pod is the one kube-vip's own generator writes (kube-vip/kube-vip
 * `pkg/kubevip/config_generator.go` `generatePodSpec`, environment names from
 * `pkg/kubevip/config_envvar.go`), for ARP and the control plane only: no Service load balancing,
 * no IPVS. Its kubeconfig is RKE2's admin kubeconfig, mounted where kube-vip reads one by default
 * (`/etc/kubernetes/admin.conf`, `--k8sConfigPath`); `type: File` makes the kubelet wait (and
 * retry) until RKE2 has written it instead of creating a directory in its place.
 */
import type { GoObject, GoValue } from '../yaml/goJson.js';
import { renderYamlForGo } from '../yaml/renderYamlForGo.js';
import { DEFAULT_DATA_DIR, nodeDataDir } from './nodeDataDir.js';
import type { SiteContext } from './rke2ConfigFor.js';
import { isServerRole, type Site, type SiteNode } from './siteSchema.js';
import { goObject, yipFile } from './yipStep.js';

/** Where the kubelet RKE2 runs reads static pods: `<data-dir>/agent/pod-manifests` (rancher/rke2 pkg/rke2/rke2.go, podManifests). */
export const KUBE_VIP_MANIFEST_NAME = '/agent/pod-manifests/kube-vip.yaml';
const kubeVipManifestPath = (config: GoObject): string => `${nodeDataDir(config)}${KUBE_VIP_MANIFEST_NAME}`;
export const KUBE_VIP_MANIFEST_PATH = `${DEFAULT_DATA_DIR}${KUBE_VIP_MANIFEST_NAME}`;
/** RKE2's admin kubeconfig (written once the API server is up). */
export const RKE2_KUBECONFIG_PATH = '/etc/rancher/rke2/rke2.yaml';
/** The API server port kube-vip announces the VIP for. */
const KUBE_VIP_API_PORT = 6443;
/** kube-vip's defaults for the control-plane lease (cmd/kube-vip.go: leaseName, leaseDuration, leaseRenewDuration, leaseRetry). */
const LEASE = { name: 'plndr-cp-lock', duration: '15', renewDeadline: '10', retryPeriod: '2' };
/** Static pod manifests hold no secret, but RKE2 writes its own with mode 0600 (CIS 1.1.1). */
const MANIFEST_MODE = 0o600;

const env = (name: string, value: string): GoObject =>
  goObject([
    ['name', name],
    ['value', value],
  ]);

/**
 * The kube-vip static pod for a site, as data. About 90 lines on purpose: it is one Kubernetes
 * manifest written out field by field, read top to bottom like the YAML it becomes.
 */
function kubeVipPod(site: Site): GoObject {
  const { kubeVip, controlPlaneHost } = site.cluster;
  const environment: GoValue[] = [
    env('vip_arp', 'true'),
    env('port', String(KUBE_VIP_API_PORT)),
    goObject([
      ['name', 'vip_nodename'],
      ['valueFrom', goObject([['fieldRef', goObject([['fieldPath', 'spec.nodeName']])]])],
    ]),
    env('vip_interface', kubeVip.interface),
    env('cp_enable', 'true'),
    env('cp_namespace', 'kube-system'),
    env('svc_enable', 'false'),
    env('lb_enable', 'false'),
    env('vip_leaderelection', 'true'),
    env('vip_leasename', LEASE.name),
    env('vip_leaseduration', LEASE.duration),
    env('vip_renewdeadline', LEASE.renewDeadline),
    env('vip_retryperiod', LEASE.retryPeriod),
    env('address', controlPlaneHost.trim()),
  ];
  const container = goObject([
    ['name', 'kube-vip'],
    ['image', kubeVip.image],
    ['imagePullPolicy', 'IfNotPresent'],
    ['args', ['manager']],
    ['env', environment],
    [
      'securityContext',
      goObject([
        [
          'capabilities',
          goObject([
            ['add', ['NET_ADMIN', 'NET_RAW']],
            ['drop', ['ALL']],
          ]),
        ],
      ]),
    ],
    [
      'volumeMounts',
      [
        goObject([
          ['name', 'kubeconfig'],
          ['mountPath', '/etc/kubernetes/admin.conf'],
          ['readOnly', true],
        ]),
      ],
    ],
  ]);
  return goObject([
    ['apiVersion', 'v1'],
    ['kind', 'Pod'],
    [
      'metadata',
      goObject([
        ['name', 'kube-vip'],
        ['namespace', 'kube-system'],
      ]),
    ],
    [
      'spec',
      goObject([
        ['containers', [container]],
        [
          'hostAliases',
          [
            goObject([
              ['ip', '127.0.0.1'],
              ['hostnames', ['kubernetes']],
            ]),
          ],
        ],
        ['hostNetwork', true],
        [
          'volumes',
          [
            goObject([
              ['name', 'kubeconfig'],
              [
                'hostPath',
                goObject([
                  ['path', RKE2_KUBECONFIG_PATH],
                  ['type', 'File'],
                ]),
              ],
            ]),
          ],
        ],
      ]),
    ],
  ]);
}

/** Every server gets the same manifest text: rendered once per site context, not once per server. */
const manifests = new WeakMap<SiteContext, string>();
function kubeVipManifest(ctx: SiteContext): string {
  let text = manifests.get(ctx);
  if (text === undefined) {
    text = renderYamlForGo(kubeVipPod(ctx.site));
    manifests.set(ctx, text);
  }
  return text;
}

export function kubeVipSteps(ctx: SiteContext, node: SiteNode, config: GoObject): GoObject[] {
  if (ctx.site.cluster.endpoint !== 'kube-vip' || !isServerRole(node.role)) return [];
  const manifest = yipFile(kubeVipManifestPath(config), kubeVipManifest(ctx), MANIFEST_MODE);
  return [
    goObject([
      ['name', 'Write the kube-vip static pod holding the control-plane VIP'],
      ['files', [manifest]],
    ]),
  ];
}
