/**
 * Reads back the files a designed cloud-config writes with its own stage (registries.yaml and the
 * Pod Security admission config) into the site, so that importing a designed node loses nothing.
 * Any other stage is reported as not imported.
 */
import { parse } from 'yaml';
import { POD_SECURITY_CONFIG_PATH } from './podSecurityConfig.js';
import { REGISTRIES_PATH } from './registriesYaml.js';
import { DESIGNER_FILES_STAGE } from './renderCloudConfig.js';
import { POD_SECURITY_LEVELS, type RegistryConfig, type RegistryMirror, type Site } from './siteSchema.js';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function readRegistries(content: string, site: Site): void {
  const doc = obj(parse(content));
  site.airGap.mirrors = Object.entries(obj(doc['mirrors'])).map(([registry, m]): RegistryMirror => ({
    registry,
    endpoints: strs(obj(m)['endpoint']),
    rewrites: Object.fromEntries(Object.entries(obj(obj(m)['rewrite'])).map(([k, v]) => [k, str(v)])),
  }));
  site.airGap.registryConfigs = Object.entries(obj(doc['configs'])).map(([host, c]): RegistryConfig => {
    const auth = obj(obj(c)['auth']);
    const tls = obj(obj(c)['tls']);
    return {
      host,
      username: str(auth['username']),
      password: str(auth['password']),
      caFile: str(tls['ca_file']),
      certFile: str(tls['cert_file']),
      keyFile: str(tls['key_file']),
      caPem: '',
      certPem: '',
      keyPem: '',
      insecureSkipVerify: tls['insecure_skip_verify'] === true,
    };
  });
}

function readPodSecurity(content: string, site: Site): void {
  const plugin = (obj(parse(content))['plugins'] as unknown[] | undefined)?.map(obj).find((p) => p['name'] === 'PodSecurity');
  const configuration = obj(plugin?.['configuration']);
  const level = str(obj(configuration['defaults'])['enforce']);
  if ((POD_SECURITY_LEVELS as readonly string[]).includes(level)) site.security.podSecurity = level as Site['security']['podSecurity'];
  site.security.podSecurityExemptNamespaces = strs(obj(configuration['exemptions'])['namespaces']);
}

/** Applies the designer's own stage files to the site; returns descriptions of what was left out. */
export function importDesignerStages(cloudConfigText: string, site: Site): string[] {
  let stages: Json;
  try {
    stages = obj(obj(parse(cloudConfigText))['stages']);
  } catch {
    return ['its stages could not be read'];
  }
  const skipped: string[] = [];
  for (const [stageName, steps] of Object.entries(stages)) {
    for (const step of Array.isArray(steps) ? steps.map(obj) : []) {
      const files = Array.isArray(step['files']) ? step['files'].map(obj) : [];
      const other = Object.keys(step).filter((k) => k !== 'name' && k !== 'files');
      if (stageName !== DESIGNER_FILES_STAGE || other.length > 0) {
        skipped.push(`stage ${stageName} "${str(step['name'])}"`);
        continue;
      }
      for (const file of files) {
        const path = str(file['path']);
        if (path === REGISTRIES_PATH) readRegistries(str(file['content']), site);
        else if (path === POD_SECURITY_CONFIG_PATH) readPodSecurity(str(file['content']), site);
        else skipped.push(`file ${path} written by stage ${stageName}`);
      }
    }
  }
  return skipped;
}
