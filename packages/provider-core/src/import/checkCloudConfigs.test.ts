import { describe, expect, it } from 'vitest';
import { cloudConfig, haCloudConfigs } from '../../test/cloudConfigSet.js';
import { haSite, kubeVipSite, variant } from '../../test/siteFixtures.js';
import { expandSite } from '../site/expandSite.js';
import { SiteCheckSchema } from '../check/checkResult.js';
import { checkCloudConfigs, nodeNameOf, publicCloudConfigsCheck, staticAddressOf } from './checkCloudConfigs.js';
import { checkSite, publicSiteCheck } from '../check/checkSite.js';

const CIDRS = 'cluster-cidr: 10.42.0.0/16\nservice-cidr: 10.43.0.0/16\n';
const verdicts = (files = haCloudConfigs(), options = {}) =>
  checkCloudConfigs(files, options).check.nodes.map((n) => [n.node, n.service, n.ok, n.failures.map((f) => f.rule)]);

describe('checkCloudConfigs', () => {
  it('boots each file as one cluster: the init node serves the others at its address', () => {
    expect(verdicts()).toEqual([
      ['cp-1', 'rke2-server', true, []],
      ['cp-2', 'rke2-server', true, []],
      ['worker-1', 'rke2-agent', true, []],
    ]);
    const result = checkCloudConfigs(haCloudConfigs(), { addresses: { 'worker-1.yaml': '10.0.1.21/24' } });
    expect(result.files.map((f) => [f.file, f.node, f.address, f.addressFrom])).toEqual([
      ['cp-1.yaml', 'cp-1', '10.0.1.11/24', 'file'],
      ['cp-2.yaml', 'cp-2', '', 'unknown'],
      ['worker-1.yaml', 'worker-1', '10.0.1.21/24', 'given'],
    ]);
    expect(SiteCheckSchema.strict().parse(publicSiteCheck(result.check)).nodes).toHaveLength(3);
  });

  it("fails the joining nodes when control_plane_host is no node's address, naming the init node's", () => {
    const files = haCloudConfigs().map((f) => ({
      ...f,
      text: f.text.replace('control_plane_host: 10.0.1.11', 'control_plane_host: 10.0.1.100'),
    }));
    expect(verdicts(files)).toEqual([
      ['cp-1', 'rke2-server', true, []],
      ['cp-2', 'rke2-server', false, ['server-url']],
      ['worker-1', 'rke2-agent', false, ['server-url']],
    ]);
    expect(checkCloudConfigs(files).check.nodes[2]!.failures[0]!.message).toContain(
      "nothing in this site answers at 10.0.1.100:9345 (10.0.1.100 is not the init node's address, 10.0.1.11)",
    );
    // Vouched for: a load balancer of the user's forwards the host, and the device needs say so.
    const vouched = checkCloudConfigs(files, { loadBalancer: true }).check.nodes;
    expect(vouched.every((n) => n.ok)).toBe(true);
    expect(vouched[0]!.needs).toContain('The load balancer at 10.0.1.100 forwards ports 9345 and 6443 to the servers');
  });

  it('fails a joining node whose control_plane_host is no address and cannot be a DNS name for the init node', () => {
    const withWorkerHost = (host: string) =>
      haCloudConfigs().map((f) =>
        f.name === 'worker-1.yaml' ? { ...f, text: f.text.replace('control_plane_host: 10.0.1.11', `control_plane_host: "${host}"`) } : f,
      );
    for (const [host, why] of [
      ['10.0.1.300', '10.0.1.300 is not a valid IP address'],
      ['10.0.1.011', '10.0.1.011 is not a valid IP address'],
      ['bad_host!', 'bad_host! is neither an IP address nor a valid DNS name'],
      ['localhost', 'localhost is the joining node itself'],
    ] as const) {
      const worker = checkCloudConfigs(withWorkerHost(host)).check.nodes[2]!;
      expect(worker.ok, host).toBe(false);
      expect(worker.failures[0]!.message).toContain(`(${why})`);
    }
    // A real DNS name stays the user's record for the init node (its resolving there is a device need).
    expect(checkCloudConfigs(withWorkerHost('cp-1.plant.example')).check.nodes[2]!.ok).toBe(true);
  });

  it("takes the init node's own control_plane_host as its address when nothing else gives one, and says when none is known", () => {
    const files = haCloudConfigs();
    files[0]!.text = files[0]!.text.replace(/stages:[\s\S]*?(?=cluster:)/, '');
    const assumed = checkCloudConfigs(files);
    expect(assumed.files[0]).toMatchObject({ address: '10.0.1.11/32', addressFrom: 'assumed' });
    expect(assumed.check.nodes.every((n) => n.ok)).toBe(true);
    // Pitfall "control plane host mismatch": the worker names another host than the init node's own.
    const mismatch = files.map((f, i) => (i === 2 ? { ...f, text: f.text.replace('10.0.1.11', '10.0.1.101') } : f));
    expect(checkCloudConfigs(mismatch).check.nodes[2]!.failures[0]!.message).toContain(
      "10.0.1.101 is not the init node's address, 10.0.1.11",
    );
    const named = files.map((f) => ({ ...f, text: f.text.replace('control_plane_host: 10.0.1.11', 'control_plane_host: cp.example') }));
    expect(checkCloudConfigs(named).files[0]!.addressFrom).toBe('unknown');
    const initByName = [{ ...named[0]! }, ...files.slice(1)];
    expect(checkCloudConfigs(initByName).check.nodes[1]!.failures[0]!.message).toContain('the init node cp-1 has no address');
    expect(checkCloudConfigs(haCloudConfigs().slice(1)).check.nodes[0]!.failures[0]!.message).toContain('has no init node');
  });

  it("names every CIDR the provider would crash on, with RKE2's defaults to add, in one round", () => {
    const files = haCloudConfigs();
    files[2]!.text = cloudConfig({ hostname: 'worker-1', role: 'worker', config: 'node-label:\n  - tier=edge\n' });
    const [failure] = checkCloudConfigs(files).check.nodes[2]!.failures;
    expect(failure!.message).toContain('the RKE2 config has no "cluster-cidr"');
    expect(failure!.message).toContain('It reads service-cidr next (provider.go:178) and would crash there too');
    expect(failure!.message).toMatch(/Fix: add cluster-cidr: 10\.42\.0\.0\/16 and service-cidr: 10\.43\.0\.0\/16\.$/);
  });

  it("takes the init node's address from the host part of a control_plane_host written as a URL", () => {
    const files = haCloudConfigs().map((f) => ({ ...f, text: f.text.replace(/^stages:[\s\S]*?(?=cluster:)/m, '') }));
    files[0]!.text = files[0]!.text.replace('control_plane_host: 10.0.1.11', 'control_plane_host: https://10.0.1.11:6443');
    expect(checkCloudConfigs(files).files[0]).toMatchObject({ address: '10.0.1.11/32', addressFrom: 'assumed' });
  });

  it("fails a node whose control_plane_host carries a port: the provider's URL has two", () => {
    const files = haCloudConfigs();
    files[2]!.text = files[2]!.text.replace('control_plane_host: 10.0.1.11', 'control_plane_host: 10.0.1.11:6443');
    const worker = checkCloudConfigs(files).check.nodes[2]!;
    expect(worker.ok).toBe(false);
    expect(worker.failures[0]!.message).toContain('https://10.0.1.11:6443:9345 is not https://HOST:PORT');
  });

  it("fails a server whose cluster-dns is outside its service CIDR with kube-apiserver's message", () => {
    const files = haCloudConfigs();
    const serviceCidr = 'cluster-cidr: 10.42.0.0/16\nservice-cidr: 10.101.0.0/16\n';
    files[0]!.text = cloudConfig({ hostname: 'cp-1', role: 'init', address: '10.0.1.11/24', config: serviceCidr });
    files[1]!.text = cloudConfig({ hostname: 'cp-2', role: 'controlplane', config: `${serviceCidr}cluster-dns: 10.43.0.10\n` });
    const cp2 = checkCloudConfigs(files).check.nodes[1]!;
    expect(cp2.failures.map((f) => f.message)).toEqual([
      'failed to allocate IP 10.43.0.10: the provided IP (10.43.0.10) is not in the valid range. The range of valid IPs is 10.101.0.0/16',
    ]);
  });

  it('reports a file the provider writes nothing for in its place, and one with no cluster section or not YAML as running no RKE2', () => {
    const files = [
      ...haCloudConfigs(),
      { name: 'notes.yaml', text: '#cloud-config\nhostname: spare\n' },
      { name: 'broken.yaml', text: '#cloud-config\nhostname: [unclosed\n' },
    ];
    files[2]!.text = files[2]!.text.replace(/ {2}config: \|[\s\S]*$/, '');
    const result = checkCloudConfigs(files);
    expect(verdicts(files).slice(2)).toEqual([
      ['worker-1', 'rke2-agent', false, ['provider']],
      ['spare', 'none', false, ['provider']],
      ['broken', 'none', false, ['provider']],
    ]);
    const [spare, broken] = result.check.nodes.slice(3);
    expect(spare!.failures[0]!.message).toContain('the file has no cluster: section');
    expect(spare!.needs).toEqual([]);
    expect(broken!.failures[0]!.message).toContain(
      "Kairos cannot read the cloud-config (failed to parse config from boot event: yaml: line 1: did not find expected ',' or ']')",
    );
    // Neither counts as a member: the init node's needs are those of the three real nodes.
    expect(result.check.nodes[0]!.needs).toEqual(checkCloudConfigs(files.slice(0, 3)).check.nodes[0]!.needs);
  });

  it("takes a node's address from node-ip (else advertise-address) in its cluster.config, prefix assumed, after --address and the network unit", () => {
    const files = haCloudConfigs();
    files[1]!.text = cloudConfig({
      hostname: 'cp-2',
      role: 'controlplane',
      config: `node-ip: 10.0.1.12,fd00::12\nadvertise-address: 10.0.1.99\n${CIDRS}`,
    });
    files[2]!.text = cloudConfig({ hostname: 'worker-1', role: 'worker', config: `advertise-address: 10.0.1.21\n${CIDRS}` });
    expect(checkCloudConfigs(files).files.map((f) => [f.address, f.addressFrom, f.addressKey, f.addressLine])).toEqual([
      ['10.0.1.11/24', 'file', undefined, undefined],
      ['10.0.1.12/32', 'config', 'node-ip', 8],
      ['10.0.1.21/32', 'config', 'advertise-address', 8],
    ]);
    expect(checkCloudConfigs(files, { addresses: { 'cp-2': '10.0.1.12/24' } }).files[1]).toMatchObject({
      address: '10.0.1.12/24',
      addressFrom: 'given',
    });
    // The init node's node-ip comes before its own control_plane_host.
    files[0]!.text = cloudConfig({ hostname: 'cp-1', role: 'init', config: `node-ip: 10.0.1.11\n${CIDRS}` });
    expect(checkCloudConfigs(files).files[0]).toMatchObject({ address: '10.0.1.11/32', addressFrom: 'config' });
    expect(checkCloudConfigs(files).check.nodes.every((n) => n.ok)).toBe(true);
  });

  it("refuses the later of two nodes of one name with the server's node-password message; the init node keeps its name", () => {
    const files = haCloudConfigs();
    files[2]!.text = files[2]!.text.replace('hostname: worker-1', 'hostname: cp-2');
    const later = checkCloudConfigs(files).check.nodes[2]!;
    expect(later.ok).toBe(false);
    expect(later.failures).toEqual([
      expect.objectContaining({
        rule: 'duplicate-node-name',
        message:
          "Node password rejected, duplicate hostname or contents of '/etc/rancher/node/password' may not match server node-passwd entry, try enabling a unique node name with the --with-node-id flag (cp-2.yaml registers the node name cp-2 first)",
        source: expect.stringContaining('k3s-io/k3s pkg/agent/config/config.go getNodeNamedCrt'),
      }),
    ]);
    expect(checkCloudConfigs(files).check.nodes[1]!.ok).toBe(true);
    // RKE2's node-name overrides the hostname; the init node registers first even as a later file.
    const named = haCloudConfigs().reverse();
    named[0]!.text = cloudConfig({ hostname: 'worker-1', role: 'worker', config: `node-name: cp-1\n${CIDRS}` });
    expect(verdicts(named).map((v) => v.slice(0, 4))).toEqual([
      ['cp-1', 'rke2-agent', false, ['duplicate-node-name']],
      ['cp-2', 'rke2-server', true, []],
      ['cp-1', 'rke2-server', true, []],
    ]);
    // with-node-id adds a random suffix; file names stand for the name Kairos generates per device.
    named[0]!.text = cloudConfig({ hostname: 'worker-1', role: 'worker', config: `node-name: cp-1\nwith-node-id: true\n${CIDRS}` });
    expect(checkCloudConfigs(named).check.nodes[0]!.ok).toBe(true);
    const unnamed = haCloudConfigs().map((f, i) => ({ name: `site-${i}/edge.yaml`, text: f.text.replace(/hostname: .*\n/, '') }));
    expect(checkCloudConfigs(unnamed).check.nodes.map((n) => [n.node, n.ok])).toEqual([
      ['edge', true],
      ['edge', true],
      ['edge', true],
    ]);
  });

  it('says which --address names more than one file takes (two files of one node name)', () => {
    const files = haCloudConfigs();
    files[2]!.text = files[2]!.text.replace('hostname: worker-1', 'hostname: cp-2');
    expect(checkCloudConfigs(files, { addresses: { 'cp-2': '10.0.1.12/24' } }).ambiguousAddresses).toEqual([
      { name: 'cp-2', files: ['cp-2.yaml', 'worker-1.yaml'] },
    ]);
    // By file name each is one file's.
    expect(
      checkCloudConfigs(files, { addresses: { 'cp-2.yaml': '10.0.1.12/24', 'worker-1.yaml': '10.0.1.21/24' } }).ambiguousAddresses,
    ).toEqual([]);
  });

  it('finds no address for a node or file named like an Object.prototype member (constructor, toString)', () => {
    const files = haCloudConfigs();
    files[2]!.text = files[2]!.text.replace('hostname: worker-1', 'hostname: constructor');
    files[1]!.name = 'toString';
    const result = checkCloudConfigs(files);
    expect(result.files.map((f) => [f.node, f.addressFrom])).toEqual([
      ['cp-1', 'file'],
      ['cp-2', 'unknown'],
      ['constructor', 'unknown'],
    ]);
    expect(result.check.nodes.map((n) => n.ok)).toEqual([true, true, true]);
  });

  it("fails a node whose token is not the init node's, a joining server whose critical setting differs, and a second init node", () => {
    const token = haCloudConfigs();
    token[2]!.text = token[2]!.text.replace(/cluster_token: .*/, 'cluster_token: another-token-of-32-characters-xx');
    expect(verdicts(token).map((v) => v.slice(2, 4))).toEqual([
      [true, []],
      [true, []],
      [false, ['token']],
    ]);
    expect(checkCloudConfigs(token).check.nodes[2]!.failures[0]!.message).toBe(
      "the servers refuse this node's cluster_token (worker-1.yaml:4): it is not the token the cluster was created with (cp-1.yaml:16), so every request is answered 401 Unauthorized and the node retries for ever",
    );
    // k3s CriticalControlArgs: a joining server is refused; a worker's value is not compared.
    const critical = haCloudConfigs();
    critical[1]!.text = cloudConfig({
      hostname: 'cp-2',
      role: 'controlplane',
      config: 'cluster-cidr: 10.52.0.0/16\nservice-cidr: 10.43.0.0/16\n',
    });
    critical[2]!.text = cloudConfig({
      hostname: 'worker-1',
      role: 'worker',
      config: 'cluster-cidr: 10.52.0.0/16\nservice-cidr: 10.43.0.0/16\n',
    });
    const cp2 = checkCloudConfigs(critical).check.nodes;
    expect(cp2.map((n) => n.failures.map((f) => f.rule))).toEqual([[], ['critical-config'], []]);
    expect(cp2[1]!.failures[0]!.message).toBe(
      'critical configuration mismatched: cluster-cidr; failed to validate server configuration: critical configuration value mismatch between servers (cluster-cidr here is "10.52.0.0/16", on cp-1 "10.42.0.0/16")',
    );
    const twoInits = haCloudConfigs();
    twoInits[1]!.text = twoInits[1]!.text.replace('role: controlplane', 'role: init');
    expect(verdicts(twoInits).map((v) => v.slice(2, 4))).toEqual([
      [true, []],
      [false, ['multiple-init']],
      [true, []],
    ]);
  });

  it('reports the later of two nodes of one address, from whatever source', () => {
    const files = haCloudConfigs();
    files[2]!.text = cloudConfig({ hostname: 'worker-1', role: 'worker', config: `node-ip: 10.0.1.11\n${CIDRS}` });
    const worker = checkCloudConfigs(files).check.nodes[2]!;
    expect(worker.failures.map((f) => [f.rule, f.message])).toEqual([
      [
        'duplicate-address',
        '10.0.1.11 is also the address of cp-1 (cp-1.yaml): two hosts answer for one IP, so the cluster reaches either of them at it',
      ],
    ]);
    // An IPv4-mapped IPv6 address names the same host.
    files[2]!.text = cloudConfig({ hostname: 'worker-1', role: 'worker', config: `node-ip: "::ffff:10.0.1.11"\n${CIDRS}` });
    expect(checkCloudConfigs(files).check.nodes[2]!.failures.map((f) => f.rule)).toEqual(['duplicate-address']);
  });

  it('--json entries name their file, so two entries of one node name are told apart', () => {
    const files = haCloudConfigs();
    files[2]!.text = files[2]!.text.replace('hostname: worker-1', 'hostname: cp-2');
    const nodes = SiteCheckSchema.strict().parse(publicCloudConfigsCheck(checkCloudConfigs(files))).nodes;
    expect(nodes.map((n) => [n.node, n.file, n.ok])).toEqual([
      ['cp-1', 'cp-1.yaml', true],
      ['cp-2', 'cp-2.yaml', true],
      ['cp-2', 'worker-1.yaml', false],
    ]);
  });

  it('gives the same verdicts as the site check for the user-data designed sites write (load balancer, kube-vip, init node)', () => {
    const initNode = variant((s) => Object.assign(s.cluster, { endpoint: 'init-node', controlPlaneHost: '192.168.1.10' }));
    const wrongHost = variant((s) => Object.assign(s.cluster, { endpoint: 'init-node', controlPlaneHost: '192.168.1.99' }));
    for (const site of [haSite(), kubeVipSite(), initNode, wrongHost]) {
      const expanded = expandSite(site);
      const files = expanded.nodes.map((n) => ({ name: `${n.node.name}.yaml`, text: n.userData }));
      const addresses = Object.fromEntries(site.nodes.map((n) => [n.name, n.address]));
      const options = { addresses, rke2Version: site.rke2Version, loadBalancer: site.cluster.endpoint === 'load-balancer' };
      const fromFiles = checkCloudConfigs(files, options).check.nodes;
      // The needs differ only where the site knows more (the MAC for a DHCP reservation); files cannot say
      // whether a load balancer answers, so their server-url failure also says how to tell the check.
      const hint = /; if a load balancer or a VIP of yours answers there and forwards ports 9345 and 6443 to the servers, say so \(.*\)$/;
      const verdict = (nodes: typeof fromFiles) =>
        publicSiteCheck({ nodes }).nodes.map((n) => ({
          ...n,
          needs: [],
          failures: n.failures.map((f) => ({ ...f, message: f.message.replace(hint, '') })),
        }));
      expect(verdict(fromFiles)).toEqual(verdict(checkSite(site, expanded).nodes));
      if (site === wrongHost) expect(fromFiles.flatMap((n) => n.failures).filter((f) => hint.test(f.message))).toHaveLength(4);
    }
    expect(checkSite(wrongHost).nodes.filter((n) => !n.ok)).toHaveLength(4);
  });

  it('reads names and static addresses from the files, and lists --address names that match no file', () => {
    expect(nodeNameOf({ name: 'site/edge-a.yaml', text: '#cloud-config\n' })).toBe('edge-a');
    expect(nodeNameOf({ name: 'x.yaml', text: '#cloud-config\nhostname: Not_A_Name\n' })).toBe('x');
    expect(nodeNameOf({ name: 'x.yaml', text: '#cloud-config\nhostname: node-{{ trunc 4 .MachineID }}\n' })).toBe('x');
    expect(
      nodeNameOf({ name: 'x.yaml', text: cloudConfig({ hostname: 'edge', role: 'worker', config: `node-name: edge-7\n${CIDRS}` }) }),
    ).toBe('edge-7');
    expect(staticAddressOf(haCloudConfigs()[0]!.text)).toBe('10.0.1.11/24');
    expect(
      staticAddressOf(
        '#cloud-config\nstages:\n  boot:\n    - files:\n        - path: /etc/hosts\n          content: "Address=10.0.0.1/24"\n',
      ),
    ).toBe('');
    expect(
      checkCloudConfigs(haCloudConfigs(), { addresses: { 'cp-9': '10.0.1.19/24', 'cp-2.yaml': '10.0.1.12/24' } }).unmatchedAddresses,
    ).toEqual(['cp-9']);
  });
});
