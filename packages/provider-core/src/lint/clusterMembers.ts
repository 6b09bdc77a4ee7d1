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
import { GoInt, marshalGoJson, type GoObject, type GoValue } from '../yaml/goJson.js';
import { parseGoBool } from '../yaml/goBool.js';
import { deref, readYamlDocument, type RawNode } from '../yaml/readYamlDocument.js';

/** A value as a node runs it, and where the file sets it. */
export interface Located {
  value: string;
  /** The file sets it; otherwise `value` is RKE2's default (a config key) or empty (a Kairos field). */
  set: boolean;
  /** Where it is written, when known (a value a merge key brings in: where the merged map writes it). */
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

/**
 * A config value as RKE2 reads it: k3s pkg/configfilearg turns each value into flag text
 * (convert.ToString; a list into one flag per item), so lists may also be one comma-separated
 * string, and a bool is whatever strconv.ParseBool makes of the text (`true`, `"True"`, `1`, `t`
 * are all true; text it refuses stays as written, rke2-refuses-start says why).
 */
function canonical(value: GoValue | undefined, type: string): string {
  if (value === undefined || value === null) return '';
  // A list given to a flag of one value: one flag per item, the last one wins.
  if (Array.isArray(value) && type !== 'stringList') return canonical(value[value.length - 1], type);
  if (type === 'stringList') {
    const items = (Array.isArray(value) ? value : [value]).flatMap((v) =>
      typeof v === 'string' ? v.split(',') : [canonical(v, 'string')],
    );
    return items
      .map((s) => s.trim())
      .filter(Boolean)
      .join(',');
  }
  const text =
    typeof value === 'string'
      ? value
      : value instanceof GoInt
        ? value.value.toString()
        : typeof value === 'boolean'
          ? String(value)
          : marshalGoJson(value);
  if (type === 'bool') return String(parseGoBool(text) ?? text);
  return typeof value === 'string' ? text.trim() : text;
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
  if (!read.ok) return { value: '', set: false };
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
        return { value: canonicalYaml(contentNode.value), set: true, line: content!.line };
    }
  }
  return { value: '', set: false };
}

/**
 * The wanted catalog settings a config sets, as the device's RKE2 reads them. The provider writes
 * the config as JSON (sigs.k8s.io/yaml, keys sorted), and k3s pkg/configfilearg readConfigFile
 * reads it key by key: `key+` appends to the value `key` has so far, and each key becomes flags
 * (`-d`, `--data-dir`), of which a list flag keeps every item and any other flag the last.
 */
function configSettings(config: GoObject, keyLines: Map<string, number>, lineOffset: number, wanted: Set<string>): Map<string, Located> {
  const byFlag = new Map<string, { value: GoValue; written: string }>();
  for (const written of [...config.keys()].sort()) {
    const entry = catalogEntry(written);
    if (!entry || !wanted.has(entry.key)) continue;
    const flag = written.endsWith('+') ? written.slice(0, -1) : written;
    const value = config.get(written)!;
    const before = byFlag.get(flag);
    const asList = (v: GoValue) => (Array.isArray(v) ? v : [v]);
    byFlag.set(flag, {
      value: before && flag !== written ? [...asList(before.value), ...asList(value)] : value,
      written,
    });
  }
  const settings = new Map<string, Located>();
  const values = new Map<string, GoValue[]>();
  for (const [flag, { value, written }] of byFlag) {
    const entry = catalogEntry(flag)!;
    const items = entry.type === 'stringList' ? [...(values.get(entry.key) ?? []), value] : [value];
    values.set(entry.key, items);
    const line = keyLines.get(written);
    settings.set(entry.key, {
      value: canonical(entry.type === 'stringList' ? items.flat() : value, entry.type),
      set: true,
      ...(line ? { line: line + lineOffset } : {}),
      ...(written !== entry.key ? { writtenAs: written } : {}),
    });
  }
  return settings;
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
  const settings = read.ok ? configSettings(read.config, read.keyLines, outline.configLineOffset, wanted) : new Map<string, Located>();
  for (const key of wanted) if (!settings.has(key)) settings.set(key, { value: defaultOf(key), set: false });
  return {
    file: file.name,
    role: cluster.role ?? '',
    token: { value: cluster.cluster_token ?? '', set: cluster.cluster_token !== undefined, ...clusterLine('cluster_token') },
    host: {
      value: (cluster.control_plane_host ?? '').trim(),
      set: cluster.control_plane_host !== undefined,
      ...clusterLine('control_plane_host'),
    },
    address: addressOf(settings),
    settings,
    registries: registriesOf(file.text, settings.get('private-registry')?.value || REGISTRIES_PATH),
  };
}
