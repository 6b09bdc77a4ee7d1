/**
 * Is an `ADDRESS/PREFIX` usable as a node's own address: a unicast host address on its network.
 * The same rules serve `rke2-edge check --address` and the designer's address fields.
 *
 * - RFC 1122 3.2.1.3: 0.0.0.0 ("this host", (a)), 127.0.0.0/8 (loopback, (g)), a host part of all
 *   zeros (the network) or all ones (directed broadcast, (c)) are no host's address; class E
 *   (240.0.0.0/4, RFC 1112 section 4) is reserved, 224.0.0.0/4 is multicast (RFC 1112 section 4);
 * - RFC 3021: on a /31 both addresses are hosts (no network or broadcast address); a /32 is one host;
 * - RFC 4291: :: is unspecified (2.5.2), ::1 loopback (2.5.3), ::ffff:0:0/96 an IPv4 host written as
 *   IPv6 (2.5.5.2: Go's net.ParseIP reads it as the IPv4 address), ff00::/8 multicast (2.7), and the
 *   host part of all zeros is the Subnet-Router anycast address (2.6.1; RFC 6164 exempts /127).
 */
import { formatIp, networkOf, parseCidr, type IpAddress } from './ipAddress.js';

const inBlock = (a: IpAddress, family: 4 | 6, base: bigint, prefix: number) => {
  const shift = BigInt((family === 4 ? 32 : 128) - prefix);
  return a.family === family && a.value >> shift === base >> shift;
};

const isV4Mapped = (a: IpAddress) => a.family === 6 && a.value >> 32n === 0xffffn;

/** The host an address names, as text: an IPv4-mapped IPv6 address is its IPv4 host (Go's net.IP.Equal says so too). */
export function hostOf(address: IpAddress): string {
  return formatIp(isV4Mapped(address) ? { family: 4, value: address.value & 0xffffffffn } : address);
}

/** Why `cidr` cannot be a node's address, or null when it can. */
export function nodeAddressProblem(cidr: string): string | null {
  const network = parseCidr(cidr.trim());
  if (!network) return `${cidr} is not an IP address with its prefix, e.g. 10.0.1.11/24`;
  const { address, prefix } = network;
  const ip = formatIp(address);
  const v4 = address.family === 4;
  const prefixText = cidr.trim().slice(cidr.trim().lastIndexOf('/') + 1);
  if (!/^(0|[1-9]\d*)$/.test(prefixText)) return `${cidr.trim()}: write the prefix length ${prefix} without leading zeros or signs`;
  if (isV4Mapped(address))
    return `${cidr.trim().slice(0, cidr.trim().lastIndexOf('/'))} is an IPv4-mapped address: it stands for the IPv4 host ${hostOf(address)}, so give that address (RFC 4291 2.5.5.2)`;
  if (address.value === 0n) return `${ip} is the unspecified address, not a host's (${v4 ? 'RFC 1122 3.2.1.3' : 'RFC 4291 2.5.2'})`;
  if (v4 ? inBlock(address, 4, 0x7f000000n, 8) : address.value === 1n)
    return `${ip} is a loopback address: no other node reaches it (${v4 ? 'RFC 1122 3.2.1.3' : 'RFC 4291 2.5.3'})`;
  if (v4 ? inBlock(address, 4, 0xe0000000n, 4) : inBlock(address, 6, 0xffn << 120n, 8))
    return `${ip} is a multicast address, not a host's (${v4 ? 'RFC 1112 section 4' : 'RFC 4291 2.7'})`;
  if (v4 && inBlock(address, 4, 0xf0000000n, 4)) return `${ip} is in the reserved block 240.0.0.0/4, not a host's (RFC 1112 section 4)`;
  const hostBits = BigInt((v4 ? 32 : 128) - prefix);
  const host = address.value & ((1n << hostBits) - 1n);
  // RFC 3021 (/31) and RFC 6164 (/127): both addresses of a two-address link are hosts.
  if (hostBits < 2n) return null;
  if (host === 0n)
    return v4
      ? `${ip} is the network address of ${networkOf(network)}, not a host's (RFC 1122 3.2.1.3)`
      : `${ip} is the Subnet-Router anycast address of ${networkOf(network)}, not a host's (RFC 4291 2.6.1)`;
  if (v4 && host === (1n << hostBits) - 1n)
    return `${ip} is the broadcast address of ${networkOf(network)}, not a host's (RFC 1122 3.2.1.3)`;
  return null;
}

/**
 * The problems of a set of node addresses by name: each address's own, and one IP given to two
 * names (`cp-2 and cp-3 are both given 10.0.1.12`).
 */
export function nodeAddressesProblems(addresses: Readonly<Record<string, string>>): string[] {
  const problems: string[] = [];
  const byIp = new Map<string, string>();
  for (const [name, cidr] of Object.entries(addresses)) {
    const problem = nodeAddressProblem(cidr);
    if (problem) {
      problems.push(`${name}: ${problem}`);
      continue;
    }
    const ip = formatIp(parseCidr(cidr.trim())!.address);
    const other = byIp.get(ip);
    if (other !== undefined) problems.push(`${other} and ${name} are both given ${ip}: two nodes cannot share one address`);
    else byIp.set(ip, name);
  }
  return problems;
}
