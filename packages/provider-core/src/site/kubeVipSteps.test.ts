import { stepArgs } from '../../test/siteFixtures.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { haSite, kubeVipSite } from '../../test/siteFixtures.js';
import { expandSite } from './expandSite.js';
import { KUBE_VIP_MANIFEST_PATH, kubeVipSteps, RKE2_KUBECONFIG_PATH } from './kubeVipSteps.js';
import { KUBE_VIP_IMAGE } from './siteSchema.js';

interface Pod {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace: string };
  spec: {
    hostNetwork: boolean;
    containers: {
      image: string;
      args: string[];
      env: { name: string; value?: string }[];
      volumeMounts: { mountPath: string }[];
      securityContext: unknown;
    }[];
    volumes: { hostPath: { path: string; type: string } }[];
  };
}

const manifestOf = (site = kubeVipSite(), index = 0): string | undefined =>
  expandSite(site).nodes[index]!.designerFiles.find(([path]) => path === KUBE_VIP_MANIFEST_PATH)?.[1];

describe('kubeVipSteps', () => {
  it('writes the static pod on every server and on no worker', () => {
    const nodes = expandSite(kubeVipSite()).nodes;
    expect(nodes.map((n) => n.designerFiles.some(([path]) => path === KUBE_VIP_MANIFEST_PATH))).toEqual([true, true, true, false, false]);
  });

  it('writes nothing for the other endpoints', () => {
    const site = haSite();
    expect(kubeVipSteps(...stepArgs(site, 0))).toEqual([]);
    site.cluster.endpoint = 'init-node';
    expect(kubeVipSteps(...stepArgs(site, 0))).toEqual([]);
  });

  it("holds the VIP with ARP and leader election, for the control plane only, with RKE2's kubeconfig", () => {
    const pod = parse(manifestOf()!) as Pod;
    expect(pod).toMatchObject({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'kube-vip', namespace: 'kube-system' },
      spec: { hostNetwork: true },
    });
    const [container] = pod.spec.containers;
    expect(container!.image).toBe(KUBE_VIP_IMAGE);
    expect(container!.args).toEqual(['manager']);
    const env = Object.fromEntries(container!.env.filter((e) => e.value !== undefined).map((e) => [e.name, e.value]));
    expect(env).toMatchObject({
      vip_arp: 'true',
      vip_interface: 'eth0',
      address: '192.168.1.5',
      port: '6443',
      cp_enable: 'true',
      svc_enable: 'false',
      lb_enable: 'false',
      vip_leaderelection: 'true',
    });
    expect(container!.volumeMounts[0]!.mountPath).toBe('/etc/kubernetes/admin.conf');
    expect(pod.spec.volumes[0]!.hostPath).toEqual({ path: RKE2_KUBECONFIG_PATH, type: 'File' });
    expect(container!.securityContext).toEqual({ capabilities: { add: ['NET_ADMIN', 'NET_RAW'], drop: ['ALL'] } });
  });

  it('takes the interface and image from the site, as data', () => {
    const site = kubeVipSite();
    site.cluster.kubeVip = { interface: 'enp3s0', image: 'registry.local:5000/kube-vip/kube-vip:v0.9.2' };
    const pod = parse(manifestOf(site)!) as Pod;
    expect(pod.spec.containers[0]!.image).toBe('registry.local:5000/kube-vip/kube-vip:v0.9.2');
    expect(pod.spec.containers[0]!.env).toContainEqual({ name: 'vip_interface', value: 'enp3s0' });
  });

  it("is written root-only in the designer's initramfs stage", () => {
    const doc = parse(expandSite(kubeVipSite()).nodes[1]!.userData) as {
      stages: { initramfs: { files?: { path: string; permissions: number; owner: number }[] }[] };
    };
    const file = doc.stages.initramfs.flatMap((s) => s.files ?? []).find((f) => f.path === KUBE_VIP_MANIFEST_PATH)!;
    expect(file).toMatchObject({ permissions: 0o600, owner: 0 });
  });

  it('leaves tls-san to the provider, which adds the VIP on every server', () => {
    const plan = expandSite(kubeVipSite()).nodes[1]!.plan;
    expect(plan.kind).toBe('written');
    if (plan.kind !== 'written' || !plan.merged.ok) throw new Error('no merged config');
    const tlsSan = (JSON.parse(plan.merged.text) as { 'tls-san': string[] })['tls-san'];
    expect(tlsSan.filter((san) => san === '192.168.1.5')).toHaveLength(1);
  });
});
