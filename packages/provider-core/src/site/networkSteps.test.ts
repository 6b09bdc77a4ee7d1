import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { haSite, variant } from '../../test/siteFixtures.js';
import { expandSite } from './expandSite.js';
import { importCloudConfigs } from '../import/importCloudConfigs.js';
import { networkSteps, networkUnitPath, STATIC_ADDRESS_STEP } from './networkSteps.js';
import { siteContext } from './rke2ConfigFor.js';
import type { Site } from './siteSchema.js';
import type { YipStage } from '../kairos/yipSchema.js';

const staticSite = (edit: (s: Site) => void = () => undefined) =>
  variant((s) => {
    s.nodes[3]!.addressing = 'static';
    s.nodes[3]!.interface = 'enp3s0';
    Object.assign(s.network, { gateway: '192.168.1.1', nameservers: ['192.168.1.53', '2001:db8::53'] });
    edit(s);
  });

describe('networkSteps', () => {
  it('writes a systemd-networkd unit for a static node, read back from its user-data', () => {
    const steps = (parse(expandSite(staticSite()).nodes[3]!.userData) as { stages: { initramfs: YipStage[] } }).stages.initramfs;
    const file = steps.find((s) => s.name === STATIC_ADDRESS_STEP)!.files![0]!;
    expect(file.path).toBe('/etc/systemd/network/10-static-enp3s0.network');
    expect(file.permissions).toBe(0o644);
    expect(file.content).toBe(
      '[Match]\nName=enp3s0\n\n[Network]\nAddress=192.168.1.21/24\nGateway=192.168.1.1\nDNS=192.168.1.53\nDNS=2001:db8::53\n',
    );
  });

  it('writes nothing for DHCP reservations', () => {
    const site = haSite();
    expect(site.nodes.flatMap((n) => networkSteps(siteContext(site), n))).toEqual([]);
  });

  it('writes no gateway line without a gateway', () => {
    const site = staticSite((s) => (s.network.gateway = ''));
    const files = expandSite(site).nodes[3]!.designerFiles;
    expect(files.find(([p]) => p === networkUnitPath('enp3s0'))![1]).not.toContain('Gateway=');
  });

  it('writes nothing when a value is not valid (interface, address, gateway, DNS server)', () => {
    for (const edit of [
      (s: Site) => (s.nodes[3]!.interface = 'eth0\nDNS=6.6.6.6'),
      (s: Site) => (s.nodes[3]!.address = '192.168.1.21'),
      (s: Site) => (s.network.gateway = '192.168.1.1\n[Route]'),
      (s: Site) => (s.network.nameservers = ['dns.example']),
    ]) {
      const site = staticSite(edit);
      expect(networkSteps(siteContext(site), site.nodes[3]!)).toEqual([]);
    }
  });

  it('reads a static node back when a designed site is imported', () => {
    const imported = importCloudConfigs(expandSite(staticSite()).nodes.map((n) => ({ name: `${n.node.name}.yaml`, text: n.userData })));
    expect(imported.site.nodes[3]).toMatchObject({ addressing: 'static', interface: 'enp3s0', address: '192.168.1.21/24' });
    expect(imported.site.nodes[0]!.addressing).toBe('dhcp-reservation');
    expect(imported.site.network).toMatchObject({ gateway: '192.168.1.1', nameservers: ['192.168.1.53', '2001:db8::53'] });
    expect(imported.findings.filter((f) => f.message.includes('/etc/systemd/network'))).toEqual([]);
  });
});
