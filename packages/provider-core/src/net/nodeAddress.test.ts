import { describe, expect, it } from 'vitest';
import { nodeAddressesProblems, nodeAddressProblem } from './nodeAddress.js';

describe('nodeAddressProblem', () => {
  it('accepts unicast host addresses, both ends of a /31 (RFC 3021) and a /32', () => {
    for (const ok of ['10.0.1.11/24', '192.168.1.1/31', '192.168.1.0/31', '10.0.0.5/32', 'fd00::12/64', 'fd00::/127', '2001:db8::ffff/64'])
      expect(nodeAddressProblem(ok), ok).toBeNull();
  });

  it('refuses what is no host address, saying why', () => {
    expect(nodeAddressProblem('10.0.1.11')).toBe('10.0.1.11 is not an IP address with its prefix, e.g. 10.0.1.11/24');
    expect(nodeAddressProblem('0.0.0.0/0')).toContain('0.0.0.0 is the unspecified address');
    expect(nodeAddressProblem('::/64')).toContain(':: is the unspecified address');
    expect(nodeAddressProblem('127.0.0.2/8')).toContain('127.0.0.2 is a loopback address');
    expect(nodeAddressProblem('::1/128')).toContain('::1 is a loopback address');
    expect(nodeAddressProblem('224.0.0.5/24')).toContain('multicast');
    expect(nodeAddressProblem('ff02::1/64')).toContain('multicast');
    expect(nodeAddressProblem('240.0.0.1/24')).toContain('reserved');
    expect(nodeAddressProblem('10.0.1.0/24')).toBe("10.0.1.0 is the network address of 10.0.1.0/24, not a host's (RFC 1122 3.2.1.3)");
    expect(nodeAddressProblem('10.0.1.255/24')).toBe("10.0.1.255 is the broadcast address of 10.0.1.0/24, not a host's (RFC 1122 3.2.1.3)");
    expect(nodeAddressProblem('10.0.1.3/30')).toContain('broadcast address of 10.0.1.0/30');
    expect(nodeAddressProblem('fd00::/64')).toContain('Subnet-Router anycast address of fd00::/64');
    // Go's net.ParseIP reads ::ffff:10.0.1.11 as 10.0.1.11: it would be a second spelling of an IPv4 node.
    expect(nodeAddressProblem('::ffff:10.0.1.11/120')).toBe(
      '::ffff:10.0.1.11 is an IPv4-mapped address: it stands for the IPv4 host 10.0.1.11, so give that address (RFC 4291 2.5.5.2)',
    );
    expect(nodeAddressProblem('10.0.1.11/024')).toBe('10.0.1.11/024: write the prefix length 24 without leading zeros or signs');
  });

  it('lists each bad address by name and an IP given to two names', () => {
    expect(nodeAddressesProblems({ 'cp-1': '10.0.1.11/24', 'cp-2': '10.0.1.11/16', w: '10.0.1.255/24' })).toEqual([
      'cp-1 and cp-2 are both given 10.0.1.11: two nodes cannot share one address',
      "w: 10.0.1.255 is the broadcast address of 10.0.1.0/24, not a host's (RFC 1122 3.2.1.3)",
    ]);
  });
});
