/**
 * Whether the servers can get kube-vip's image. kube-vip is not in RKE2's image archives, so on a
 * site whose images come from archives or a registry mirror the image must be mirrored, pushed to
 * the site's registry, or carried in an archive of the user's own; otherwise no server starts
 * kube-vip, nothing holds the VIP, and no joining node ever reaches the control plane.
 * An archive counts when its file name says "kube-vip" (like RKE2's own, the check goes by names).
 */
import type { Site } from './siteSchema.js';

export type KubeVipImageSource =
  | { available: true; from: 'internet' | 'registry' }
  | { available: true; from: 'archive'; archive: string }
  | { available: false; registry: string };

/** The registry an image reference is pulled from (containerd's rule: a first part with "." or ":", or localhost; else docker.io). */
export function imageRegistry(image: string): string {
  const slash = image.indexOf('/');
  const first = slash < 0 ? '' : image.slice(0, slash);
  return first.includes('.') || first.includes(':') || first === 'localhost' ? first : 'docker.io';
}

const urlHost = (url: string): string => url.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '');

/** Registries a node pulls from when images do not come from the internet: the mirrored ones, the mirrors themselves, the system default registry. */
function reachableRegistries(site: Site): Set<string> {
  const { airGap } = site;
  return new Set([
    ...airGap.mirrors.map((m) => m.registry),
    ...airGap.mirrors.flatMap((m) => m.endpoints.map(urlHost)),
    ...(airGap.systemDefaultRegistry ? [airGap.systemDefaultRegistry] : []),
  ]);
}

export function kubeVipImageSource(site: Site): KubeVipImageSource {
  const { imageSource, imageArchives } = site.airGap;
  if (imageSource === 'internet' || imageSource === 'proxy') return { available: true, from: 'internet' };
  const registry = imageRegistry(site.cluster.kubeVip.image);
  const reachable = reachableRegistries(site);
  if (reachable.has(registry) || reachable.has('*')) return { available: true, from: 'registry' };
  const archive = imageSource === 'archives' ? imageArchives.find((name) => /kube-vip/i.test(name)) : undefined;
  return archive !== undefined ? { available: true, from: 'archive', archive } : { available: false, registry };
}
