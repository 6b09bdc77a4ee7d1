/** The lint user review's points (hand-written cloud-configs, each and as one cluster). */
import { describe, expect, it } from 'vitest';
import type { Finding } from './finding.js';
import { lintCloudConfig, lintCloudConfigs } from './lintCloudConfig.js';
import { member } from './rules/fixtures/crossNodeFixtures.js';
import { CIDRS, withConfig } from './rules/fixtures/ruleInput.js';

const codes = (findings: Finding[], code: string) => findings.filter((f) => f.code === code);
const withHostname = (hostname: string) => withConfig(CIDRS).replace('#cloud-config\n', `#cloud-config\nhostname: ${hostname}\n`);
/** The set's own findings (file "(all files)"). */
const setFindings = (files: Record<string, string>) =>
  lintCloudConfigs(Object.entries(files).map(([name, text]) => ({ name, text }))).find((r) => r.file === '(all files)')?.findings ?? [];

describe('a hostname Kairos renders per device', () => {
  it.each([
    'edge-{{ trunc 4 .MachineID }}',
    'kairos-{{trunc 8 .MachineID}}',
    '"{{ .MachineID }}"',
    'store-{{ trunc 6 .MachineID }}.plant-7',
  ])('%s is accepted', (name) => {
    expect(withHostname(name)).toContain(name);
    expect(codes(lintCloudConfig(withHostname(name)), 'host-invalid')).toEqual([]);
  });

  it.each([
    ['edge_{{ trunc 4 .MachineID }}', 'must be letters'],
    ['edge-{{ .MachineID | quote }}', 'must be letters'],
    ['edge-{{ printf "x;reboot" }}', 'must be letters'],
    ['edge-{{ trunc 4 .MachineID }}{{ .MachineID }}', 'must be letters'],
    ['-{{ trunc 4 .MachineID }}', 'renders on a device as "-0000"'],
  ])('%s stays an error', (name, words) => {
    const [f, ...rest] = codes(lintCloudConfig(withHostname(name)), 'host-invalid');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', path: ['hostname'], line: 2 });
    expect(f!.message).toContain(words);
  });
});

describe('a control_plane_host with a scheme or port naming the init node', () => {
  it('is host-invalid only, not also control-plane-host-mismatch', () => {
    for (const host of ['10.0.1.100:6443', 'https://10.0.1.100', 'https://10.0.1.100:9345/']) {
      const init = member('init');
      const cp = member('controlplane', '', { host });
      expect(codes(lintCloudConfig(cp), 'host-invalid')).toHaveLength(1);
      expect(codes(setFindings({ 'init.yaml': init, 'cp.yaml': cp }), 'control-plane-host-mismatch')).toEqual([]);
    }
  });

  it("another host behind the port is still a mismatch, with the init node's bare host as the fix", () => {
    const [f] = codes(
      setFindings({
        'init.yaml': member('init', '', { host: 'https://10.0.1.100' }),
        'cp.yaml': member('controlplane', '', { host: '10.0.1.101:6443' }),
      }),
      'control-plane-host-mismatch',
    );
    expect(f!.fix).toEqual({ description: 'use 10.0.1.100', value: '10.0.1.100' });
  });
});

describe('the provider crash on missing CIDRs', () => {
  const panic = (config: string) => codes(lintCloudConfig(withConfig(config)), 'provider-panic');

  it('names both keys when both are missing, with one fix giving RKE2 defaults', () => {
    const [f, ...rest] = panic('node-name: a\n');
    expect(rest).toEqual([]);
    expect(f!.fix).toEqual({ description: 'add cluster-cidr: 10.42.0.0/16 and service-cidr: 10.43.0.0/16' });
    expect(f!.message).toContain('"panic: interface conversion: interface {} is nil, not string" at provider.go:177');
    expect(f!.message).toContain('It reads service-cidr next (provider.go:178) and would crash there too');
  });

  it('names the one key missing, and a key of the wrong type is "set"', () => {
    expect(panic('cluster-cidr: 10.42.0.0/16\n')[0]!.fix).toEqual({ description: 'add service-cidr: 10.43.0.0/16' });
    expect(panic('cluster-cidr: 10.42.0.0/16\n')[0]!.message).not.toContain('next');
    expect(panic('service-cidr: 10.43.0.0/16\ncluster-cidr: 7\n')[0]!.fix).toEqual({ description: 'set cluster-cidr: 10.42.0.0/16' });
    expect(panic('cluster-cidr: 7\n')[0]!.fix).toEqual({
      description: 'set cluster-cidr: 10.42.0.0/16 and add service-cidr: 10.43.0.0/16',
    });
  });
});

describe('two files naming one node', () => {
  const named = (role: string, hostname: string, config = '') =>
    member(role, config)
      .replace('#cloud-config\n', `#cloud-config\nhostname: ${hostname}\n`)
      .replace(/ {4}node-name: n-\w+\n/, '');
  const duplicates = (files: Record<string, string>) => codes(setFindings(files), 'duplicate-node-name');

  it('names the hostname line, the other file and its line, with a fix', () => {
    const [f, ...rest] = duplicates({ 'a.yaml': named('init', 'srv2'), 'b.yaml': named('controlplane', 'srv2') });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', path: ['b.yaml', 'hostname'], line: 2 });
    expect(f!.message).toMatch(/^b\.yaml:2 names its node "srv2" \(its hostname\), as a\.yaml:2 does \(its hostname\)/);
    expect(f!.message).toContain('Node password rejected, duplicate hostname');
    expect(f!.fix).toEqual({ description: 'change the hostname, or set with-node-id: true' });
  });

  it('node-name in cluster.config is the name, with its line', () => {
    const [f] = duplicates({ 'a.yaml': named('init', 'x1', 'node-name: edge\n'), 'b.yaml': named('worker', 'x2', 'node-name: edge\n') });
    expect(f).toMatchObject({ path: ['b.yaml', 'cluster', 'config', 'node-name'], line: 8 });
    expect(f!.fix).toEqual({ description: 'change the node-name, or set with-node-id: true' });
    expect(duplicates({ 'a.yaml': named('init', 'edge'), 'b.yaml': named('worker', 'x2', 'node-name: x1\n') })).toEqual([]);
  });

  it('with-node-id or a hostname rendered per device cannot repeat', () => {
    expect(duplicates({ 'a.yaml': named('init', 'srv'), 'b.yaml': named('worker', 'srv', 'with-node-id: true\n') })).toEqual([]);
    const perDevice = 'edge-{{ trunc 4 .MachineID }}';
    expect(duplicates({ 'a.yaml': named('init', perDevice), 'b.yaml': named('worker', perDevice) })).toEqual([]);
  });
});

describe('a document Kairos cannot read', () => {
  it("has the line and column of the error, also where Go names no line (line 1), with Go's words unchanged", () => {
    const [f] = codes(lintCloudConfig('this is: not: yaml: [\n  - oops\n'), 'provider-panic');
    expect(f).toMatchObject({ line: 1, column: 13 });
    expect(f!.message).toContain('(failed to parse config from boot event: yaml: mapping values are not allowed in this context)');
    const [tab] = codes(lintCloudConfig('#cloud-config\nhostname: x\ncluster:\n\tcluster_token: abc\n'), 'provider-panic');
    expect(tab).toMatchObject({ line: 4, column: 1 });
    expect(tab!.message).toContain('yaml: line 4: found character that cannot start any token');
  });
});

describe('NO_PROXY and the control-plane host', () => {
  const proxied = (role: string, host: string) =>
    withConfig(
      CIDRS,
      `cluster_token: Zq8vN3kP2wX7mR4tY9bL6cF1hJ5dG0sA\ncontrol_plane_host: ${host}\nrole: ${role}\nenv:\n  HTTPS_PROXY: http://proxy.corp:3128\n`,
    );
  const noProxy = (text: string, nodeCidr?: string) => codes(lintCloudConfig(text, nodeCidr ? { nodeCidr } : {}), 'noproxy-missing-host');

  it('the init node joins nothing: no finding', () => {
    expect(noProxy(proxied('init', '192.168.1.10'))).toEqual([]);
    expect(noProxy(proxied('init', 'k8s.example'))).toEqual([]);
  });

  it('a joining node: a host in its own subnet is covered; outside it or unknown, the finding says why', () => {
    expect(noProxy(proxied('worker', '192.168.1.10'), '192.168.1.20/24')).toEqual([]);
    expect(noProxy(proxied('worker', '192.168.1.10'), '10.0.0.20/24')[0]).toMatchObject({ severity: 'warning' });
    const [unknown] = noProxy(proxied('worker', '192.168.1.10'));
    expect(unknown).toMatchObject({ severity: 'info' });
    expect(unknown!.message).toContain("unless control_plane_host is in the node's own subnet, which the provider adds to NO_PROXY");
    expect(unknown!.message).not.toContain('fail to join');
    expect(noProxy(proxied('worker', 'k8s.example'), '192.168.1.20/24')[0]).toMatchObject({ severity: 'warning' });
  });
});

describe('a control_plane_host that is none of the servers', () => {
  const note = (files: Record<string, string>) => codes(setFindings(files), 'load-balancer-required');
  const set = (host: string, cp = 'node-ip: 10.0.1.12\n') => ({
    'init.yaml': member('init', 'node-ip: 10.0.1.11\n', { host }),
    'cp.yaml': member('controlplane', cp, { host }),
    'w.yaml': member('worker', '', { host }),
  });

  it('is a note: a load balancer or VIP must answer at HOST:9345, and check --load-balancer checks it that way', () => {
    const [f, ...rest] = note(set('10.0.1.100'));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'info', path: ['init.yaml', 'cluster', 'control_plane_host'], line: 4 });
    expect(f!.message).toContain("is none of the servers' addresses (init.yaml 10.0.1.11, cp.yaml 10.0.1.12)");
    expect(f!.message).toContain('a load balancer or a VIP, must answer at 10.0.1.100:9345 and forward to the servers');
    expect(f!.message).toContain('rke2-edge check --load-balancer');
  });

  it('no note for a server address, a DNS name, or a server without an address', () => {
    expect(note(set('10.0.1.11'))).toEqual([]);
    expect(note(set('k8s.example'))).toEqual([]);
    expect(note(set('10.0.1.100', ''))).toEqual([]);
  });
});

it('the init node keeps a duplicated name: the other file is reported', () => {
  const named = (role: string) =>
    member(role)
      .replace('#cloud-config\n', '#cloud-config\nhostname: srv\n')
      .replace(/ {4}node-name: n-\w+\n/, '');
  const found = codes(setFindings({ 'cp.yaml': named('controlplane'), 'init.yaml': named('init') }), 'duplicate-node-name');
  expect(found.map((f) => f.path)).toEqual([['cp.yaml', 'hostname']]);
  expect(found[0]!.message).toContain('as init.yaml:2 does');
});

describe('a jq merge that fails on a token of another type', () => {
  it('names the types jq could not add, never the values it quotes (the first bytes of the token)', () => {
    const text = withConfig(`${CIDRS}token: 8317046629184503\n`);
    const failed = lintCloudConfig(text).filter((f) => f.code === 'jq-merge-failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.message).toContain('number and string cannot be added');
    expect(failed[0]!.message).not.toMatch(/83170466|\(".{4}/);
  });
});
