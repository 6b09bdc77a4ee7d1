/**
 * /etc/rancher/rke2/registries.yaml for a site's mirrors and registry credentials (wharfie v0.7.1
 * format, rke2-options.md fact 6). Every node reads it; it holds passwords, so it is mode 0600.
 * Built as Maps (a registry named "__proto__" is a key like any other) and written by
 * renderYamlForGo, which escapes what Go's YAML readers would misread.
 */
import type { GoObject, GoValue } from '../yaml/goJson.js';
import { renderYamlForGo } from '../yaml/renderYamlForGo.js';
import { registryTlsPaths } from './registryTlsSteps.js';
import type { Site } from './siteSchema.js';

const map = (entries: [string, GoValue | undefined][]): GoObject =>
  new Map(entries.filter((e): e is [string, GoValue] => e[1] !== undefined));

export const REGISTRIES_PATH = '/etc/rancher/rke2/registries.yaml';

/** The file's text, or null when the site sets no mirror and no registry config. */
export function registriesYaml(airGap: Site['airGap']): string | null {
  if (airGap.mirrors.length === 0 && airGap.registryConfigs.length === 0) return null;
  const mirrors: GoObject = new Map();
  for (const m of airGap.mirrors) {
    const rewrites = Object.entries(m.rewrites);
    mirrors.set(
      m.registry,
      map([
        ['endpoint', [...m.endpoints]],
        ['rewrite', rewrites.length > 0 ? new Map(rewrites) : undefined],
      ]),
    );
  }
  const configs: GoObject = new Map();
  for (const c of airGap.registryConfigs) {
    const auth =
      c.username || c.password
        ? map([
            ['username', c.username],
            ['password', c.password],
          ])
        : undefined;
    // A file whose content the site carries is written by registryTlsSteps, at its own path or the default one.
    const paths = registryTlsPaths(c);
    const tls = map([
      ['ca_file', paths.ca],
      ['cert_file', paths.cert],
      ['key_file', paths.key],
      ['insecure_skip_verify', c.insecureSkipVerify ? true : undefined],
    ]);
    configs.set(
      c.host,
      map([
        ['auth', auth],
        ['tls', tls.size > 0 ? tls : undefined],
      ]),
    );
  }
  return renderYamlForGo(
    map([
      ['mirrors', mirrors.size > 0 ? mirrors : undefined],
      ['configs', configs.size > 0 ? configs : undefined],
    ]),
  );
}
