/**
 * What each cloud-config of a set says about the cluster it joins, with the line of each value:
 * its role, cluster_token, control_plane_host, address (node-ip or advertise-address, when the
 * file has one), the RKE2 settings that must agree between nodes (clusterAgreementRules.ts), and
 * the registries.yaml its stages write. A setting left out reads as RKE2's default from the
 * catalog (../shared/rke2-options.json), as RKE2 itself would run.
 */
import { catalogEntry } from '../catalog/rke2Catalog.js';
import { cloudConfigOutline } from '../kairos/cloudConfigOutline.js';
import { decodeCloudConfig } from '../kairos/decodeCloudConfig.js';
import { formatIp, parseCidr, parseIp } from '../net/ipAddress.js';
import { REGISTRIES_PATH } from '../site/registriesYaml.js';
import { readRke2Config } from '../site/readRke2Config.js';
import { GoInt, marshalGoJson, type GoValue } from '../yaml/goJson.js';
import { deref, readYamlDocument, type RawNode } from '../yaml/readYamlDocument.js';

/** A value as a node runs it, and where the file sets it (no line: not set, RKE2's default). */
export interface Located {
  value: string;
  line?: number;
  /** The config key as written (an alias such as `d`, or `cni+`), when it differs from the catalog's name. */
  writtenAs?: string;
}

export interface ClusterMember {
  file: string;
  /** The role as written; anything but init/worker runs a server. */
  role: string;
  token: Located;
  host: Located;
  /** The node's own address, when its config says it (first node-ip, else advertise-address); '' otherwise. */
  address: string;
  /** Catalog key → value, for the keys asked for (set or default). */
  settings: Map<string, Located>;
  /** Canonical content of the registries.yaml its stages write ('' when none). */
  registries: Located;
}

export const isServer = (m: ClusterMember) => m.role !== 'worker';

/** A config value as RKE2 reads it: lists may also be written as one comma-separated string. */
function canonical(value: GoValue | undefined, type: string): string {
  if (value === undefined || value === null) return '';
  if (type === 'stringList') {
    const items = (Array.isArray(value) ? value : [value]).flatMap((v) =>
      typeof v === 'string' ? v.split(',') : [canonical(v, 'string')],
    );
    return items
      .map((s) => s.trim())
      .filter(Boolean)
      .join(',');
  }
  if (type === 'bool' && typeof value === 'string') return value.trim().toLowerCase();
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'boolean') return String(value);
  if (value instanceof GoInt) return value.value.toString();
  return marshalGoJson(value);
}

function defaultOf(key: string): string {
  const entry = catalogEntry(key);
  return entry ? canonical(entry.default as GoValue, entry.type) : '';
}

function pairs(node: RawNode | null | undefined): { key: string; value: RawNode; line: number }[] {
  const map = deref(node);
  if (map?.kind !== 'map') return [];
  return map.pairs.flatMap((p) => (p.key.kind === 'scalar' ? [{ key: p.key.value, value: p.value, line: p.key.line }] : []));
}

const items = (node: RawNode | null | undefined): RawNode[] => {
  const seq = deref(node);
  return seq?.kind === 'seq' ? seq.items : [];
};

/** Sorted-key JSON of a YAML text, so that two registries.yaml differing only in layout compare equal. */
function canonicalYaml(text: string): string {
  const read = readYamlDocument(text, 'v3');
  if (!read.ok) return text.trim();
  const walk = (node: RawNode | null | undefined): unknown => {
    const n = deref(node);
    if (!n) return null;
    if (n.kind === 'scalar') return n.value;
    if (n.kind === 'seq') return n.items.map(walk);
    return Object.fromEntries(
      pairs(n)
        .sort((a, b) => (a.key < b.key ? -1 : 1))
        .map((p) => [p.key, walk(p.value)]),
    );
  };
  return JSON.stringify(walk(read.root));
}

/** The registries.yaml a file's stages (or cloud-init write_files) write at `path`. */
function registriesOf(text: string, path: string): Located {
  const read = readYamlDocument(text, 'v3');
  if (!read.ok) return { value: '' };
  const top = pairs(read.root);
  const fileLists = [
    ...pairs(top.find((p) => p.key === 'stages')?.value).flatMap((stage) =>
      items(stage.value).map((step) => pairs(step).find((p) => p.key === 'files')?.value),
    ),
    top.find((p) => p.key === 'write_files')?.value,
  ];
  for (const list of fileLists) {
    for (const file of items(list)) {
      const fields = pairs(file);
      const at = fields.find((p) => p.key === 'path');
      const content = fields.find((p) => p.key === 'content');
      const pathNode = deref(at?.value);
      const contentNode = deref(content?.value);
      if (pathNode?.kind === 'scalar' && pathNode.value === path && contentNode?.kind === 'scalar')
        return { value: canonicalYaml(contentNode.value), line: content!.line };
    }
  }
  return { value: '' };
}

function addressOf(settings: Map<string, Located>): string {
  for (const key of ['node-ip', 'advertise-address']) {
    const first = settings.get(key)?.value.split(',')[0] ?? '';
    const ip = parseIp(first) ?? parseCidr(first)?.address;
    if (ip) return formatIp(ip);
  }
  return '';
}

/**
 * The member a cloud-config makes, or null when it has no usable cluster: section (its own
 * findings say why). `keys` are the catalog keys to read, besides the address keys.
 */
export function clusterMemberOf(file: { name: string; text: string }, keys: readonly string[]): ClusterMember | null {
  const decoded = decodeCloudConfig(file.text);
  if (decoded.kind !== 'cluster') return null;
  const { cluster } = decoded;
  const outline = cloudConfigOutline(file.text);
  const clusterLine = (key: string) => {
    const line = outline.clusterKeyLines.get(key);
    return line ? { line } : {};
  };
  const read = readRke2Config(cluster.config ?? '');
  const wanted = new Set([...keys, 'node-ip', 'advertise-address', 'private-registry']);
  const settings = new Map<string, Located>();
  if (read.ok) {
    for (const [written, value] of read.config) {
      const entry = catalogEntry(written);
      if (!entry || !wanted.has(entry.key)) continue;
      const line = read.keyLines.get(written);
      settings.set(entry.key, {
        value: canonical(value, entry.type),
        ...(line ? { line: line + outline.configLineOffset } : {}),
        ...(written !== entry.key ? { writtenAs: written } : {}),
      });
    }
  }
  for (const key of wanted) if (!settings.has(key)) settings.set(key, { value: defaultOf(key) });
  return {
    file: file.name,
    role: cluster.role ?? '',
    token: { value: cluster.cluster_token ?? '', ...clusterLine('cluster_token') },
    host: { value: (cluster.control_plane_host ?? '').trim(), ...clusterLine('control_plane_host') },
    address: addressOf(settings),
    settings,
    registries: registriesOf(file.text, settings.get('private-registry')?.value || REGISTRIES_PATH),
  };
}
