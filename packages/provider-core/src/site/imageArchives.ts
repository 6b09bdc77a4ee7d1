/**
 * The image archives RKE2 publishes with each release (linux-amd64), and the ones a site needs.
 *
 * Source: rancher/rke2 `scripts/build-images` writes one image list per group
 * (`build/images-<group>.txt`) and `scripts/package-images` turns each list into the release assets
 * `rke2-images-<group>.linux-amd64.tar.zst` and `.tar.gz` (plus the `.txt` list). Read at the tags
 * v1.33.0+rke2r1 … v1.36.3+rke2r1:
 * - every minor: core, canal, cilium, calico, flannel, multus, harvester, vsphere, and the legacy
 *   `rke2-images.linux-amd64` (core + canal: "a legacy airgap archive set with the default CNI images");
 * - v1.33–v1.35: the ingress-nginx images are in core, traefik has its own archive (`images-traefik`);
 * - v1.36: traefik is in core, ingress-nginx has its own archive (`images-ingress-nginx`);
 *   `images-ovirt` is built only for registries other than docker.io (Rancher Prime), so it is not
 *   among the GitHub release assets.
 * The "none" CNI needs no CNI archive; Multus runs in front of the chosen CNI and needs its own.
 */
import type { Site } from './siteSchema.js';

const ARCHIVE_PLATFORM = 'linux-amd64';
/** Compressions RKE2's release ships each archive in (scripts/package-images: zstd and pigz). */
const PUBLISHED_EXTENSIONS = ['.tar.zst', '.tar.gz'] as const;
/**
 * Names RKE2 loads from its images folder (k3s-io/k3s `pkg/agent/containerd`, `preloadFile`, and
 * rancher/wharfie `pkg/tarfile` SupportedExtensions, vendored by RKE2); `.txt` files there are image
 * lists RKE2 pulls, not archives.
 */
export const LOADABLE_EXTENSIONS = ['.tar', '.tar.lz4', '.tar.bz2', '.tbz', '.tar.gz', '.tgz', '.tar.zst', '.tzst'] as const;

/** Groups of images with an archive of their own. */
export type ArchiveGroup =
  'core' | 'canal' | 'cilium' | 'calico' | 'flannel' | 'multus' | 'traefik' | 'ingress-nginx' | 'harvester' | 'vsphere';

const COMMON_GROUPS: ArchiveGroup[] = ['core', 'canal', 'cilium', 'calico', 'flannel', 'multus', 'harvester', 'vsphere'];

/** The minor version (33 for "v1.33"); the newest known minor for anything else. */
function minorOf(version: string): number {
  const minor = /^v1\.(\d+)/.exec(version)?.[1];
  return minor ? Number(minor) : 36;
}

/** The ingress controller that has an archive of its own in this minor (the other one is in core). */
function separateIngress(version: string): 'traefik' | 'ingress-nginx' {
  return minorOf(version) >= 36 ? 'ingress-nginx' : 'traefik';
}

/** Groups RKE2 publishes an archive for in this minor. */
function publishedGroups(version: string): ArchiveGroup[] {
  return [...COMMON_GROUPS, separateIngress(version)];
}

/** `rke2-images-core` → `rke2-images-core.linux-amd64.tar.zst` (the form the release page offers first). */
export const archiveFileName = (group: ArchiveGroup | 'legacy', extension: string = PUBLISHED_EXTENSIONS[0]): string =>
  `${group === 'legacy' ? 'rke2-images' : `rke2-images-${group}`}.${ARCHIVE_PLATFORM}${extension}`;

/** Every archive file name RKE2 publishes for a minor (each group, in each compression). */
export function publishedArchives(version: string): string[] {
  const groups: (ArchiveGroup | 'legacy')[] = ['legacy', ...publishedGroups(version)];
  return groups.flatMap((g) => PUBLISHED_EXTENSIONS.map((ext) => archiveFileName(g, ext)));
}

/** The groups a site's nodes need images from: core, the CNI, the ingress controller when it has its own archive, Multus. */
export function groupsFor(site: Pick<Site, 'rke2Version' | 'network'>): ArchiveGroup[] {
  const { cni, ingressController, multus } = site.network;
  const groups: ArchiveGroup[] = ['core'];
  if (cni !== 'none') groups.push(cni);
  if (ingressController !== 'none' && ingressController === separateIngress(site.rke2Version)) groups.push(ingressController);
  if (multus) groups.push('multus');
  return groups;
}

/** The archive file names (amd64, .tar.zst as published) a site needs for its version, CNI, ingress and Multus. */
export function archivesFor(site: Pick<Site, 'rke2Version' | 'network'>): string[] {
  return groupsFor(site).map((g) => archiveFileName(g));
}

/** The file's name without a loadable extension (`rke2-images-core.linux-amd64`), or null when RKE2 would not load it. */
export function archiveStem(fileName: string): string | null {
  const lower = fileName.toLowerCase();
  const ext = [...LOADABLE_EXTENSIONS].sort((a, b) => b.length - a.length).find((e) => lower.endsWith(e));
  return ext ? fileName.slice(0, fileName.length - ext.length) : null;
}

export const isLoadableArchive = (fileName: string): boolean => archiveStem(fileName) !== null;

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/**
 * The groups the listed archives hold, whatever their compression (a decompressed `.tar` holds the
 * same images); the legacy `rke2-images` archive holds core and canal.
 */
export function groupsListed(fileNames: readonly string[]): Set<ArchiveGroup> {
  const held = new Set<ArchiveGroup>();
  for (const name of fileNames) {
    const stem = archiveStem(baseName(name));
    if (stem === `rke2-images.${ARCHIVE_PLATFORM}`) {
      held.add('core');
      held.add('canal');
      continue;
    }
    const group = new RegExp(`^rke2-images-([a-z-]+)\\.${ARCHIVE_PLATFORM}$`).exec(stem ?? '')?.[1];
    if (group) held.add(group as ArchiveGroup);
  }
  return held;
}

/** Whether a listed name is one of RKE2's own archives for this minor (any loadable compression). */
export function isPublishedArchive(fileName: string, version: string): boolean {
  const stem = archiveStem(baseName(fileName));
  if (stem === null) return false;
  const stems = new Set(['legacy' as const, ...publishedGroups(version)].map((g) => archiveFileName(g, '')));
  return stems.has(stem);
}
