/**
 * Image archives on an air-gapped node (`airGap.imageSource: archives`), placed where RKE2 loads them.
 *
 * - provider-rke2 v4.8.2 (`import_local_images`) runs `scripts/import.sh local_images_path`, which
 *   copies `find -L PATH -name "*.tar"` into /var/lib/rancher/rke2/agent/images: `*.tar` only, so
 *   the archives RKE2 publishes (`rke2-images-*.linux-amd64.tar.zst`, `.tar.gz`) are skipped;
 * - RKE2 itself loads `.tar`, `.tar.gz`/`.tgz`, `.tar.zst`/`.tzst`, `.tar.bz2`/`.tbz` and `.tar.lz4`
 *   from `<data-dir>/agent/images` when it starts (k3s-io/k3s `pkg/agent/containerd`,
 *   `preloadImages`/`preloadFile`, opening each entry with os.Open, which follows symbolic links).
 *
 * So for every listed archive the provider's script would skip, this step links
 * `<data-dir>/agent/images/NAME` to `IMAGES_PATH/NAME`: no copy of several GB on every boot, no
 * second copy on the disk, and the link works whenever the folder is there when RKE2 starts. `.tar`
 * archives are left to the provider's script (which copies them; `cp` onto a link to the same file
 * would fail). An existing regular file of that name (an archive copied there by hand) is kept.
 *
 * The step's commands are shell lines: they are built only from the images folder and archive
 * names that pass `isShellSafePath`/`isShellSafeFileName` (the same rule securityRules reports
 * as unsafe-path, which blocks export); anything else is left out.
 */
import { isShellSafeFileName, isShellSafePath } from '../text/shellSafePath.js';
import type { GoObject } from '../yaml/goJson.js';
import { archiveStem } from './imageArchives.js';
import { nodeDataDir, trimSlash } from './nodeDataDir.js';
import type { SiteContext } from './rke2ConfigFor.js';
import type { SiteNode } from './siteSchema.js';
import { goObject } from './yipStep.js';

export const PLACE_ARCHIVES_STEP = 'Link the image archives into the folder RKE2 loads them from';

/** Where RKE2 loads archives from on this node: `<data-dir>/agent/images`. */
const rke2ImagesDir = (config: GoObject): string => `${nodeDataDir(config)}/agent/images`;

/** The links the step makes, as [link, target] paths: every listed compressed archive, when the images folder is elsewhere. */
export function placedArchives(ctx: SiteContext, config: GoObject): [string, string][] {
  const { imageSource, imagesPath, imageArchives } = ctx.site.airGap;
  if (imageSource !== 'archives' || !isShellSafePath(imagesPath)) return [];
  const from = trimSlash(imagesPath);
  const to = rke2ImagesDir(config);
  if (from === to) return [];
  const names = imageArchives.filter((name) => isShellSafeFileName(name) && archiveStem(name) !== null && !name.endsWith('.tar'));
  return [...new Set(names)].map((name) => [`${to}/${name}`, `${from}/${name}`]);
}

export function airGapSteps(ctx: SiteContext, _node: SiteNode, config: GoObject): GoObject[] {
  const links = placedArchives(ctx, config);
  if (links.length === 0) return [];
  const dir = rke2ImagesDir(config);
  // A link or nothing is (re)made; a regular file of that name stays.
  const commands = [
    `mkdir -p ${dir}`,
    ...links.map(([link, target]) => `if [ -L ${link} ] || [ ! -e ${link} ]; then ln -sfn ${target} ${link}; fi`),
  ];
  return [
    goObject([
      ['name', PLACE_ARCHIVES_STEP],
      ['commands', commands],
    ]),
  ];
}
