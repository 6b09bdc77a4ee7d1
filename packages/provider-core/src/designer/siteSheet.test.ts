import { describe, expect, it } from 'vitest';
import { haSite, TEST_TOKEN, variant } from '../../test/siteFixtures.js';
import { podSecurityConfig } from '../site/podSecurityConfig.js';
import { POD_SECURITY_LEVELS } from '../site/siteSchema.js';
import { sitePorts } from './rke2Ports.js';
import { analyseSite } from './siteAnalysis.js';
import { effectivePodSecurity } from '../site/podSecurityConfig.js';
import { siteSheet } from './siteSheet.js';

describe('siteSheet', () => {
  it('lays out the cluster, its servers and workers, and the nodes to reserve', () => {
    const sheet = siteSheet(haSite());
    expect(sheet).toMatchObject({ name: 'plant-7', controlPlaneHost: '192.168.1.5', endpoint: 'load-balancer', rke2Version: 'v1.36' });
    expect(sheet.servers.map((n) => n.name)).toEqual(['cp-1', 'cp-2', 'cp-3']);
    expect(sheet.workers.map((n) => n.name)).toEqual(['worker-1', 'worker-2']);
    expect(sheet.nodes[3]).toEqual({ name: 'worker-1', role: 'worker', address: '192.168.1.21/24', labels: ['site=plant-7'] });
    expect(sheet.dhcpReservations[0]).toEqual({ node: 'cp-1', mac: '52:54:00:00:01:11', address: '192.168.1.11' });
    expect(sheet.dhcpReservations).toHaveLength(5);
  });

  it('leaves static nodes out of the DHCP reservations and says when a MAC or address is missing', () => {
    const sheet = siteSheet(
      variant((s) => {
        s.nodes[0]!.addressing = 'static';
        s.nodes[1]!.mac = '';
        s.nodes[1]!.address = '';
      }),
    );
    expect(sheet.dhcpReservations.map((r) => r.node)).toEqual(['cp-2', 'cp-3', 'worker-1', 'worker-2']);
    expect(sheet.dhcpReservations[0]).toEqual({ node: 'cp-2', mac: '', address: '' });
  });

  it('shows the Pod Security level the generated files leave in force', () => {
    for (const cisProfile of [false, true])
      for (const level of POD_SECURITY_LEVELS) {
        const site = variant((s) => Object.assign(s.security, { cisProfile, podSecurity: level }));
        const { podSecurity, podSecurityFromCis } = siteSheet(site).security;
        expect(podSecurityFromCis).toBe(cisProfile);
        // The designer writes its own admission config exactly when the level is not RKE2's default.
        const written = podSecurityConfig(site.security);
        expect(podSecurity).toBe(cisProfile ? 'restricted' : level);
        if (written) expect(written).toContain(`enforce: ${podSecurity}`);
      }
    expect(effectivePodSecurity({ ...haSite().security, cisProfile: true, podSecurity: 'privileged' })).toEqual({
      level: 'restricted',
      fromCis: true,
    });
  });

  it('takes the ports from rke2Ports, and what only servers open', () => {
    const site = variant((s) => (s.network.cni = 'calico'));
    const sheet = siteSheet(site);
    expect(sheet.ports.map((r) => r.port)).toEqual(sitePorts(site).map((r) => r.port));
    expect(sheet.ports.find((r) => r.port === '9345')).toMatchObject({ servers: true, workers: false });
    expect(sheet.ports.find((r) => r.port === '179')).toMatchObject({ servers: true, workers: true });
    expect(sheet.serverOnlyPorts).toBe('6443, 9345, 2379–2381');
  });

  it('groups the devices that need the same things, once the boot check has run', () => {
    const site = haSite();
    expect(siteSheet(site).needs).toBeNull();
    const needs = siteSheet(site, analyseSite(site)).needs!;
    expect(needs.flatMap((g) => g.nodes).sort()).toEqual(site.nodes.map((n) => n.name).sort());
    expect(new Set(needs.map((g) => JSON.stringify(g.needs))).size).toBe(needs.length);
  });

  it('never carries the token, passwords or proxy credentials', () => {
    const site = variant((s) => {
      s.proxy.httpProxy = 'http://field:s3cret-pass@proxy.local:3128';
      s.os.user.passwordHash = '$6$saltsalt$hashhashhash';
    });
    const sheet = siteSheet(site, analyseSite(site));
    expect(sheet.proxy.url).toBe('http://proxy.local:3128');
    const text = JSON.stringify(sheet);
    for (const secret of [TEST_TOKEN, 's3cret-pass', '$6$saltsalt']) expect(text).not.toContain(secret);
  });
});
