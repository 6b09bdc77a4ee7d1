/**
 * provider-rke2 v4.8.2's ClusterProvider: the yip config it returns for a `cluster:` section.
 * The node's own address (Go's getNodeCIDR: first non-loopback IPv4 with its prefix) is a
 * parameter, since only the device can know it.
 */
import type { Cluster } from '../kairos/clusterSchema.js';
import type { YipConfig, YipFile, YipStage } from '../kairos/yipSchema.js';
import {
  AGENT_SYSTEM_NAME,
  CLUSTER_ROOT_PATH_OPTION,
  CONTAINERD_ENV_CONFIG_PATH,
  FILE_PERMISSIONS,
  JQ_MERGE_COMMAND,
  LOCAL_IMAGES_PATH,
  PROVIDER_CONFIG_FILE,
  PROVIDER_NAME,
  SERVER_SYSTEM_NAME,
  SWAP_OFF_COMMANDS,
  USER_CONFIG_FILE,
} from './constants.js';
import { proxyEnv, type ProviderPanic } from './proxyEnv.js';
import { providerConfigJson, userConfigJson } from './userConfigJson.js';

export interface ProviderOptions {
  /** The node's address with prefix, as getNodeCIDR returns it (e.g. "192.168.1.10/24"). */
  nodeCidr: string;
}

export type ProviderResult = { ok: true; yip: YipConfig } | { ok: false; panic: ProviderPanic };

/** rke2-agent only for role "worker"; every other role runs a server (cases 03, 06, 07). */
export function serviceName(role: string | undefined): string {
  return role === 'worker' ? AGENT_SYSTEM_NAME : SERVER_SYSTEM_NAME;
}

export function clusterRootPath(cluster: Cluster): string {
  return cluster.providerConfig?.[CLUSTER_ROOT_PATH_OPTION] ?? '';
}

function configFile(path: string, content: string): YipFile {
  return { path, permissions: FILE_PERMISSIONS, owner: 0, group: 0, content, encoding: '', ownerstring: '' };
}

/** The optional image import stage: no name, paths pasted in unquoted (cases 19, 20, 21, 48). */
function importImagesStage(cluster: Cluster): YipStage[] {
  if (!cluster.import_local_images) return [];
  const imagesPath = cluster.local_images_path || LOCAL_IMAGES_PATH;
  return [
    {
      commands: [`/bin/sh ${clusterRootPath(cluster)}/opt/rke2/scripts/import.sh ${imagesPath} > /var/log/import.log`],
      if: `[  -d ${imagesPath} ]`,
    },
  ];
}

export function clusterProvider(cluster: Cluster, options: ProviderOptions): ProviderResult {
  const systemName = serviceName(cluster.role);
  const user = userConfigJson(cluster);
  const provider = providerConfigJson(cluster);
  const proxy = proxyEnv(user, cluster.env ?? {}, options.nodeCidr);
  if (!proxy.ok) return proxy;

  const files = [
    configFile(USER_CONFIG_FILE, user.ok ? user.json : ''),
    configFile(PROVIDER_CONFIG_FILE, provider.ok ? provider.json : ''),
  ];
  if (proxy.content.length > 0) files.push(configFile(`${CONTAINERD_ENV_CONFIG_PATH}/${systemName}`, proxy.content));

  const stages: YipStage[] = [
    { commands: [...SWAP_OFF_COMMANDS], name: 'disable disk swap' },
    { commands: [JQ_MERGE_COMMAND], files, name: 'Install RKE2 Configuration Files' },
    ...importImagesStage(cluster),
    { commands: ['sleep 120'], name: 'Waiting to finish extracting content' },
    { commands: [`systemctl enable ${systemName}`, `systemctl restart ${systemName}`], name: 'Enable Systemd Services' },
  ];
  return { ok: true, yip: { name: PROVIDER_NAME, stages: { 'boot.before': stages } } };
}
