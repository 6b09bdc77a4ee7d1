import { describe, expect, it } from 'vitest';
import { ruleFailures } from '../../../test/bootCheckFixtures.js';
import { variant } from '../../../test/siteFixtures.js';
import { isKubeletLabel, isKubernetesLabel } from './nodeLabelsRule.js';

describe('node labels rule (kubelet ValidateKubeletFlags)', () => {
  it('passes labels kubelet may set: its own namespaces, the allowed set, and other domains', () => {
    const site = variant((s) =>
      s.nodes[3]!.labels.push(
        'node.kubernetes.io/role=edge',
        'topology.kubernetes.io/zone=a',
        'example.com/site=x',
        'x.kubelet.kubernetes.io/y=1',
      ),
    );
    expect(ruleFailures(site, 3, 'node-labels')).toEqual([]);
  });

  it("fails with kubelet's message, word for word, for node-role.kubernetes.io/worker", () => {
    const site = variant((s) => s.nodes[3]!.labels.push('node-role.kubernetes.io/worker=true'));
    expect(ruleFailures(site, 3, 'node-labels')).toEqual([
      {
        rule: 'node-labels',
        message:
          "failed to validate kubelet flags: unknown 'kubernetes.io' or 'k8s.io' labels specified with --node-labels: [node-role.kubernetes.io/worker] " +
          "--node-labels in the 'kubernetes.io' namespace must begin with an allowed prefix (kubelet.kubernetes.io, node.kubernetes.io) or be in the specifically allowed set (beta.kubernetes.io/arch, beta.kubernetes.io/instance-type, beta.kubernetes.io/os, failure-domain.beta.kubernetes.io/region, failure-domain.beta.kubernetes.io/zone, kubernetes.io/arch, kubernetes.io/hostname, kubernetes.io/os, node.kubernetes.io/instance-type, topology.kubernetes.io/region, topology.kubernetes.io/zone)",
        source: expect.stringContaining('well_known_labels.go') as unknown as string,
        path: ['nodes', 3, 'labels', 1],
      },
    ]);
  });

  it('also refuses k8s.io labels set in extra config', () => {
    const site = variant((s) => (s.nodes[4]!.extraConfig = 'node-label:\n  - app.k8s.io/x=1\n'));
    expect(ruleFailures(site, 4, 'node-labels')[0]).toMatchObject({
      path: ['nodes', 4, 'extraConfig'],
      message: expect.stringContaining('[app.k8s.io/x]'),
    });
  });

  it('also refuses them given to kubelet directly through kubelet-arg node-labels', () => {
    const site = variant((s) => (s.extraConfig = 'kubelet-arg:\n  - node-labels=zone=a,node-role.kubernetes.io/worker=true\n'));
    expect(ruleFailures(site, 3, 'node-labels')[0]).toMatchObject({
      message: expect.stringContaining('[node-role.kubernetes.io/worker]'),
      path: ['extraConfig'],
    });
    expect(
      ruleFailures(
        variant((s) => (s.extraConfig = 'kubelet-arg:\n  - node-labels=zone=a\n  - max-pods=50\n')),
        3,
        'node-labels',
      ),
    ).toEqual([]);
  });

  it('tells kubernetes labels from the ones kubelet may set', () => {
    expect([isKubernetesLabel('a.k8s.io/x'), isKubernetesLabel('kubernetes.io.example/x'), isKubernetesLabel('plain')]).toEqual([
      true,
      false,
      false,
    ]);
    expect([
      isKubeletLabel('kubernetes.io/hostname'),
      isKubeletLabel('node.kubernetes.io/x'),
      isKubeletLabel('kubernetes.io/role'),
    ]).toEqual([true, true, false]);
  });
});
