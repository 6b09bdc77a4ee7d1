import { describe, expect, it } from 'vitest';
import type { Finding } from './finding.js';
import { lintCloudConfigs } from './lintCloudConfig.js';
import { member } from './rules/fixtures/crossNodeFixtures.js';

const AGREEMENT = ['token-mismatch', 'control-plane-host-mismatch', 'server-setting-mismatch', 'node-setting-mismatch'];

/** The agreement findings of a set of files given as name → text. */
function agreement(files: Record<string, string>): Finding[] {
  const results = lintCloudConfigs(Object.entries(files).map(([name, text]) => ({ name, text })));
  return (results.find((r) => r.file === '(all files)')?.findings ?? []).filter((f) => AGREEMENT.includes(f.code));
}

const TOKEN_A = 'AAAAvN3kP2wX7mR4tY9bL6cF1hJ5dG0sA';
const TOKEN_B = 'BBBBvN3kP2wX7mR4tY9bL6cF1hJ5dG0sB';

describe('a set of cloud-configs is one cluster', () => {
  it('init with token A and host 10.0.1.100 + worker with token B and host 10.0.1.101: both mismatches, naming both files and lines (not the tokens)', () => {
    const found = agreement({
      'init.yaml': member('init', '', { token: TOKEN_A, host: '10.0.1.100' }),
      'worker.yaml': member('worker', '', { token: TOKEN_B, host: '10.0.1.101' }),
    });
    expect(found.map((f) => [f.code, f.path.join('.'), f.line])).toEqual([
      ['token-mismatch', 'worker.yaml.cluster.cluster_token', 3],
      ['control-plane-host-mismatch', 'worker.yaml.cluster.control_plane_host', 4],
    ]);
    expect(found[0]!.message).toContain('the cluster_token at worker.yaml:3 differs from the one at init.yaml:3 (the init node)');
    expect(found[1]!.message).toContain(
      'worker.yaml:4 sets control_plane_host to "10.0.1.101", but init.yaml:4 sets control_plane_host to "10.0.1.100"',
    );
    expect(found[1]!.fix).toEqual({ description: 'use 10.0.1.100', value: '10.0.1.100' });
    expect(JSON.stringify(found)).not.toMatch(/AAAA|BBBB/);
  });

  it('two servers with different cluster-cidr: the join is refused, with the line of each value', () => {
    const [f, ...rest] = agreement({
      'cp1.yaml': member('init', 'service-cidr: 10.43.0.0/16\ncluster-cidr: 10.42.0.0/16\n'),
      'cp2.yaml': member('controlplane', 'cluster-cidr: 10.52.0.0/16\n'),
    });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      severity: 'error',
      code: 'server-setting-mismatch',
      path: ['cp2.yaml', 'cluster', 'config', 'cluster-cidr'],
      line: 8,
    });
    expect(f!.message).toMatch(
      /^cp2\.yaml:8 sets cluster-cidr to "10\.52\.0\.0\/16", but cp1\.yaml:9 sets cluster-cidr to "10\.42\.0\.0\/16" \(the init node\)/,
    );
    expect(f!.message).toContain('critical configuration mismatched: cluster-cidr');
  });

  it('a server with another CNI among three; a worker is not asked for server settings', () => {
    const found = agreement({
      'a.yaml': member('init', 'cni: canal\n'),
      'b.yaml': member('controlplane'),
      'c.yaml': member('controlplane', 'cni:\n  - multus\n  - cilium\n'),
      'd.yaml': member('worker', 'cluster-cidr: 10.99.0.0/16\n'),
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'server-setting-mismatch', path: ['c.yaml', 'cluster', 'config', 'cni'], line: 8 });
    expect(found[0]!.message).toContain('c.yaml:8 sets cni to "multus,cilium", but a.yaml:8 sets cni to "canal"');
  });

  it('agreeing sets of five produce no finding, however the same values are written', () => {
    const same = 'cluster-cidr: 10.42.0.0/16,fd42::/56\nsystem-default-registry: reg.local\nselinux: true\n';
    expect(
      agreement({
        'init.yaml': member('init', `${same}cni: [cilium]\ncluster-domain: cluster.local\n`),
        'cp2.yaml': member(
          'controlplane',
          `cluster-cidr: [10.42.0.0/16, 'fd42::/56']\nsystem-default-registry: reg.local\nselinux: "true"\ncni: cilium\n`,
        ),
        'cp3.yaml': member('controlplane', `${same}cni: cilium\n`),
        'w1.yaml': member('worker', 'system-default-registry: reg.local\nselinux: true\n'),
        'w2.yaml': member('worker', 'system-default-registry: reg.local\nselinux: true\n'),
      }),
    ).toEqual([]);
  });

  it("a key left out compares as RKE2's default, and says so", () => {
    const [f] = agreement({
      'init.yaml': member('init', 'egress-selector-mode: pod\n'),
      'cp.yaml': member('controlplane'),
    });
    expect(f!.message).toMatch(
      /^cp\.yaml leaves egress-selector-mode at RKE2's default "agent", but init\.yaml:8 sets egress-selector-mode to "pod"/,
    );
    expect(f!.line).toBeUndefined();
  });

  it('secrets-encryption is not compared: RKE2 turns it on on every server (pkg/rke2/rke2.go); deprecated-key names it', () => {
    const files = { 'init.yaml': member('init', 'secrets-encryption: false\n'), 'cp.yaml': member('controlplane') };
    expect(agreement(files)).toEqual([]);
    const [init] = lintCloudConfigs(Object.entries(files).map(([name, text]) => ({ name, text })));
    expect(init!.findings.map((f) => f.code)).toContain('deprecated-key');
  });

  it("system-default-registry is the servers' own: a worker's gets deprecated-key only, two servers' differing a mismatch", () => {
    const results = lintCloudConfigs([
      { name: 'init.yaml', text: member('init', 'system-default-registry: reg.plant.local\n') },
      { name: 'cp.yaml', text: member('controlplane', 'system-default-registry: reg.other.local\n') },
      { name: 'w.yaml', text: member('worker', 'system-default-registry: reg.worker.local\n') },
    ]);
    const codes = (file: string) =>
      results
        .flatMap((r) => r.findings.map((f) => ({ ...f, file: r.file === '(all files)' ? f.path[0] : r.file })))
        .filter((f) => f.file === file && String(f.path.at(-1)) === 'system-default-registry')
        .map((f) => f.code);
    expect(codes('w.yaml')).toEqual(['deprecated-key']);
    expect(codes('cp.yaml')).toEqual(['server-setting-mismatch']);
    const worker = results.find((r) => r.file === 'w.yaml')!.findings.find((f) => f.code === 'deprecated-key');
    expect(worker!.message).toContain('deprecated in RKE2 on agents: Effective on servers only');
  });

  it('booleans compare as strconv.ParseBool reads the flag text: true, "True", 1 and "t" are one value; "yes" (a string to yaml.v2) is not', () => {
    const selinux = (v: string) => `selinux: ${v}\n`;
    expect(
      agreement({
        'init.yaml': member('init', selinux('true')),
        'cp.yaml': member('controlplane', selinux('"True"')),
        'w1.yaml': member('worker', selinux('1')),
        'w2.yaml': member('worker', selinux('"t"')),
        'w3.yaml': member('worker', selinux('True')),
      }),
    ).toEqual([]);
    const [f] = agreement({ 'init.yaml': member('init', selinux('true')), 'w.yaml': member('worker', selinux('"yes"')) });
    expect(f!.message).toContain('w.yaml:8 sets selinux to "yes"');
  });

  it('key+ appends to the key (k3s configfilearg), an alias and the full name are both flags and the full name, sorted last, wins', () => {
    expect(
      agreement({
        'init.yaml': member('init', 'cni: [multus, canal]\ndata-dir: /opt/rke2\n'),
        'cp.yaml': member('controlplane', 'cni+: canal\ncni: multus\nd: /var/lib/rancher/rke2\ndata-dir: /opt/rke2\n'),
      }),
    ).toEqual([]);
    const [f] = agreement({
      'init.yaml': member('init', 'cni: [multus, canal]\n'),
      'cp.yaml': member('controlplane', 'cni+: canal\n'),
    });
    expect(f!.message).toContain('cp.yaml:8 sets cni (as cni+) to "canal", but init.yaml:8 sets cni to "multus,canal"');
  });

  it('a setting a merge key brings into the config is found, with the line where it is written', () => {
    const [f] = agreement({
      'init.yaml': member('init', 'cluster-cidr: 10.42.0.0/16\n'),
      'cp.yaml': member('controlplane', '<<: {cluster-cidr: 10.52.0.0/16}\n'),
    });
    expect(f).toMatchObject({ code: 'server-setting-mismatch', line: 8 });
    expect(f!.message).toMatch(/^cp\.yaml:8 sets cluster-cidr to "10\.52\.0\.0\/16", but init\.yaml:8/);
  });

  it('without an init node, servers are compared with the first one; an alias is named as written', () => {
    const [f] = agreement({
      'a.yaml': member('controlplane', 'data-dir: /var/lib/rancher/rke2\n'),
      'b.yaml': member('controlplane', 'd: /opt/rke2\n'),
      'c.yaml': member('controlplane'),
    });
    expect(f).toMatchObject({ severity: 'warning', path: ['b.yaml', 'cluster', 'config', 'd'] });
    expect(f!.message).toContain(
      'b.yaml:8 sets data-dir (as d) to "/opt/rke2", but a.yaml:8 sets data-dir to "/var/lib/rancher/rke2" (a server)',
    );
  });

  it('all nodes: SELinux and the registries.yaml the stages write', () => {
    const registries = (content: string) =>
      `stages:\n  boot:\n    - files:\n        - path: /etc/rancher/rke2/registries.yaml\n          content: |\n${content.replace(/^/gm, '            ')}\n`;
    const init = member('init') + registries('mirrors:\n  docker.io:\n    endpoint: [https://reg.local]');
    const sameLaidOut = member('controlplane') + registries('mirrors:\n  "docker.io":\n    endpoint:\n      - https://reg.local');
    const found = agreement({ 'init.yaml': init, 'cp.yaml': sameLaidOut, 'w.yaml': member('worker', 'selinux: true\n') });
    expect(found.map((f) => [f.code, f.path.join('.'), f.line])).toEqual([
      ['node-setting-mismatch', 'w.yaml.cluster.config.selinux', 8],
      ['node-setting-mismatch', 'w.yaml.stages', undefined],
    ]);
    expect(found[1]!.message).toContain('w.yaml writes no registries.yaml, but init.yaml:12 writes one (the init node)');
  });

  it('a joining node pointing at itself, when the files give addresses', () => {
    const found = agreement({
      'init.yaml': member('init', 'node-ip: 10.0.1.100\n', { host: '' }),
      'cp.yaml': member('controlplane', 'node-ip: 10.0.1.105\n', { host: '10.0.1.105' }),
    });
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('cp.yaml:4 sets control_plane_host to "10.0.1.105", its own address');
    expect(found[0]!.fix?.value).toBe('10.0.1.100');
  });

  it('hosts compare by what they name: [fd00::1], fd00::1 and [FD00::0001] are one host, a DNS name in any case is one name', () => {
    expect(
      agreement({
        'init.yaml': member('init', '', { host: 'fd00::1' }),
        'cp.yaml': member('controlplane', '', { host: '"[fd00::1]"' }),
        'w.yaml': member('worker', '', { host: '"[FD00::0001]"' }),
      }),
    ).toEqual([]);
    expect(
      agreement({
        'init.yaml': member('init', '', { host: 'CP.plant.example' }),
        'w.yaml': member('worker', '', { host: 'cp.plant.example' }),
      }),
    ).toEqual([]);
  });

  it('a mismatch with an IPv6 reference host suggests it in brackets, the form https://HOST:9345 needs', () => {
    const [f, ...rest] = agreement({
      'init.yaml': member('init', '', { host: 'fd00::1' }),
      'w.yaml': member('worker', '', { host: '"[fd00::2]"' }),
    });
    expect(rest).toEqual([]);
    expect(f!.message).toContain('w.yaml:4 sets control_plane_host to "[fd00::2]", but init.yaml:4 sets control_plane_host to "fd00::1"');
    expect(f!.fix).toEqual({ description: 'use [fd00::1]', value: '[fd00::1]' });
  });

  it("a joining node at its own or a worker's IPv6 address, however the host is written; the fix is the init node's address in brackets", () => {
    const found = agreement({
      'init.yaml': member('init', 'node-ip: fd00::1\n', { host: '' }),
      'w1.yaml': member('worker', 'node-ip: fd00:0:0:0:0:0:0:7\n', { host: '"[FD00::7]"' }),
      'w2.yaml': member('worker', 'node-ip: fd00::8\n', { host: '"[fd00::0:7]"' }),
    });
    expect(found.map((f) => [f.path[0], f.fix?.value])).toEqual([
      ['w1.yaml', '[fd00::1]'],
      ['w2.yaml', '[fd00::1]'],
    ]);
    expect(found[0]!.message).toContain('its own address');
    expect(found[1]!.message).toContain('the address of w1.yaml (a worker)');
  });

  it('a control_plane_host a merge key brings in is set, with the line where it is written; one left out is "has no", never RKE2\'s default', () => {
    const merged = (host: string) =>
      `#cloud-config\njoin: &join\n  cluster_token: ${TOKEN_A}\n  control_plane_host: ${host}\ncluster:\n  <<: *join\n  role: worker\n`;
    const [f] = agreement({ 'init.yaml': member('init', '', { token: TOKEN_A }), 'w.yaml': merged('10.0.1.101') });
    expect(f).toMatchObject({ code: 'control-plane-host-mismatch', line: 4 });
    expect(f!.message).toContain('w.yaml:4 sets control_plane_host to "10.0.1.101", but init.yaml:4');
    expect(agreement({ 'init.yaml': member('init', '', { token: TOKEN_A }), 'w.yaml': merged('10.0.1.100') })).toEqual([]);
    const none = agreement({
      'init.yaml': member('init', '', { token: TOKEN_A }),
      'w.yaml': `#cloud-config\ncluster:\n  cluster_token: ${TOKEN_A}\n  role: worker\n`,
    });
    expect(none[0]!.message).toMatch(/^w\.yaml has no control_plane_host, but init\.yaml:4 sets control_plane_host to "10\.0\.1\.100"/);
    expect(JSON.stringify(none)).not.toContain("RKE2's default");
  });

  it('a single file has no cluster findings', () => {
    expect(lintCloudConfigs([{ name: 'a', text: member('controlplane', '', { token: TOKEN_A }) }]).map((r) => r.file)).toEqual(['a']);
  });
});
