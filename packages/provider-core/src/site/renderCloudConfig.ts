/**
 * A node's Kairos `#cloud-config` (its user-data): OS settings for a USB install, the `cluster:`
 * section the RKE2 provider reads, with `config` as a block string, and `stages` writing the files
 * the provider does not write (registries.yaml, the Pod Security admission config).
 * Built as data and written by renderYamlForGo, so no value can break the YAML around it.
 */
import type { GoObject, GoValue } from '../yaml/goJson.js';
import { renderYamlForGo } from '../yaml/renderYamlForGo.js';
import { designerSteps } from './designerStages.js';
import type { SiteContext } from './rke2ConfigFor.js';
import type { Site, SiteNode } from './siteSchema.js';

const CLOUD_CONFIG_HEADER = '#cloud-config\n';
/** Stage the designer's files are written in: early on every boot, before the provider starts RKE2. */
export const DESIGNER_FILES_STAGE = 'initramfs';

const obj = (entries: [string, GoValue | undefined][]): GoObject =>
  new Map(entries.filter((e): e is [string, GoValue] => e[1] !== undefined));

export function hostnameOf(node: SiteNode): string {
  return node.hostname || node.name;
}

/**
 * Whether the nodes get a user someone can log in as. "No login" is a choice the site makes (lint
 * warns, loginRules.ts); without a name, or without a key or a password, the site has no login
 * either, which lint reports as an error.
 */
export function createsLogin({ os: { user } }: Site): boolean {
  return !user.noLogin && user.name !== '' && (user.sshAuthorizedKeys.length > 0 || user.passwordHash !== '');
}

function usersSection(ctx: SiteContext): GoValue | undefined {
  const { user } = ctx.site.os;
  if (!createsLogin(ctx.site)) return undefined;
  return [
    obj([
      ['name', user.name],
      ['passwd', user.passwordHash || undefined],
      ['ssh_authorized_keys', user.sshAuthorizedKeys.length > 0 ? [...user.sshAuthorizedKeys] : undefined],
      ['groups', ['admin']],
    ]),
  ];
}

function installSection(ctx: SiteContext): GoValue {
  const { install } = ctx.site.os;
  return obj([
    ['device', install.device || 'auto'],
    ['auto', true],
    ['reboot', install.after === 'reboot'],
    ['poweroff', install.after === 'poweroff'],
    // FIPS mode is a kernel switch; RKE2's FIPS build needs the host in FIPS mode.
    ['grub_options', ctx.site.security.fips ? obj([['extra_cmdline', 'fips=1']]) : undefined],
  ]);
}

function proxyEnvSection(ctx: SiteContext): GoValue | undefined {
  const { proxy } = ctx.site;
  // Upper-case names only: the provider ignores lower-case ones (oracle case 18).
  const env = obj([
    ['HTTP_PROXY', proxy.httpProxy || undefined],
    ['HTTPS_PROXY', proxy.httpsProxy || undefined],
    ['NO_PROXY', proxy.noProxy || undefined],
  ]);
  return env.size > 0 ? env : undefined;
}

function stagesSection(steps: readonly GoObject[]): GoValue | undefined {
  return steps.length === 0 ? undefined : obj([[DESIGNER_FILES_STAGE, [...steps]]]);
}

function clusterSection(ctx: SiteContext, node: SiteNode, config: GoObject): GoObject {
  const { airGap } = ctx.site;
  return obj([
    ['cluster_token', ctx.site.cluster.token],
    ['control_plane_host', ctx.controlPlane.host],
    ['role', node.role],
    ['config', renderYamlForGo(config)],
    ['env', proxyEnvSection(ctx)],
    ['import_local_images', airGap.imageSource === 'archives' ? true : undefined],
    ['local_images_path', airGap.imageSource === 'archives' && airGap.imagesPath ? airGap.imagesPath : undefined],
  ]);
}

/** The user-data; `steps` are the node's designer steps (designerSteps), computed once by the caller. */
export function renderCloudConfig(
  ctx: SiteContext,
  node: SiteNode,
  config: GoObject,
  steps: readonly GoObject[] = designerSteps(ctx, node, config),
): string {
  const cloudConfig = obj([
    ['hostname', hostnameOf(node)],
    ['users', usersSection(ctx)],
    ['install', installSection(ctx)],
    ['cluster', clusterSection(ctx, node, config)],
    ['stages', stagesSection(steps)],
  ]);
  return CLOUD_CONFIG_HEADER + renderYamlForGo(cloudConfig);
}

/** The NoCloud `meta-data` that goes beside user-data on a cidata volume. */
export function renderMetaData(siteName: string, node: SiteNode): string {
  return renderYamlForGo(
    obj([
      ['instance-id', `${siteName}-${node.name}`],
      ['local-hostname', hostnameOf(node)],
    ]),
  );
}
