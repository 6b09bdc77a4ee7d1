/**
 * The steps the designer adds to a node's `stages.initramfs` (yip runs them on every boot, before
 * the provider starts RKE2), in order. Each generator owns one concern and returns no step when
 * the site does not need it.
 */
import type { GoObject } from '../yaml/goJson.js';
import { cisSteps } from './cisSteps.js';
import { kubeVipSteps } from './kubeVipSteps.js';
import { airGapSteps } from './airGapSteps.js';
import { networkSteps } from './networkSteps.js';
import { registryTlsSteps } from './registryTlsSteps.js';
import { rke2FilesSteps } from './rke2FilesStep.js';
import type { SiteContext } from './rke2ConfigFor.js';
import type { SiteNode } from './siteSchema.js';

/** A generator gets the node's final RKE2 config (what rke2ConfigFor made), so it never re-reads extra config. */
type StepGenerator = (ctx: SiteContext, node: SiteNode, config: GoObject) => GoObject[];

const GENERATORS: StepGenerator[] = [rke2FilesSteps, cisSteps, kubeVipSteps, networkSteps, registryTlsSteps, airGapSteps];

export function designerSteps(ctx: SiteContext, node: SiteNode, config: GoObject): GoObject[] {
  return GENERATORS.flatMap((generate) => generate(ctx, node, config));
}

/** Every file the designer's steps write on the node, as [path, content], in step order. */
export function designerFilesOf(steps: readonly GoObject[]): [string, string][] {
  return steps.flatMap((step) => {
    const files = step.get('files');
    if (!Array.isArray(files)) return [];
    return files.flatMap((file) => {
      if (!(file instanceof Map)) return [];
      const path = file.get('path');
      const content = file.get('content');
      return typeof path === 'string' && typeof content === 'string' ? [[path, content] as [string, string]] : [];
    });
  });
}
