/**
 * Reads back the files a designed cloud-config writes with its own stage (registries.yaml and the
 * Pod Security admission config) into the site, so that importing a designed node loses nothing.
 * Any other stage is reported as not imported.
 */
import { parse } from 'yaml';
import { CIS_SYSCTL_CONF_PATH, ETCD_USER } from './cisSteps.js';
import { KUBE_VIP_MANIFEST_NAME } from './kubeVipSteps.js';
import { POD_SECURITY_CONFIG_PATH } from './podSecurityConfig.js';
import { PLACE_ARCHIVES_STEP } from './airGapSteps.js';
import { REGISTRIES_PATH } from './registriesYaml.js';
import { networkUnitPath, staticNetworkUnit } from './networkSteps.js';
import { defaultTlsPath, TLS_PARTS } from './registryTlsSteps.js';
import { DESIGNER_FILES_STAGE } from './renderCloudConfig.js';
import { POD_SECURITY_LEVELS, type RegistryConfig, type RegistryMirror, type Site, type SiteNode } from './siteSchema.js';

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

/**
 * The registry TLS files the designer wrote (registryTlsSteps) back into the PEM fields; a path
 * that is the default one for the host becomes empty again, as it was in the site.
 * Returns the paths it used.
 */
function readRegistryTlsFiles(files: ReadonlyMap<string, string>, site: Site): Set<string> {
  const used = new Set<string>();
  for (const config of site.airGap.registryConfigs) {
    for (const { pem, file, fileName } of TLS_PARTS) {
      const path = config[file];
      const content = path ? files.get(path) : undefined;
      if (content === undefined) continue;
      config[pem] = content;
      if (path === defaultTlsPath(config.host, fileName)) config[file] = '';
      used.add(path);
    }
  }
  return used;
}

/**
 * A static-address unit the designer wrote (networkSteps) back into the node and the site's
 * gateway and DNS servers: only when rendering those values again gives the same text, so a unit
 * written by hand is never half-read. Returns whether it was read.
 */
function readStaticNetworkUnit(path: string, content: string, site: Site, node: SiteNode | undefined): boolean {
  if (!node) return false;
  const values = (key: string) => [...content.matchAll(new RegExp(`^${key}=(.*)$`, 'gm'))].map((m) => m[1]!);
  const [iface] = values('Name');
  const [address] = values('Address');
  if (iface === undefined || address === undefined || path !== networkUnitPath(iface)) return false;
  const candidate = { ...node, addressing: 'static' as const, interface: iface, address: node.address || address };
  const network = { ...site.network, gateway: values('Gateway')[0] ?? '', nameservers: values('DNS') };
  if (staticNetworkUnit(candidate, network) !== content || candidate.address !== address) return false;
  Object.assign(node, { addressing: 'static', interface: iface, address });
  Object.assign(site.network, { gateway: network.gateway, nameservers: network.nameservers });
  return true;
}

/** The archive names the designer's link step placed (airGapSteps): the last word of each `ln -sfn TARGET LINK`. */
function readPlacedArchives(commands: unknown, site: Site): boolean {
  const lines = strs(commands);
  const names = lines.flatMap((line) => [...line.matchAll(/ln -sfn (\S+) (\S+);/g)].map((m) => m[2]!.slice(m[2]!.lastIndexOf('/') + 1)));
  if (names.length === 0 || lines.length !== names.length + 1) return false;
  for (const name of names) if (!site.airGap.imageArchives.includes(name)) site.airGap.imageArchives.push(name);
  return true;
}

/** The kube-vip static pod the designer writes (kubeVipSteps): the site's endpoint is kube-vip, with its interface and image. */
function readKubeVip(content: string, site: Site): void {
  const container = obj((obj(obj(parse(content))['spec'])['containers'] as unknown[] | undefined)?.[0]);
  const env = Array.isArray(container['env']) ? container['env'].map(obj) : [];
  const value = (name: string) => str(env.find((e) => e['name'] === name)?.['value']);
  site.cluster.endpoint = 'kube-vip';
  site.cluster.kubeVip = {
    interface: value('vip_interface') || site.cluster.kubeVip.interface,
    image: str(container['image']) || site.cluster.kubeVip.image,
  };
}

/**
 * The CIS prerequisites the designer writes (cisSteps): the sysctl step and the etcd user. They
 * follow from the profile, which comes in with the RKE2 config, so they need nothing here.
 */
function isCisPrerequisiteStep(step: Json): boolean {
  const keys = Object.keys(step).filter((k) => k !== 'name' && k !== 'files');
  if (keys.length !== 1) return false;
  const files = Array.isArray(step['files']) ? step['files'].map(obj) : [];
  if (keys[0] === 'sysctl') return files.every((f) => f['path'] === CIS_SYSCTL_CONF_PATH);
  return keys[0] === 'users' && files.length === 0 && Object.keys(obj(step['users'])).join() === ETCD_USER;
}

/** Applies the designer's own stage files to the site; returns descriptions of what was left out. */
export function importDesignerStages(cloudConfigText: string, site: Site, node?: SiteNode): string[] {
  let stages: Json;
  try {
    stages = obj(obj(parse(cloudConfigText))['stages']);
  } catch {
    return ['its stages could not be read'];
  }
  const skipped: string[] = [];
  /** Files not read yet, by path, with what to report when nothing claims them. */
  const others = new Map<string, { content: string; report: string }>();
  for (const [stageName, steps] of Object.entries(stages)) {
    for (const step of Array.isArray(steps) ? steps.map(obj) : []) {
      const files = Array.isArray(step['files']) ? step['files'].map(obj) : [];
      const other = Object.keys(step).filter((k) => k !== 'name' && k !== 'files');
      if (stageName === DESIGNER_FILES_STAGE && isCisPrerequisiteStep(step)) continue;
      if (
        stageName === DESIGNER_FILES_STAGE &&
        str(step['name']) === PLACE_ARCHIVES_STEP &&
        other.join() === 'commands' &&
        readPlacedArchives(step['commands'], site)
      )
        continue;
      if (stageName !== DESIGNER_FILES_STAGE || other.length > 0) {
        skipped.push(`stage ${stageName} "${str(step['name'])}"`);
        continue;
      }
      for (const file of files) {
        const path = str(file['path']);
        if (path === REGISTRIES_PATH) readRegistries(str(file['content']), site);
        else if (path === POD_SECURITY_CONFIG_PATH) readPodSecurity(str(file['content']), site);
        else if (path.endsWith(KUBE_VIP_MANIFEST_NAME)) readKubeVip(str(file['content']), site);
        else if (!readStaticNetworkUnit(path, str(file['content']), site, node))
          others.set(path, { content: str(file['content']), report: `file ${path} written by stage ${stageName}` });
      }
    }
  }
  // TLS files are matched to registries.yaml's paths once it has been read, wherever it came in the stages.
  const used = readRegistryTlsFiles(new Map([...others].map(([path, f]) => [path, f.content])), site);
  for (const [path, f] of others) if (!used.has(path)) skipped.push(f.report);
  return skipped;
}
