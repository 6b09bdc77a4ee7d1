import { describe, expect, it } from 'vitest';
import { expandSite } from '../site/expandSite.js';
import { haSite, variant } from '../../test/siteFixtures.js';
import { bootDevice, readLinkCommand, readSysctlConf } from './deviceModel.js';
import { deviceNeeds, serverSizing } from './deviceNeeds.js';

describe('the device model', () => {
  it("boots a node from its user-data: the provider's files, the merged config and the service", () => {
    const node = expandSite(haSite()).nodes[3]!;
    const device = bootDevice(node);
    expect(device.service).toBe('rke2-agent');
    expect(device.config?.get('server')).toBe('https://192.168.1.5:9345');
    expect([...device.files.keys()]).toContain('/etc/rancher/rke2/config.d/99_userdata.yaml');
    expect(device.sysctls.get('kernel.panic')).toBe('0');
  });

  it("applies the designer's stages: sysctls and the etcd user with its own group (yip createUser)", () => {
    const device = bootDevice(expandSite(variant((s) => (s.security.cisProfile = true))).nodes[0]!);
    expect(device.sysctls.get('kernel.panic')).toBe('10');
    expect(device.users.has('etcd') && device.groups.has('etcd')).toBe(true);
  });

  it('takes kernel arguments from install.grub_options', () => {
    expect(bootDevice(expandSite(variant((s) => (s.security.fips = true))).nodes[0]!).cmdline).toContain('fips=1');
  });

  it('reads sysctl.d lines and ln -s commands, nothing else', () => {
    expect(readSysctlConf('# c\nkernel.panic = 10\n-vm/overcommit_memory=1\nbad\n')).toEqual([
      ['kernel.panic', '10'],
      ['vm.overcommit_memory', '1'],
    ]);
    expect(readLinkCommand('if [ -L /a/l ] || [ ! -e /a/l ]; then ln -sfn /b/t /a/l; fi')).toEqual(['/a/l', '/b/t']);
    expect(readLinkCommand('rm -rf /')).toBeNull();
  });

  it('sizes servers from the RKE2 VM sizing guide and asks for MAC reservations', () => {
    expect([serverSizing(2), serverSizing(300), serverSizing(2000)]).toEqual([
      { cpu: 2, ramGb: 4 },
      { cpu: 4, ramGb: 8 },
      { cpu: 16, ramGb: 32 },
    ]);
    const site = variant((s) => (s.nodes[0]!.mac = '52:54:00:12:34:56'));
    expect(deviceNeeds(site, site.nodes[0]!)).toContain('DHCP reservation of 192.168.1.11 for MAC 52:54:00:12:34:56');
  });

  it('lists the archives the site needs, not only the ones typed in: switching CNI adds its archive', () => {
    const site = variant((s) => {
      Object.assign(s.airGap, {
        imageSource: 'archives',
        imageArchives: ['rke2-images-core.linux-amd64.tar.zst', 'rke2-images-canal.linux-amd64.tar.zst', 'kube-vip.tar'],
      });
      Object.assign(s.network, { cni: 'cilium', multus: true });
    });
    const archives = deviceNeeds(site, site.nodes[3]!).find((n) => n.startsWith('Image archives'))!;
    expect(archives).toContain('rke2-images-cilium.linux-amd64.tar.zst');
    expect(archives).toContain('rke2-images-multus.linux-amd64.tar.zst');
    expect(archives).toContain('kube-vip.tar');
  });
});
