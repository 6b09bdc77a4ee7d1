import { describe, expect, it } from 'vitest';
import { haSite, variant } from '../../test/siteFixtures.js';
import type { Site } from '../site/siteSchema.js';
import { lintAddressing } from './addressingRules.js';
import { lintSite } from './lintSite.js';

const codes = (site: Site) => lintAddressing(site).map((f) => `${f.severity} ${f.code} ${f.path.join('.')}`);
const staticNode = (edit: (s: Site) => void = () => undefined) =>
  variant((s) => {
    s.nodes[3]!.addressing = 'static';
    Object.assign(s.network, { gateway: '192.168.1.1', nameservers: ['192.168.1.53'] });
    edit(s);
  });

describe('addressing', () => {
  it('passes DHCP reservations with MAC addresses and a complete static node', () => {
    expect(codes(haSite())).toEqual([]);
    expect(codes(staticNode())).toEqual([]);
    expect(lintSite(staticNode()).filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('a reservation needs the MAC; a MAC must be six hex pairs', () => {
    expect(codes(variant((s) => (s.nodes[0]!.mac = '')))).toEqual(['info mac-missing nodes.0.mac']);
    expect(codes(variant((s) => (s.nodes[0]!.mac = '52:54:00:12:34')))).toEqual(['error mac-invalid nodes.0.mac']);
    expect(codes(variant((s) => (s.nodes[0]!.mac = '52:54:00:12:34:5g')))).toEqual(['error mac-invalid nodes.0.mac']);
  });

  it('static: a missing gateway warns, a bad or foreign gateway and bad DNS servers fail, an empty address fails', () => {
    expect(codes(staticNode((s) => (s.network.gateway = '')))).toEqual(['warning gateway-missing network.gateway']);
    expect(codes(staticNode((s) => (s.network.gateway = 'gw.local')))).toEqual(['error gateway-invalid network.gateway']);
    expect(codes(staticNode((s) => (s.network.gateway = '10.0.0.1')))).toEqual(['error gateway-outside-subnet network.gateway']);
    expect(codes(staticNode((s) => (s.network.nameservers = ['192.168.1.53', 'dns.local'])))).toEqual([
      'error nameserver-invalid network.nameservers.1',
    ]);
    expect(codes(staticNode((s) => (s.nodes[3]!.address = '')))).toEqual(['error address-invalid nodes.3.address']);
  });

  it("an interface name that is not Linux's is a security finding", () => {
    const security = (iface: string) =>
      lintSite(staticNode((s) => (s.nodes[3]!.interface = iface)))
        .filter((f) => f.path.join('.') === 'nodes.3.interface')
        .map((f) => f.code);
    expect(security('enp3s0')).toEqual([]);
    expect(security('eth0/../../x')).toEqual(['interface-invalid']);
    expect(security('a-very-long-interface')).toEqual(['interface-invalid']);
    expect(security('eth0\n[Network]')).toEqual(['line-break']);
    expect(security('')).toEqual(['interface-invalid']);
  });
});
