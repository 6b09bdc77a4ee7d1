/**
 * IPv4/IPv6 addresses and CIDR blocks as numbers, for the checks a site needs: is this an IP,
 * which network is a node on, does a NO_PROXY entry cover a host. Addresses are bigints
 * (32 or 128 bits) so both families share one code path.
 */

export interface IpAddress {
  family: 4 | 6;
  value: bigint;
}

export interface IpNetwork {
  address: IpAddress;
  prefix: number;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function parseIpv4(text: string): IpAddress | null {
  const m = IPV4.exec(text);
  if (!m) return null;
  let value = 0n;
  for (const part of m.slice(1)) {
    if (part.length > 1 && part.startsWith('0')) return null;
    const n = Number(part);
    if (n > 255) return null;
    value = (value << 8n) | BigInt(n);
  }
  return { family: 4, value };
}

function parseIpv6(text: string): IpAddress | null {
  if (!/^[0-9a-fA-F:.]+$/.test(text) || text.split('::').length > 2) return null;
  const [head = '', tail] = text.split('::') as [string, string | undefined];
  const groups = (part: string): string[] => (part === '' ? [] : part.split(':'));
  const words = (parts: string[]): number[] | null => {
    const out: number[] = [];
    for (const [i, part] of parts.entries()) {
      if (i === parts.length - 1 && part.includes('.')) {
        const v4 = parseIpv4(part);
        if (!v4) return null;
        out.push(Number(v4.value >> 16n), Number(v4.value & 0xffffn));
      } else if (/^[0-9a-fA-F]{1,4}$/.test(part)) out.push(parseInt(part, 16));
      else return null;
    }
    return out;
  };
  const left = words(groups(head));
  const right = tail === undefined ? [] : words(groups(tail));
  if (!left || !right) return null;
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return null;
  const all = [...left, ...Array<number>(tail === undefined ? 0 : missing).fill(0), ...right];
  return { family: 6, value: all.reduce((acc, w) => (acc << 16n) | BigInt(w), 0n) };
}

/** The address a host names when it is one: bare, or an IPv6 address in brackets as a URL writes it (`[fd00::1]`); null for a name. */
export function parseHostAddress(host: string): IpAddress | null {
  return parseIp(host.trim().replace(/^\[(.*)\]$/, '$1'));
}

/** An IPv4 address in dotted decimal or an IPv6 address (no zone, no brackets); null otherwise. */
export function parseIp(text: string): IpAddress | null {
  return parseIpv4(text) ?? parseIpv6(text);
}

/** A bare IPv6 address: pasted into a URL without brackets it is no longer a host (oracle case 23). */
export function isBareIpv6(host: string): boolean {
  return parseIpv6(host) !== null;
}

/** `address/prefix` (a host address with its prefix, or a network). */
export function parseCidr(text: string): IpNetwork | null {
  const slash = text.indexOf('/');
  if (slash < 0) return null;
  const address = parseIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!address || !/^\d{1,3}$/.test(prefixText)) return null;
  const prefix = Number(prefixText);
  return prefix <= bits(address) ? { address, prefix } : null;
}

const bits = (a: IpAddress) => (a.family === 4 ? 32 : 128);

function networkBits(address: IpAddress, prefix: number): bigint {
  const shift = BigInt(bits(address) - prefix);
  return address.value >> shift;
}

export function networkContains(network: IpNetwork, address: IpAddress): boolean {
  return network.address.family === address.family && networkBits(network.address, network.prefix) === networkBits(address, network.prefix);
}

export function formatIp(address: IpAddress): string {
  if (address.family === 4) {
    return [24n, 16n, 8n, 0n].map((s) => String((address.value >> s) & 0xffn)).join('.');
  }
  const words = Array.from({ length: 8 }, (_, i) => Number((address.value >> BigInt(112 - 16 * i)) & 0xffffn));
  // Longest run of zero words (at least two) becomes "::", as RFC 5952 asks.
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > best.length && j - i >= 2) best = { start: i, length: j - i };
    i = j === i ? i + 1 : j;
  }
  const hex = words.map((w) => w.toString(16));
  if (best.start < 0) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
}

/** The network an address with prefix is on, written as a CIDR (`192.168.1.10/24` → `192.168.1.0/24`). */
export function networkOf(network: IpNetwork): string {
  const shift = BigInt(bits(network.address) - network.prefix);
  const base = { family: network.address.family, value: (network.address.value >> shift) << shift };
  return `${formatIp(base)}/${network.prefix}`;
}
