import { describe, expect, it } from 'vitest';
import { expandSite, expandNode } from '../site/expandSite.js';
import { siteContext } from '../site/rke2ConfigFor.js';
import { haSite, largeSite, variant } from '../../test/siteFixtures.js';
import { runPlugin } from '../provider/runPlugin.js';
import { bootTimeline } from './bootTimeline.js';
import { MERGED_CONFIG_PATH } from '../provider/constants.js';
import { nodeArtifacts } from './nodeArtifacts.js';
import { addNode, addWorkers, duplicateNode, nextAddress, nextNodeAddress, removeNode, setNodeRole } from './siteEdits.js';

describe('nodeArtifacts', () => {
  it('lists the stick files, then what the provider writes, ending with the merged config', () => {
    const site = variant((s) => (s.proxy.httpProxy = 'http://proxy:3128'));
    const { artifacts, failure } = nodeArtifacts(expandSite(site).nodes[0]!);
    expect(failure).toBeNull();
    expect(artifacts.map((a) => a.path)).toEqual([
      'user-data',
      'meta-data',
      '/usr/local/cloud-config/cluster.kairos.yaml',
      '/etc/rancher/rke2/config.d/90_userdata.yaml',
      '/etc/rancher/rke2/config.d/99_userdata.yaml',
      '/etc/default/rke2-server',
      MERGED_CONFIG_PATH,
    ]);
    expect(artifacts.find((a) => a.path === '/etc/default/rke2-server')).toMatchObject({
      language: 'shell',
      id: '/etc/default/rke2-{server|agent}',
    });
    expect(artifacts.at(-1)!.text).toContain('"cluster-cidr": "10.42.0.0/16"');
  });

  it('shows the files the cloud-config itself writes (registries.yaml)', () => {
    const site = variant((s) => (s.airGap.mirrors = [{ registry: 'docker.io', endpoints: ['https://r.local:5000'], rewrites: {} }]));
    const paths = nodeArtifacts(expandSite(site).nodes[3]!).artifacts.map((a) => a.path);
    expect(paths).toContain('/etc/rancher/rke2/registries.yaml');
    expect(paths).not.toContain('/etc/default/rke2-agent'); // written only with a proxy
  });
});

describe('nodeArtifacts on a failing provider run', () => {
  it('says why in plain words and shows no provider files (the designer never produces this; imported text can)', () => {
    const node = expandSite(haSite()).nodes[0]!;
    const noCidrs =
      '#cloud-config\ncluster:\n  cluster_token: abcdefghijklmnop1234\n  control_plane_host: 10.0.0.1\n  role: init\n  config: |\n    node-name: a\n';
    const { artifacts, failure } = nodeArtifacts({ ...node, plan: runPlugin(noCidrs, { nodeCidr: '10.0.0.1/24' }) });
    expect(failure).toMatch(/no Kubernetes configuration at boot.*cluster-cidr/);
    expect(artifacts.map((a) => a.path)).toEqual(['user-data', 'meta-data']);
    expect(bootTimeline(runPlugin(noCidrs, { nodeCidr: '' }))).toEqual([]);
  });
});

describe('bootTimeline', () => {
  it('lists boot.before stages in order with conditions, files and commands', () => {
    const steps = bootTimeline(expandSite(haSite()).nodes[0]!.plan);
    expect(steps.map((s) => s.order)).toEqual(steps.map((_, i) => i + 1));
    expect(steps.length).toBeGreaterThanOrEqual(3);
    expect(steps.some((s) => s.commands.some((c) => c.includes('jq')))).toBe(true);
    expect(steps.flatMap((s) => s.files.map((f) => f.path))).toContain('/etc/rancher/rke2/config.d/90_userdata.yaml');
    expect(steps.flatMap((s) => s.files.map((f) => f.permissions))).toContain('0400');
  });
});

describe('site edits', () => {
  it('nextAddress steps an IPv4 address and keeps the prefix', () => {
    expect(nextAddress('192.168.1.254/24')).toBe('192.168.1.255/24');
    expect(nextAddress('10.0.0.255/16')).toBe('10.0.1.0/16');
    expect(nextAddress('255.255.255.255/32')).toBe('');
    expect(nextAddress('fd00::1/64')).toBe('');
    expect(nextAddress('nonsense')).toBe('');
  });

  it('adds a worker with a free name and the next address', () => {
    const site = addNode(haSite());
    expect(site.nodes.at(-1)).toMatchObject({ name: 'worker-3', role: 'worker', address: '192.168.1.23/24' });
  });

  it('duplicates right after the source, never as a second init', () => {
    const site = duplicateNode(haSite(), 0);
    expect(site.nodes[1]).toMatchObject({ name: 'cp-4', role: 'controlplane', address: '192.168.1.23/24' });
    expect(new Set(site.nodes.map((n) => n.name)).size).toBe(site.nodes.length);
    expect(duplicateNode(haSite(), 99)).toEqual(haSite());
  });

  it('keeps one init when another node becomes init', () => {
    const site = setNodeRole(haSite(), 2, 'init');
    expect(site.nodes.map((n) => n.role)).toEqual(['controlplane', 'controlplane', 'init', 'worker', 'worker']);
  });

  it('bulk-adds workers from a pattern, skipping names in use', () => {
    const base = addNode(haSite()); // worker-3 exists
    const site = addWorkers(base, { count: 3, namePattern: 'worker-{n}', firstAddress: '192.168.1.100/24' });
    expect(site.nodes.slice(-3).map((n) => [n.name, n.address])).toEqual([
      ['worker-4', '192.168.1.100/24'],
      ['worker-5', '192.168.1.101/24'],
      ['worker-6', '192.168.1.102/24'],
    ]);
    expect(removeNode(site, 0).nodes).toHaveLength(site.nodes.length - 1);
  });

  it('gives added workers only addresses a node can have: past a /24, its .255 and the next .0 are skipped', () => {
    const site = addWorkers(haSite(), { count: 4, namePattern: 'w{n}', firstAddress: '192.168.1.253/24' });
    expect(site.nodes.slice(-4).map((n) => n.address)).toEqual([
      '192.168.1.253/24',
      '192.168.1.254/24',
      '192.168.2.1/24',
      '192.168.2.2/24',
    ]);
    // The bulk dialog's default first address is the one the first worker gets.
    expect(nextNodeAddress('192.168.1.254/24')).toBe('192.168.2.1/24');
    // A first address that is a network address starts at the next one.
    expect(addWorkers(haSite(), { count: 1, namePattern: 'w{n}', firstAddress: '10.0.0.0/24' }).nodes.at(-1)!.address).toBe('10.0.0.1/24');
    expect(addNode(variant((s) => (s.nodes.at(-1)!.address = '192.168.1.254/24'))).nodes.at(-1)!.address).toBe('192.168.2.1/24');
  });

  it('bulk-adds 1,000 workers quickly enough for a click', () => {
    const site = addWorkers(haSite(), { count: 1000, namePattern: 'w{n}', firstAddress: '10.9.0.1/16' });
    expect(site.nodes).toHaveLength(1005);
    expect(site.nodes.at(-1)).toMatchObject({ name: 'w1000', address: '10.9.3.232/16' });
    const context = siteContext(largeSite(1000));
    expect(expandNode(context, 999).userData).toContain('node-1000');
  });
});
