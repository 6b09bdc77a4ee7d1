import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertySettings } from '../../test/fastCheckSettings.js';
import { haSite, kubeVipSite, node, variant } from '../../test/siteFixtures.js';
import { lintSite } from '../lint/lintSite.js';
import { createSite } from '../site/createSite.js';
import { CONTROL_PLANE_ENDPOINTS, type Site, type SiteNode } from '../site/siteSchema.js';
import { failureOutcome, worstSingleFailure, type FailureOutcome } from './failureModel.js';
import { failureTopology } from './failureTopology.js';
import { siteTemplate } from './siteTemplates.js';

const outcome = (site: Site, failed: number[]): FailureOutcome => failureOutcome(failureTopology(site), failed);
const names = (o: FailureOutcome, pick: (n: FailureOutcome['nodes'][number]) => boolean) => o.nodes.filter(pick).map((n) => n.name);

/** `servers` servers (the first is init) and `workers` workers; endpoint as given, host on the init node's address. */
function cluster(
  servers: number,
  workers: number,
  endpoint: Site['cluster']['endpoint'] = 'init-node',
  more: Partial<SiteNode>[] = [],
): Site {
  const nodes = [
    ...Array.from({ length: servers }, (_, i) => node(`cp-${i + 1}`, i === 0 ? 'init' : 'controlplane', `10.0.0.${11 + i}/24`)),
    ...Array.from({ length: workers }, (_, i) => node(`worker-${i + 1}`, 'worker', `10.0.0.${31 + i}/24`)),
  ].map((n, i) => ({ ...n, ...more[i] }));
  return createSite({
    cluster: { token: 'x'.repeat(32), controlPlaneHost: endpoint === 'init-node' ? '10.0.0.11' : '10.0.0.5', endpoint },
    nodes,
  });
}

describe('failure model: etcd quorum', () => {
  it('a single-node cluster is down when its node fails', () => {
    const site = siteTemplate('single-node')!.build();
    const o = outcome(site, [0]);
    expect(o.verdict).toBe('down');
    expect(o.etcd).toMatchObject({ members: 1, quorum: 1, survivors: 0, holds: false });
    expect(o.summary).toBe('Down: every node is down.');
    expect(o.api.words).toBe('The Kubernetes API runs on 1 server, and it is down: nothing can reach the API.');
    expect(o.recovery[0]).toMatch(/^Bring back edge-1/);
    expect(o.recovery.join(' ')).toContain('--cluster-reset-restore-path');
  });

  it('one server and workers: losing the server takes the workers’ control plane', () => {
    const o = outcome(cluster(1, 2), [0]);
    expect(o.verdict).toBe('down');
    expect(o.summary).toContain("etcd's only member, cp-1, is down");
    expect(names(o, (n) => !n.failed && !n.reachesApi)).toEqual(['worker-1', 'worker-2']);
    expect(o.nodes[1]!.words).toMatch(/pods keep running/);
  });

  it('one server and workers: losing a worker keeps the cluster working', () => {
    const o = outcome(cluster(1, 2), [2]);
    expect(o.verdict).toBe('keeps-working');
    expect(o.summary).toBe('Keeps working: the pods of worker-2 are recreated on other nodes after about 5 minutes.');
    expect(names(o, (n) => n.reachesApi)).toEqual(['cp-1', 'worker-1']);
  });

  it('two servers: losing either one loses quorum (the two-member trap)', () => {
    const site = cluster(2, 1, 'kube-vip');
    for (const failed of [0, 1]) {
      const o = outcome(site, [failed]);
      expect(o.etcd).toMatchObject({ members: 2, quorum: 2, survivors: 1, holds: false });
      expect(o.verdict).toBe('down');
    }
    expect(outcome(site, []).etcd.words).toContain('losing either server stops the cluster, so two servers are less available than one');
    expect(worstSingleFailure(failureTopology(site))!.singlePointsOfFailure).toEqual([0, 1]);
  });

  it('three servers: one failure keeps quorum (degraded), two lose it', () => {
    const site = kubeVipSite();
    const one = outcome(site, [1]);
    expect(one.etcd).toMatchObject({ members: 3, quorum: 2, survivors: 2, holds: true, spare: 0 });
    expect(one.verdict).toBe('degraded');
    expect(one.summary).toBe('Degraded: the cluster keeps working, but one more server failure would stop it.');
    expect(one.etcd.words).toBe('etcd keeps quorum: 2 of 3 members are up and 2 are needed (cp-2 is down). It cannot lose another member.');
    const two = outcome(site, [0, 2]);
    expect(two.etcd).toMatchObject({ survivors: 1, holds: false });
    expect(two.verdict).toBe('down');
    expect(two.summary).toMatch(/^Down: etcd has 1 of 3 members up and needs 2, so the Kubernetes API stops working\./);
    expect(two.recovery[1]).toMatch(/^If they cannot come back: on cp-2, stop rke2-server and run `rke2 server --cluster-reset`/);
    expect(two.sources.map((s) => s.url)).toContain('https://docs.rke2.io/datastore/backup_restore');
  });

  it('five servers with two failed keep quorum with no margin; a third failure loses it', () => {
    const site = cluster(5, 1, 'kube-vip');
    const one = outcome(site, [3]);
    expect(one.verdict).toBe('keeps-working');
    expect(one.summary).toContain('etcd can still lose 1 more member.');
    const two = outcome(site, [1, 3]);
    expect(two.etcd).toMatchObject({ members: 5, quorum: 3, survivors: 3, holds: true, spare: 0 });
    expect(two.verdict).toBe('degraded');
    expect(outcome(site, [1, 2, 3]).verdict).toBe('down');
  });

  it('counts only servers that run etcd: disable-etcd in extra config, datastore-endpoint', () => {
    // Dedicated control-plane node: cp-3 has no etcd member, so three servers make a 2-member etcd.
    const dedicated = cluster(3, 1, 'kube-vip', [{}, {}, { extraConfig: 'disable-etcd: true' }]);
    expect(outcome(dedicated, []).etcd).toMatchObject({ members: 2, memberNodes: [0, 1] });
    expect(outcome(dedicated, [2]).verdict).toBe('keeps-working');
    expect(outcome(dedicated, [1]).verdict).toBe('down');
    // The site's extra config applies to every server; "1" and "True" are true as Go's ParseBool reads them.
    const siteWide = variant((s) => (s.extraConfig = 'disable-etcd: "True"'));
    expect(failureTopology(siteWide).etcdMembers).toEqual([]);
    expect(outcome(siteWide, []).verdict).toBe('down');
    expect(outcome(siteWide, []).summary).toMatch(/^Down even with every node up: No server runs etcd/);
    const notSet = variant((s) => (s.extraConfig = 'disable-etcd: "no"'));
    expect(failureTopology(notSet).etcdMembers).toEqual([0, 1, 2]);
    // An external datastore: no quorum to count here.
    const external = variant((s) => (s.extraConfig = 'datastore-endpoint: postgres://db.local/k8s'));
    const o = outcome(external, [0, 1]);
    expect(o.etcd.datastore).toBe('external');
    expect(o.verdict).not.toBe('down');
    expect(o.etcd.words).toContain('outside this design');
  });

  it('dedicated etcd nodes: the API is down when no server running it is up, with quorum intact', () => {
    const site = cluster(3, 1, 'load-balancer', [{}, { extraConfig: 'disable-apiserver: true' }, { extraConfig: 'disable-apiserver: 1' }]);
    const o = outcome(site, [0]);
    expect(o.etcd.holds).toBe(true);
    expect(o.api).toMatchObject({ works: false, servers: [0], survivors: [] });
    expect(o.verdict).toBe('down');
    expect(o.summary).toMatch(/^Down: no server running the Kubernetes API is up\./);
    expect(o.recovery).toEqual(['Bring back a server that runs the Kubernetes API (cp-1).']);
  });
});

describe('failure model: the control-plane endpoint', () => {
  it('init-node: losing the init node stops joins and kubectl at its address, not the joined nodes', () => {
    const site = cluster(3, 2, 'init-node');
    const o = outcome(site, [0]);
    expect(o.etcd.holds).toBe(true);
    expect(o.endpoint).toMatchObject({ kind: 'init-node', survives: false, joinsWork: false });
    expect(o.endpoint.words).toContain('Nodes that already joined keep reaching the surviving servers');
    expect(o.verdict).toBe('degraded');
    expect(o.summary).toBe(
      'Degraded: the cluster keeps working, but one more server failure would stop it and the control-plane host 10.0.0.11 is down, so kubectl there fails and no node can join or rejoin.',
    );
    expect(names(o, (n) => n.reachesApi)).toEqual(['cp-2', 'cp-3', 'worker-1', 'worker-2']);
    expect(o.recovery[0]).toMatch(/^Bring cp-1 back: until then nothing can join/);
    expect(o.sources.map((s) => s.url)).toContain('https://github.com/k3s-io/k3s/tree/master/pkg/agent/loadbalancer');
  });

  it('init-node: only the init node serves the host; another server at that address serves nothing (as lint says)', () => {
    const site = cluster(3, 1, 'init-node');
    site.cluster.controlPlaneHost = '10.0.0.12';
    const topology = failureTopology(site);
    expect(topology).toMatchObject({ joinNode: null, hostNode: 1 });
    const none = failureOutcome(topology, []);
    expect(none.verdict).toBe('degraded');
    expect(none.endpoint).toMatchObject({ survives: false, joinsWork: false });
    expect(none.summary).toMatch(
      /^Degraded even with every node up: The control-plane host 10\.0\.0\.12 is the address of cp-2, which is not the init node: cp-2 itself joins through that address first/,
    );
    expect(lintSite(site).map((f) => f.code)).toContain('endpoint-not-served');
  });

  it('init-node with the host at a worker: the worker serves nothing, and failing cp-1 does not call the host down', () => {
    const site = cluster(3, 2, 'init-node');
    site.cluster.controlPlaneHost = '10.0.0.32';
    const topology = failureTopology(site);
    expect(topology).toMatchObject({ joinNode: null, hostNode: 4 });
    expect(lintSite(site).map((f) => f.code)).toContain('endpoint-not-served');
    const o = failureOutcome(topology, [0]);
    expect(o.endpoint.words).toMatch(
      /^The control-plane host 10\.0\.0\.32 is the address of worker-2, a worker: an RKE2 agent serves neither registration \(9345\) nor the Kubernetes API \(6443\)\. No node can join/,
    );
    expect(o.summary).not.toContain('is down');
    expect(o.summary).toContain('nothing serves the control-plane host 10.0.0.32');
    expect(o.recovery.join(' ')).toContain("it must be the init node's address");
    expect(o.nodes[4]).toMatchObject({ name: 'worker-2', failed: false });
  });

  it('kube-vip: the VIP moves to a surviving server while quorum holds, and is lost with quorum', () => {
    const one = outcome(kubeVipSite(), [0]);
    expect(one.endpoint).toMatchObject({ kind: 'kube-vip', survives: true, joinsWork: true, servedBy: [1, 2] });
    expect(one.endpoint.words).toBe(
      'kube-vip moves the VIP 192.168.1.5 to a surviving server (cp-2 or cp-3) within about 15 s, if it was on cp-1: joins and kubectl keep working.',
    );
    // The VIP was on one server, so the lost ones are alternatives: "cp-1 or cp-2".
    expect(outcome(cluster(5, 0, 'kube-vip'), [0, 1]).endpoint.words).toBe(
      'kube-vip moves the VIP 10.0.0.5 to a surviving server (cp-3, cp-4 or cp-5) within about 15 s, if it was on cp-1 or cp-2: joins and kubectl keep working.',
    );
    const two = outcome(kubeVipSite(), [0, 1]);
    expect(two.endpoint).toMatchObject({ survives: false, servedBy: [] });
    expect(two.endpoint.words).toContain('cannot be renewed while the API does not work');
  });

  it('load-balancer: survives while a server survives, and says the balancer is outside the design', () => {
    const o = outcome(haSite(), [1]);
    expect(o.endpoint).toMatchObject({ kind: 'load-balancer', survives: true, servedBy: [0, 2] });
    expect(o.endpoint.words).toBe(
      'The load balancer at 192.168.1.5 can send traffic to cp-1 and cp-3, if its health checks take the failed servers out. The load balancer itself is outside this design.',
    );
  });
});

describe('failure model: workers and workloads', () => {
  it('failing only workers keeps the control plane and names labels left without a node', () => {
    const site = variant((s) => {
      s.nodes[3]!.labels = ['site=plant-7', 'gpu=yes'];
      s.nodes[4]!.labels = ['site=plant-7'];
    });
    const o = outcome(site, [3]);
    expect(o.verdict).toBe('keeps-working');
    expect(o.etcd.failedMembers).toEqual([]);
    expect(o.strandedLabels).toEqual([{ label: 'gpu=yes', nodes: ['worker-1'] }]);
    expect(o.nodes[3]).toMatchObject({ failed: true, reachesApi: false, labels: ['site=plant-7', 'gpu=yes'] });
    expect(o.nodes[4]).toMatchObject({ failed: false, reachesApi: true, taints: ['gpu=true:NoSchedule'] });
    expect(outcome(site, [3, 4]).strandedLabels).toEqual([
      { label: 'site=plant-7', nodes: ['worker-1', 'worker-2'] },
      { label: 'gpu=yes', nodes: ['worker-1'] },
    ]);
  });

  it('reads labels and taints from extra config too, and is degraded when no untainted node is left', () => {
    const site = cluster(1, 1, 'init-node', [
      { extraConfig: 'node-taint:\n  - CriticalAddonsOnly=true:NoExecute' },
      { labels: ['app=pos'] },
    ]);
    const topology = failureTopology(site);
    expect(topology.nodes[0]).toMatchObject({ taints: ['CriticalAddonsOnly=true:NoExecute'], schedulable: false });
    const o = failureOutcome(topology, [1]);
    expect(o.verdict).toBe('degraded');
    expect(o.summary).toContain('no node still up accepts ordinary workloads');
    expect(o.strandedLabels).toEqual([{ label: 'app=pos', nodes: ['worker-1'] }]);
  });

  it('ignores indexes that name no node and repeats', () => {
    expect(outcome(haSite(), [4, 4, -1, 99, 1.5]).failed).toEqual([4]);
    const empty = outcome(haSite(), []);
    expect(empty.verdict).toBe('keeps-working');
    expect(empty.summary).toBe('Nothing has failed: mark a node as failed to see what its loss does.');
    expect(empty.recovery).toEqual([]);
  });

  it('a site without nodes', () => {
    const site = createSite({ nodes: [] });
    expect(worstSingleFailure(failureTopology(site))).toBeNull();
    expect(outcome(site, [0]).summary).toBe('The site has no nodes yet.');
  });

  it('describes the picture in words', () => {
    expect(outcome(kubeVipSite(), [0, 1]).pictureLabel).toBe(
      'Cluster picture: 3 servers, 1 of 3 etcd members up (quorum 2, lost); control-plane host 192.168.1.5 does not answer; 0 of 2 workers reach the API; failed: cp-1 and cp-2.',
    );
  });
});

describe('worst single failure', () => {
  it('HA with kube-vip: no single point of failure; the worst is a server', () => {
    const worst = worstSingleFailure(failureTopology(kubeVipSite()))!;
    expect(worst).toMatchObject({ index: 0, name: 'cp-1', verdict: 'degraded', singlePointsOfFailure: [] });
    expect(worst.words).toBe(
      "No single node's loss stops the cluster. The worst is losing cp-1. Degraded: the cluster keeps working, but one more server failure would stop it.",
    );
  });

  it('HA through the init node: the init node is worst (joins stop too)', () => {
    const site = cluster(3, 1, 'init-node', [{ name: 'cp-a' }, { role: 'init', name: 'cp-b' }, {}, {}]);
    site.nodes[0]!.role = 'controlplane';
    site.cluster.controlPlaneHost = '10.0.0.12';
    expect(worstSingleFailure(failureTopology(site))).toMatchObject({ index: 1, name: 'cp-b', verdict: 'degraded' });
  });

  it('a site with only workers has no control plane at all, and no worst single failure', () => {
    const site = cluster(0, 2, 'init-node');
    const topology = failureTopology(site);
    expect(worstSingleFailure(topology)).toBeNull();
    const o = failureOutcome(topology, []);
    expect(o.verdict).toBe('down');
    expect(o.summary).toBe(
      'Down even with every node up: The site has only workers: with no server there is no control plane at all (no etcd, no Kubernetes API, nothing to join). Add an init server in the Nodes section.',
    );
    expect(o.api.words).toBe('No node runs the Kubernetes API: there is no server.');
  });

  it('one server: it is the single point of failure', () => {
    const worst = worstSingleFailure(failureTopology(cluster(1, 3)))!;
    expect(worst).toMatchObject({ index: 0, verdict: 'down', singlePointsOfFailure: [0] });
    expect(worst.words).toMatch(/^Losing cp-1 alone stops the cluster\. Down:/);
  });

  it('names every single point of failure', () => {
    expect(worstSingleFailure(failureTopology(cluster(2, 2)))!.words).toMatch(
      /^Losing cp-1 alone stops the cluster \(so does losing cp-2\)\./,
    );
  });
});

/** Random sites: 0–7 servers (some without etcd or API), 0–4 workers (some tainted), any endpoint; and random failed sets. */
const randomCase = fc
  .record({
    servers: fc.array(fc.record({ noEtcd: fc.boolean(), noApi: fc.boolean() }), { maxLength: 7 }),
    workers: fc.array(fc.boolean(), { maxLength: 4 }),
    endpoint: fc.constantFrom(...CONTROL_PLANE_ENDPOINTS),
    seed: fc.array(fc.boolean(), { minLength: 11, maxLength: 11 }),
    more: fc.array(fc.boolean(), { minLength: 11, maxLength: 11 }),
    host: fc.nat({ max: 12 }),
  })
  .map(({ servers, workers, endpoint, seed, more, host }) => {
    const extra: Partial<SiteNode>[] = [
      ...servers.map(({ noEtcd, noApi }) => ({
        extraConfig: [noEtcd ? 'disable-etcd: true' : '', noApi ? 'disable-apiserver: true' : ''].join('\n'),
      })),
      ...workers.map((tainted) => ({ taints: tainted ? ['dedicated=edge:NoSchedule'] : [] })),
    ];
    const site = cluster(servers.length, workers.length, endpoint, extra);
    // The control-plane host: usually as cluster() sets it, else the address of any node (a worker's too).
    const at = site.nodes[host];
    if (at && host % 2 === 1) site.cluster.controlPlaneHost = at.address.split('/')[0]!;
    const failed = site.nodes.map((_, i) => i).filter((i) => seed[i]);
    const superset = site.nodes.map((_, i) => i).filter((i) => seed[i] || more[i]);
    return { site, failed, superset };
  });

describe('failure model properties', () => {
  it('never says "keeps working" when quorum is lost, and is down exactly when the API does not work', () => {
    fc.assert(
      fc.property(randomCase, ({ site, failed }) => {
        const o = outcome(site, failed);
        if (o.etcd.datastore !== 'external' && !o.etcd.holds) expect(o.verdict).toBe('down');
        expect(o.verdict === 'down').toBe(!o.api.works);
        if (o.verdict !== 'down') expect(o.nodes.filter((n) => !n.failed).every((n) => n.reachesApi)).toBe(true);
        expect(
          o.summary.startsWith({ 'keeps-working': 'Keeps working', degraded: 'Degraded', down: 'Down' }[o.verdict]) || failed.length === 0,
        ).toBe(true);
      }),
      propertySettings,
    );
  });

  it('more failed nodes never make the verdict better', () => {
    const rank = { 'keeps-working': 0, degraded: 1, down: 2 } as const;
    fc.assert(
      fc.property(randomCase, ({ site, failed, superset }) => {
        expect(rank[outcome(site, superset).verdict]).toBeGreaterThanOrEqual(rank[outcome(site, failed).verdict]);
      }),
      propertySettings,
    );
  });

  it('the worst single failure is at least as bad as every other single failure', () => {
    const rank = { 'keeps-working': 0, degraded: 1, down: 2 } as const;
    fc.assert(
      fc.property(randomCase, ({ site }) => {
        const topology = failureTopology(site);
        const worst = worstSingleFailure(topology);
        if (site.nodes.length === 0 || failureOutcome(topology, []).verdict === 'down') {
          expect(worst).toBeNull();
          return;
        }
        // Every node failed one by one: the worst is the first with the highest score.
        const singles = site.nodes.map((_, i) => failureOutcome(topology, [i]));
        const verdicts = singles.map((o) => o.verdict);
        const score = (o: FailureOutcome, i: number) => [
          rank[o.verdict],
          o.endpoint.joinsWork ? 0 : 1,
          -o.etcd.spare,
          site.nodes[i]!.role === 'worker' ? 0 : 1,
        ];
        const scores = singles.map(score);
        const beats = (a: number[], b: number[]) => {
          const k = a.findIndex((v, j) => v !== b[j]);
          return k >= 0 && a[k]! > b[k]!;
        };
        const best = scores.reduce((b, s, i) => (beats(s, scores[b]!) ? i : b), 0);
        expect(rank[worst!.verdict]).toBe(Math.max(...verdicts.map((v) => rank[v])));
        expect(worst!.index).toBe(best);
        expect(worst!.singlePointsOfFailure).toEqual(verdicts.flatMap((v, i) => (v === 'down' ? [i] : [])));
      }),
      propertySettings,
    );
  });
});
