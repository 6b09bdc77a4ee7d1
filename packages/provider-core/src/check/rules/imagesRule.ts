/**
 * Images on an air-gapped node (image source "archives"). Before anything else the node needs
 * RKE2's runtime image; without network access it must come from an archive in
 * `<data-dir>/agent/images` (rancher/rke2 pkg/bootstrap/bootstrap.go, Stage → preloadBootstrapFromRuntime;
 * otherwise "failed to get runtime image …"), and every system image of the version, CNI, ingress
 * and Multus from the archives RKE2 publishes for them (imageArchives.ts, groupsFor). Archives
 * reach the folder two ways:
 * - provider-rke2's import stage copies `*.tar` (only those) from `local_images_path` into
 *   /var/lib/rancher/rke2/agent/images (kairos-io/provider-rke2 scripts/import.sh);
 * - the field technician copies them straight into the images folder (imagesPath is that folder),
 *   or a designer step links them there (airGapSteps.ts; the device model reads `ln -s`).
 * What is inside an archive cannot be known here: the check goes by the published names.
 */
import { archiveFileName, groupsFor, groupsListed, isLoadableArchive } from '../../site/imageArchives.js';
import { basename } from '../pathName.js';
import { DEFAULT_DATA_DIR, trimSlash } from '../../site/nodeDataDir.js';
import { dataDirOf } from './dataDirRule.js';
import type { StartFailure, StartInput } from '../startRule.js';

const IMAGES_SOURCE = 'rancher/rke2 pkg/bootstrap/bootstrap.go, Stage; kairos-io/provider-rke2 scripts/import.sh';

/** The archive names RKE2 finds in its images folder on this device. */
function imagesOnDevice(input: Pick<StartInput, 'device' | 'site'>): string[] {
  const imagesDir = `${trimSlash(dataDirOf(input))}/agent/images`;
  const names = new Set<string>();
  for (const path of input.device.files.keys())
    if (path.startsWith(`${imagesDir}/`) && isLoadableArchive(basename(path))) names.add(basename(path));
  const { airGap } = input.site;
  const copied = airGap.imageArchives.map(basename);
  // A link into the images folder counts when it points at an archive the technician copies.
  for (const [link, target] of input.device.links) {
    const name = basename(link);
    if (
      link.startsWith(`${imagesDir}/`) &&
      isLoadableArchive(name) &&
      trimSlash(target.slice(0, target.lastIndexOf('/'))) === trimSlash(airGap.imagesPath) &&
      copied.includes(basename(target))
    )
      names.add(name);
  }
  if (trimSlash(airGap.imagesPath) === imagesDir) {
    for (const name of copied) if (isLoadableArchive(name)) names.add(name);
  } else if (
    input.device.importFrom !== null &&
    trimSlash(input.device.importFrom) === trimSlash(airGap.imagesPath) &&
    imagesDir === `${DEFAULT_DATA_DIR}/agent/images`
  ) {
    for (const name of copied) if (name.endsWith('.tar')) names.add(name);
  }
  return [...names];
}

/** A registry the node can pull RKE2's system images from instead: the system default registry, or a mirror of docker.io (or of every registry). */
function systemImageRegistry(site: StartInput['site']): string | null {
  const { airGap } = site;
  if (airGap.systemDefaultRegistry) return airGap.systemDefaultRegistry;
  const mirror = airGap.mirrors.find((m) => (m.registry === 'docker.io' || m.registry === '*') && m.endpoints.length > 0);
  return mirror ? mirror.registry : null;
}

export function imagesRule(input: StartInput): StartFailure[] {
  if (input.site.airGap.imageSource !== 'archives' || input.device.service === null) return [];
  // What no archive holds is pulled from the site's registry; whether it has the images cannot be known here.
  if (systemImageRegistry(input.site) !== null) return [];
  const present = imagesOnDevice(input);
  const path = ['airGap', 'imageArchives'];
  const imagesDir = `${dataDirOf(input)}/agent/images`;
  const held = groupsListed(present);
  if (!held.has('core')) {
    const runtime = `index.docker.io/rancher/rke2-runtime (the ${input.site.rke2Version} release's tag)`;
    return [
      {
        rule: 'images',
        message: `failed to get runtime image ${runtime}: no ${archiveFileName('core')} (or rke2-images) archive reaches ${imagesDir} and the node has no registry to pull from`,
        source: IMAGES_SOURCE,
        path,
      },
    ];
  }
  const missing = groupsFor(input.site)
    .filter((group) => !held.has(group))
    .map((group) => archiveFileName(group));
  if (missing.length === 0) return [];
  return [
    {
      rule: 'images',
      message: `images cannot be pulled: ${missing.join(', ')} ${missing.length === 1 ? 'does' : 'do'} not reach ${imagesDir} and the node has no registry to pull from`,
      source: IMAGES_SOURCE,
      path,
    },
  ];
}
