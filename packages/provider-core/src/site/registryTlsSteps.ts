/**
 * The registry TLS files whose content the site carries (`caPem`, `certPem`, `keyPem` of a registry
 * config), written on every node by a designer step, so that the `ca_file`, `cert_file` and
 * `key_file` of registries.yaml exist when containerd connects to the mirror (RKE2 passes them to
 * containerd's hosts.toml: rancher/rke2 → k3s-io/k3s `pkg/agent/containerd/config.go`, from
 * rancher/wharfie `pkg/registries` TLSConfig).
 *
 * A file goes where the site says (`caFile`…) or, when that is empty, under
 * /etc/rancher/rke2/tls/<host>/ (the host with every character other than letters, digits, "." "_"
 * and "-" turned into "_"). Certificates are public: 0644; the client key is a secret: 0600.
 */
import type { GoObject } from '../yaml/goJson.js';
import type { SiteContext } from './rke2ConfigFor.js';
import type { RegistryConfig } from './siteSchema.js';
import { goObject, yipFile } from './yipStep.js';

export const REGISTRY_TLS_DIR = '/etc/rancher/rke2/tls';
export const REGISTRY_TLS_STEP = 'Write the registry TLS certificates and keys';

export type TlsPart = 'ca' | 'cert' | 'key';
/** Each part: the field with the content, the field with the path, the default file name, the mode. */
export const TLS_PARTS: readonly {
  part: TlsPart;
  pem: 'caPem' | 'certPem' | 'keyPem';
  file: 'caFile' | 'certFile' | 'keyFile';
  fileName: string;
  mode: number;
}[] = [
  { part: 'ca', pem: 'caPem', file: 'caFile', fileName: 'ca.crt', mode: 0o644 },
  { part: 'cert', pem: 'certPem', file: 'certFile', fileName: 'client.crt', mode: 0o644 },
  { part: 'key', pem: 'keyPem', file: 'keyFile', fileName: 'client.key', mode: 0o600 },
];

/** The host as one path component: `registry.local:5000` → `registry.local_5000`. */
export function hostFolderName(host: string): string {
  const safe = host.replace(/[^A-Za-z0-9._-]/g, '_');
  return safe === '' || /^\.+$/.test(safe) ? '_' : safe;
}

/** The default path of a part's file for a registry host. */
export const defaultTlsPath = (host: string, fileName: string): string => `${REGISTRY_TLS_DIR}/${hostFolderName(host)}/${fileName}`;

/**
 * The path registries.yaml names for each part of a registry's TLS: the site's path, or the
 * default one when the site gives the content but no path; absent when neither is given.
 */
export function registryTlsPaths(config: RegistryConfig): Partial<Record<TlsPart, string>> {
  const paths: Partial<Record<TlsPart, string>> = {};
  for (const { part, pem, file, fileName } of TLS_PARTS) {
    if (config[file]) paths[part] = config[file];
    else if (config[pem]) paths[part] = defaultTlsPath(config.host, fileName);
  }
  return paths;
}

/** The TLS files a site writes, as [path, content, mode], in registry order. */
function registryTlsFiles(configs: readonly RegistryConfig[]): [string, string, number][] {
  return configs.flatMap((config) => {
    const paths = registryTlsPaths(config);
    return TLS_PARTS.flatMap(({ part, pem, mode }): [string, string, number][] =>
      config[pem] && paths[part] ? [[paths[part], config[pem], mode]] : [],
    );
  });
}

export function registryTlsSteps(ctx: SiteContext): GoObject[] {
  const files = registryTlsFiles(ctx.site.airGap.registryConfigs);
  if (files.length === 0) return [];
  return [
    goObject([
      ['name', REGISTRY_TLS_STEP],
      ['files', files.map(([path, content, mode]) => yipFile(path, content, mode))],
    ]),
  ];
}
