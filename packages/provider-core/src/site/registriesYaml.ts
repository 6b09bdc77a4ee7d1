/**
 * /etc/rancher/rke2/registries.yaml for a site's mirrors and registry credentials (wharfie v0.7.1
 * format, rke2-options.md fact 6). Every node reads it; it holds passwords, so it is mode 0600.
 */
import { stringify } from 'yaml';
import type { Site } from './siteSchema.js';

export const REGISTRIES_PATH = '/etc/rancher/rke2/registries.yaml';

/** The file's text, or null when the site sets no mirror and no registry config. */
export function registriesYaml(airGap: Site['airGap']): string | null {
  if (airGap.mirrors.length === 0 && airGap.registryConfigs.length === 0) return null;
  const mirrors: Record<string, unknown> = {};
  for (const m of airGap.mirrors) {
    mirrors[m.registry] = {
      endpoint: m.endpoints,
      ...(Object.keys(m.rewrites).length > 0 ? { rewrite: m.rewrites } : {}),
    };
  }
  const configs: Record<string, unknown> = {};
  for (const c of airGap.registryConfigs) {
    const auth = c.username || c.password ? { username: c.username, password: c.password } : undefined;
    const tlsEntries = Object.entries({ ca_file: c.caFile, cert_file: c.certFile, key_file: c.keyFile }).filter(([, v]) => v !== '');
    const tls = { ...Object.fromEntries(tlsEntries), ...(c.insecureSkipVerify ? { insecure_skip_verify: true } : {}) };
    configs[c.host] = { ...(auth ? { auth } : {}), ...(Object.keys(tls).length > 0 ? { tls } : {}) };
  }
  const doc = {
    ...(airGap.mirrors.length > 0 ? { mirrors } : {}),
    ...(airGap.registryConfigs.length > 0 ? { configs } : {}),
  };
  return stringify(doc, { lineWidth: 0 });
}
