/**
 * Edits of a site's node list, as pure functions from site to site: the nodes table calls these,
 * and undo/redo keeps the sites they return.
 */
import { LIMITS } from '../limits.js';
import { nodeAddressProblem } from '../net/nodeAddress.js';
import { parseCidr } from '../net/ipAddress.js';
import { NodeSchema, type NodeRole, type Site, type SiteNode } from '../site/siteSchema.js';

const withNodes = (site: Site, nodes: SiteNode[]): Site => ({ ...site, nodes });

/** The first name built from `pattern` ("{n}" is the number) not used by another node. */
export function freeNodeName(site: Site, pattern: string, start = 1, taken = new Set(site.nodes.map((n) => n.name))): string {
  return freeNumberedName(pattern, start, taken).name;
}

function freeNumberedName(pattern: string, start: number, taken: ReadonlySet<string>): { name: string; n: number } {
  const template = pattern.includes('{n}') ? pattern : `${pattern}-{n}`;
  for (let n = start; ; n++) {
    const name = template.replaceAll('{n}', String(n));
    if (!taken.has(name)) return { name, n };
  }
}

/** The next IPv4 address after `address` (with its prefix kept), or '' when there is none. */
export function nextAddress(address: string): string {
  const cidr = parseCidr(address);
  const [ip, prefix] = address.split('/');
  if (!cidr || !ip || ip.includes(':')) return '';
  const value = ip.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0) + 1;
  if (value > 0xffffffff) return '';
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256);
  return `${octets.join('.')}/${prefix}`;
}

/**
 * `address` itself when a node can have it, else the next address a node can have: the network and
 * broadcast addresses of its prefix are skipped (net/nodeAddress.ts, as address-invalid reads them).
 */
function usableFrom(address: string): string {
  let candidate = address;
  for (let skipped = 0; candidate && nodeAddressProblem(candidate) !== null && skipped < 4; skipped++) candidate = nextAddress(candidate);
  return candidate && nodeAddressProblem(candidate) === null ? candidate : '';
}

/** The next address after `address` a node can have ('' when there is none): what an added node gets. */
export const nextNodeAddress = (address: string): string => usableFrom(nextAddress(address));

function lastAddress(site: Site): string {
  for (let i = site.nodes.length - 1; i >= 0; i--) {
    const next = nextNodeAddress(site.nodes[i]!.address);
    if (next) return next;
  }
  return '';
}

/** No edit makes a site larger than the designer opens (LIMITS.nodes): it could not be reopened. */
export const roomForNodes = (site: Site): number => Math.max(0, LIMITS.nodes - site.nodes.length);

export function addNode(site: Site, role: NodeRole = 'worker'): Site {
  if (roomForNodes(site) === 0) return site;
  const node = NodeSchema.parse({
    name: freeNodeName(site, role === 'worker' ? 'worker-{n}' : 'cp-{n}'),
    role,
    address: lastAddress(site),
  });
  return withNodes(site, [...site.nodes, node]);
}

/** A copy of node `index` right after it, with a free name and the next address; never a second init. */
export function duplicateNode(site: Site, index: number): Site {
  const source = site.nodes[index];
  if (!source || roomForNodes(site) === 0) return site;
  const base = source.name.replace(/-?\d+$/, '') || 'node';
  const copy: SiteNode = {
    ...structuredClone(source),
    name: freeNodeName(site, `${base}-{n}`, 2),
    hostname: '',
    role: source.role === 'init' ? 'controlplane' : source.role,
    address: lastAddress(site),
  };
  return withNodes(site, [...site.nodes.slice(0, index + 1), copy, ...site.nodes.slice(index + 1)]);
}

export function removeNode(site: Site, index: number): Site {
  return withNodes(
    site,
    site.nodes.filter((_, i) => i !== index),
  );
}

export function updateNode(site: Site, index: number, node: SiteNode): Site {
  return withNodes(
    site,
    site.nodes.map((n, i) => (i === index ? node : n)),
  );
}

/** Role change; making a node `init` turns the previous init into a control plane (one init per site). */
export function setNodeRole(site: Site, index: number, role: NodeRole): Site {
  return withNodes(
    site,
    site.nodes.map((n, i) => (i === index ? { ...n, role } : role === 'init' && n.role === 'init' ? { ...n, role: 'controlplane' } : n)),
  );
}

export interface BulkWorkers {
  count: number;
  /** Name pattern, "{n}" replaced by 1, 2, … skipping names in use, e.g. "store-42-w{n}". */
  namePattern: string;
  /** Address of the first new worker with prefix; the others follow it. Empty leaves addresses empty. */
  firstAddress: string;
}

export function addWorkers(site: Site, { count, namePattern, firstAddress }: BulkWorkers): Site {
  const taken = new Set(site.nodes.map((n) => n.name));
  const added: SiteNode[] = [];
  let next = 1;
  // Each worker the next address a node can have (a /24's .0 and .255 are skipped).
  let address = firstAddress ? usableFrom(firstAddress) : '';
  for (let i = 0; i < Math.min(Math.max(0, Math.floor(count)), roomForNodes(site)); i++) {
    const { name, n } = freeNumberedName(namePattern, next, taken);
    taken.add(name);
    next = n + 1;
    added.push(NodeSchema.parse({ name, role: 'worker', address }));
    address = address ? nextNodeAddress(address) : '';
  }
  return withNodes(site, [...site.nodes, ...added]);
}
