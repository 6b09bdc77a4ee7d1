/** The step writing registries.yaml and the Pod Security admission config, when the site needs them. */
import type { GoObject } from '../yaml/goJson.js';
import { POD_SECURITY_CONFIG_PATH } from './podSecurityConfig.js';
import { REGISTRIES_PATH } from './registriesYaml.js';
import type { SiteContext } from './rke2ConfigFor.js';
import { isServerRole, type SiteNode } from './siteSchema.js';
import { goObject, yipFile } from './yipStep.js';

const SECRET_FILE_MODE = 0o600;

/** Files the node needs that the provider does not write, as [path, content]. */
function rke2FilesFor(ctx: SiteContext, node: SiteNode): [string, string][] {
  const files: [string, string][] = [];
  if (ctx.registriesYaml !== null) files.push([REGISTRIES_PATH, ctx.registriesYaml]);
  if (ctx.podSecurityConfig !== null && isServerRole(node.role)) files.push([POD_SECURITY_CONFIG_PATH, ctx.podSecurityConfig]);
  return files;
}

export function rke2FilesSteps(ctx: SiteContext, node: SiteNode): GoObject[] {
  const files = rke2FilesFor(ctx, node);
  if (files.length === 0) return [];
  const fileEntries = files.map(([path, content]) => yipFile(path, content, SECRET_FILE_MODE));
  return [
    goObject([
      ['name', 'Write RKE2 files designed for this site'],
      ['files', fileEntries],
    ]),
  ];
}
