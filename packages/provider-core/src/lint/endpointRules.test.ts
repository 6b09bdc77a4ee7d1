import { describe, expect, it } from 'vitest';
import { haSite, kubeVipSite } from '../../test/siteFixtures.js';
import type { Site } from '../site/siteSchema.js';
import { imageRegistry } from '../site/kubeVipImage.js';
import { lintEndpoint } from './endpointRules.js';

const codes = (site: Site) => lintEndpoint(site).map((f) => `${f.severity} ${f.code}`);
const edited = (site: Site, edit: (s: Site) => void) => {
  edit(site);
  return site;
};
const initNodeSite = (host: string) =>
  edited(kubeVipSite(), (s) => Object.assign(s.cluster, { endpoint: 'init-node', controlPlaneHost: host }));

describe('control-plane endpoint rules', () => {
  describe('init-node', () => {
    it("passes when the host is the init node's address, or a name", () => {
      expect(codes(initNodeSite('192.168.1.11'))).toEqual([]);
      expect(codes(initNodeSite('cp-1.plant-7.example'))).toEqual([]);
    });
    it('names the host and the init node when another IP is given', () => {
      const [finding] = lintEndpoint(initNodeSite('192.168.1.12'));
      expect(finding).toMatchObject({ severity: 'error', code: 'endpoint-not-served', fix: { value: '192.168.1.11' } });
      expect(finding!.message).toContain('192.168.1.12');
      expect(finding!.message).toContain('cp-1 (192.168.1.11)');
    });
  });

  describe('kube-vip', () => {
    it("passes for a free IP on the servers' network, announced on a valid interface", () => {
      expect(codes(kubeVipSite())).toEqual([]);
    });
    it('refuses a name as the VIP', () => {
      expect(codes(edited(kubeVipSite(), (s) => (s.cluster.controlPlaneHost = 'k8s.plant-7.example')))).toEqual(['error vip-not-address']);
    });
    it("refuses a node's address as the VIP, naming the node", () => {
      const findings = lintEndpoint(edited(kubeVipSite(), (s) => (s.cluster.controlPlaneHost = '192.168.1.21')));
      expect(findings.map((f) => f.code)).toEqual(['vip-is-node-address']);
      expect(findings[0]!.message).toContain('worker-1');
    });
    it("refuses a VIP outside the servers' network, naming them", () => {
      const findings = lintEndpoint(edited(kubeVipSite(), (s) => (s.cluster.controlPlaneHost = '10.0.0.5')));
      expect(findings.map((f) => f.code)).toEqual(['vip-outside-subnet']);
      expect(findings[0]!.message).toContain('cp-1 (192.168.1.11/24), cp-2 (192.168.1.12/24), cp-3 (192.168.1.13/24)');
      // a worker on another network does not matter: it does not hold the VIP
      expect(codes(edited(kubeVipSite(), (s) => (s.nodes[4]!.address = '10.9.0.4/24')))).toEqual([]);
    });
    it.each(['eth0/x', 'eth0 x', 'eth0:1', '..', '', 'a-very-long-interface0', 'eth0\nvip_arp'])('refuses the interface %j', (name) => {
      expect(codes(edited(kubeVipSite(), (s) => (s.cluster.kubeVip.interface = name)))).toEqual(['error interface-invalid']);
    });
    it.each(['eth0', 'enp3s0', 'br-lan', 'bond0.100', 'wlp2s0f1_x'])('accepts the interface %s', (name) => {
      expect(codes(edited(kubeVipSite(), (s) => (s.cluster.kubeVip.interface = name)))).toEqual([]);
    });
  });

  describe('the kube-vip image on air-gapped sites', () => {
    const airGapped = (edit: (s: Site) => void) =>
      edited(kubeVipSite(), (s) => {
        Object.assign(s.airGap, {
          imageSource: 'mirror',
          systemDefaultRegistry: 'registry.local:5000',
          mirrors: [{ registry: 'docker.io', endpoints: ['https://registry.local:5000'], rewrites: {} }],
        });
        edit(s);
      });
    it('is an error, naming the image, when nothing mirrors ghcr.io: no server could hold the VIP', () => {
      const findings = lintEndpoint(airGapped(() => {}));
      expect(findings).toMatchObject([{ severity: 'error', code: 'kube-vip-image-unavailable', path: ['cluster', 'kubeVip', 'image'] }]);
      expect(findings[0]!.message).toContain('ghcr.io/kube-vip/kube-vip:v0.9.2');
    });
    it("passes when ghcr.io (or everything) is mirrored, or the image is on the site's registry", () => {
      expect(
        codes(airGapped((s) => s.airGap.mirrors.push({ registry: 'ghcr.io', endpoints: ['https://registry.local:5000'], rewrites: {} }))),
      ).toEqual([]);
      expect(codes(airGapped((s) => (s.airGap.mirrors[0]!.registry = '*')))).toEqual([]);
      expect(codes(airGapped((s) => (s.cluster.kubeVip.image = 'registry.local:5000/kube-vip/kube-vip:v0.9.2')))).toEqual([]);
    });
    it('passes an archives site that lists an archive named for kube-vip, and only then', () => {
      const archives = (names: string[]) =>
        edited(kubeVipSite(), (s) => Object.assign(s.airGap, { imageSource: 'archives', imageArchives: names }));
      expect(codes(archives(['rke2-images.linux-amd64.tar.zst']))).toContain('error kube-vip-image-unavailable');
      expect(codes(archives(['rke2-images.linux-amd64.tar.zst', 'kube-vip-v0.9.2.tar']))).toEqual([]);
    });
    it('says nothing when nodes pull from the internet', () => {
      expect(codes(kubeVipSite())).toEqual([]);
    });
    it('reads the registry of an image as containerd does', () => {
      expect(imageRegistry('ghcr.io/kube-vip/kube-vip:v0.9.2')).toBe('ghcr.io');
      expect(imageRegistry('plndr/kube-vip:v0.3.0')).toBe('docker.io');
      expect(imageRegistry('busybox')).toBe('docker.io');
      expect(imageRegistry('localhost/x')).toBe('localhost');
      expect(imageRegistry('registry.local:5000/x')).toBe('registry.local:5000');
    });
  });

  describe('load-balancer', () => {
    it('says what the load balancer must forward, to which servers', () => {
      const findings = lintEndpoint(haSite());
      expect(findings).toMatchObject([{ severity: 'info', code: 'load-balancer-required' }]);
      expect(findings[0]!.message).toContain('9345');
      expect(findings[0]!.message).toContain('6443');
      expect(findings[0]!.message).toContain('(cp-1, cp-2, cp-3)');
    });
    it('is not reported for the other endpoints', () => {
      expect(codes(kubeVipSite())).not.toContain('info load-balancer-required');
    });
  });
});
