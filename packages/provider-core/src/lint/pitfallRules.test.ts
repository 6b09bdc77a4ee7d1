/**
 * The control-plane host pitfalls with the URL the device would try (computed by the provider
 * port), and the pitfall rules' edges; the good/bad fixtures are in rules/fixtures/pitfallFixtures.ts.
 */
import { describe, expect, it } from 'vitest';
import { lintCloudConfig } from './lintCloudConfig.js';
import { tokenFormatProblem } from './pitfallRules.js';

const cloudConfig = (host: string, role = 'controlplane', config = '') =>
  [
    '#cloud-config',
    'cluster:',
    '  cluster_token: Zq8vN3kP2wX7mR4tY9bL6cF1hJ5dG0sA',
    `  control_plane_host: ${JSON.stringify(host)}`,
    `  role: ${role}`,
    '  config: |',
    '    cluster-cidr: 10.42.0.0/16',
    '    service-cidr: 10.43.0.0/16',
    ...config
      .split('\n')
      .filter(Boolean)
      .map((l) => `    ${l}`),
    '',
  ].join('\n');

const hostFindings = (host: string, role?: string, config?: string) =>
  lintCloudConfig(cloudConfig(host, role, config)).filter((f) => f.path.join('.') === 'cluster.control_plane_host');

describe('control_plane_host is a host or address only', () => {
  it.each([
    [
      '10.0.1.100:6443',
      'https://10.0.1.100:6443:9345',
      '(6443 is where kubectl reaches the API server of that host; nodes join through the supervisor port 9345',
    ],
    ['https://10.0.1.100', 'https://https://10.0.1.100:9345', 'remove a scheme'],
    ['https://10.0.1.100:6443', 'https://https://10.0.1.100:6443:9345', 'remove a scheme and a port (:6443)'],
    ['10.0.1.100/k8s', 'https://10.0.1.100/k8s:9345', 'remove a path'],
    [
      'k8s.plant-7.example:9345',
      'https://k8s.plant-7.example:9345:9345',
      'remove a port (:9345); the device would try server https://k8s.plant-7.example:9345:9345 (the provider always adds',
    ],
    ['[fd00::1]:6443', 'https://[fd00::1]:6443:9345', 'remove a port (:6443)'],
  ])('%s: an error naming %s and the fix', (host, url, fix) => {
    const [finding] = hostFindings(host);
    expect(finding).toMatchObject({ code: 'host-invalid', severity: 'error', line: 4 });
    expect(finding!.message).toContain(`the device would try server ${url}`);
    expect(finding!.message).toContain(fix);
    expect(finding!.fix?.value).toBe(host.replace(/^https:\/\//, '').replace(/(:\d+|\/k8s)$/, ''));
  });

  it('on the init node: no URL to try, but the same text in tls-san', () => {
    const [finding] = hostFindings('10.0.1.100:6443', 'init');
    expect(finding!.message).toContain('the init node joins no URL, but the provider adds the same text to tls-san');
  });

  it('a server URL set in config is concatenated by the jq merge: the message shows the merged URL', () => {
    const [finding] = hostFindings('10.0.1.100:6443', 'controlplane', 'server: https://x:9345');
    expect(finding!.message).toContain('the device would try server https://x:9345https://10.0.1.100:6443:9345');
  });

  it('an IPv6 address is not a port: bare fd00::1 is ipv6-server-url, [fd00::1] is a host', () => {
    expect(hostFindings('fd00::1').map((f) => f.code)).toEqual(['ipv6-server-url']);
    expect(hostFindings('fd00::1:6443').map((f) => f.code)).toEqual(['ipv6-server-url']);
    expect(hostFindings('[fd00::1]', 'controlplane', 'tls-san:\n  - fd00::1').map((f) => f.code)).toEqual([]);
  });

  it.each([
    ['fd00::1:6443', '6443'],
    ['fd00::1:9345', '9345'],
  ])('bare %s is itself an address; the message says so and offers [fd00::1] in case :%s was a port', (host, port) => {
    const [finding, ...rest] = hostFindings(host, 'worker');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ code: 'ipv6-server-url', line: 4, fix: { value: '[fd00::1]' } });
    expect(finding!.message).toContain(
      `${host} reads as one IPv6 address: if :${port} was meant as a port, the host is [fd00::1] (the provider adds :9345 itself)`,
    );
    expect(hostFindings('fd00::1:6444', 'worker')[0]!.fix?.value).toBe('[fd00::1:6444]');
  });

  it('a scheme and port around a bare IPv6 address: the fix on a joining node is the address in brackets, on the init node bare', () => {
    const [joining] = hostFindings('https://fd00::1:6443', 'worker');
    expect(joining).toMatchObject({ code: 'host-invalid', fix: { value: '[fd00::1]' } });
    const [init] = hostFindings('https://fd00::1:6443', 'init');
    expect(init).toMatchObject({ code: 'host-invalid', fix: { value: 'fd00::1' } });
  });

  it.each(['10.0.1.100', 'k8s.plant-7.example', '[fd00::1]'])('%s on a worker: no finding', (host) => {
    expect(hostFindings(host, 'worker')).toEqual([]);
  });
});

describe('tokenFormatProblem (k3s parseToken and NormalizeToken)', () => {
  const hash = '0123456789abcdef'.repeat(4);
  it.each([
    ['plain secret', 'Zq8vN3kP2wX7mR4tY9bL6cF1hJ5dG0sA', true, null],
    ['full token', `K10${hash}::server:secret`, true, null],
    ['full token without a hash', 'K10::server:secret', true, null],
    ['agent token with a bootstrap token', `K10${hash}::abcdef.0123456789abcdef`, false, null],
    ['server with a bootstrap token', `K10${hash}::abcdef.0123456789abcdef`, true, 'failed to normalize server token'],
    ['plain bootstrap token on a server', 'abcdef.0123456789abcdef', true, 'failed to normalize server token'],
    ['plain bootstrap token on an agent', 'abcdef.0123456789abcdef', false, null],
    ['short hash', 'K10abc::server:secret', true, 'has 3 characters instead of 64'],
    ['no password', `K10${hash}::server:`, false, 'invalid token format'],
    ['K10 secret', 'K10pubtoken1234567890abcdef', true, 'no "user:password" part'],
  ])('%s', (_name, token, server, problem) => {
    const found = tokenFormatProblem(token, server);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });
});

describe('pitfall rules, edges', () => {
  const codes = (config: string, role = 'controlplane') => lintCloudConfig(cloudConfig('10.0.1.100', role, config)).map((f) => f.code);

  it('the CIS profile with multus in front of canal or cilium is enforced', () => {
    expect(codes('profile: cis\ncni:\n  - multus\n  - cilium')).not.toContain('network-policy-unenforced');
    expect(codes('profile: cis\ncni: multus,flannel')).toContain('network-policy-unenforced');
  });

  it('flannel without the CIS profile, or on a worker, is not flagged', () => {
    expect(codes('cni: flannel')).not.toContain('network-policy-unenforced');
    expect(codes('profile: cis', 'worker')).not.toContain('network-policy-unenforced');
  });

  it('ports: a component kept on its own default port is no clash; a moved one is', () => {
    expect(codes('kube-apiserver-arg:\n  - secure-port=6443\nkubelet-arg:\n  - healthz-port=10248')).not.toContain('port-conflict');
    expect(codes('kubelet-arg:\n  - healthz-port=6444')).toContain('port-conflict');
    expect(codes('kube-scheduler-arg:\n  - secure-port=10257')).toContain('port-conflict');
  });

  it('a NodePort range clear of RKE2 ports passes; one over the kubelet does not', () => {
    expect(codes('service-node-port-range: 20000-29999')).not.toContain('port-conflict');
    const found = lintCloudConfig(cloudConfig('10.0.1.100', 'controlplane', 'service-node-port-range: 10000-11000'));
    expect(found.find((f) => f.code === 'port-conflict')?.message).toContain('10250 (the kubelet)');
  });

  it('a worker has no supervisor or etcd ports to clash with', () => {
    expect(codes('lb-server-port: 9345', 'worker')).not.toContain('port-conflict');
  });

  it('the tls-san rule is for servers, and accepts the address written differently', () => {
    const ipv6 = (role: string, config = '') => lintCloudConfig(cloudConfig('[fd00::1]', role, config)).map((f) => f.code);
    expect(ipv6('worker')).not.toContain('tls-san-missing');
    expect(ipv6('init')).toContain('tls-san-missing');
    expect(ipv6('init', 'tls-san:\n  - FD00::1')).not.toContain('tls-san-missing');
  });
});
