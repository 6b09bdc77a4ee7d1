import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from '../../test/runBuiltCli.js';
import { haSite, variant } from '../../test/siteFixtures.js';
import { SiteCheckSchema } from '../check/checkResult.js';
import { SITE_TEMPLATES } from '../designer/siteTemplates.js';
import { cloudConfig, haCloudConfigs, type NodeFile } from '../../test/cloudConfigSet.js';

const workDir = () => mkdtempSync(join(tmpdir(), 'rke2-edge-check-'));
const writeSite = (site: unknown) => {
  const path = join(workDir(), 'site.json');
  writeFileSync(path, JSON.stringify(site));
  return path;
};

describe('rke2-edge check', () => {
  it('exits 0 and says each node comes up and joins, with what its device needs', async () => {
    const run = await runBuiltCli(['check', writeSite(haSite())]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('cp-1 (rke2-server): comes up and joins\n');
    expect(run.stdout).toContain('worker-2 (rke2-agent): comes up and joins\n');
    expect(run.stdout).toContain('Kairos image with RKE2 v1.36');
    expect(run.stdout).toContain('5 node(s): all come up and join\n');
  });

  it("exits 1 with RKE2's message and its source for a node that would not start", async () => {
    const run = await runBuiltCli(['check', writeSite(variant((s) => s.nodes[3]!.labels.push('node-role.kubernetes.io/worker=true')))]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('worker-1 (rke2-agent): does not come up\n');
    expect(run.stdout).toContain(
      "failed to validate kubelet flags: unknown 'kubernetes.io' or 'k8s.io' labels specified with --node-labels: [node-role.kubernetes.io/worker]",
    );
    expect(run.stdout).toContain('source: kubernetes cmd/kubelet/app/options/options.go');
  });

  it('--json prints exactly the check schema', async () => {
    const run = await runBuiltCli([
      'check',
      '--json',
      writeSite(variant((s) => Object.assign(s.network, { serviceCidr: '10.101.0.0/16', clusterDns: '10.43.0.10' }))),
    ]);
    expect(run.code).toBe(1);
    const parsed = SiteCheckSchema.strict().parse(JSON.parse(run.stdout));
    expect(parsed.nodes.map((n) => [n.node, n.service, n.ok])).toEqual([
      ['cp-1', 'rke2-server', false],
      ['cp-2', 'rke2-server', false],
      ['cp-3', 'rke2-server', false],
      ['worker-1', 'rke2-agent', true],
      ['worker-2', 'rke2-agent', true],
    ]);
    expect(Object.keys(parsed.nodes[0]!.failures[0]!).sort()).toEqual(['message', 'rule', 'source']);
  });

  it('passes every example site in examples/', async () => {
    const dir = join(__dirname, '../../../../examples');
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.site.json'))) {
      const run = await runBuiltCli(['check', join(dir, name)]);
      expect({ name, code: run.code, stdout: run.code === 0 ? '' : run.stdout }).toEqual({ name, code: 0, stdout: '' });
    }
  });

  it('exits 2 on unreadable input', async () => {
    expect((await runBuiltCli(['check', join(workDir(), 'missing.json')])).code).toBe(2);
    const bad = join(workDir(), 'bad.json');
    writeFileSync(bad, '{"version": 2, "name": ');
    expect((await runBuiltCli(['check', bad])).code).toBe(2);
    expect((await runBuiltCli(['check'])).code).toBe(2);
  });
});

/** Writes the files into a fresh folder; returns their paths. */
const writeFiles = (files: NodeFile[]) => {
  const dir = workDir();
  return files.map((f) => {
    writeFileSync(join(dir, f.name), f.text);
    return join(dir, f.name);
  });
};
/** The HA set with the worker's control_plane_host pointing at no server. */
const strayWorker = () => {
  const files = haCloudConfigs();
  files[2]!.text = files[2]!.text.replace('control_plane_host: 10.0.1.11', 'control_plane_host: 10.0.1.100');
  return files;
};

describe('rke2-edge check CLOUD-CONFIG...', () => {
  it('checks three cloud-configs as one cluster: each file by node name, with its address and needs', async () => {
    const run = await runBuiltCli(['check', ...writeFiles(haCloudConfigs()), '--address', 'cp-2=10.0.1.12/24']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('cp-1 (rke2-server, ');
    expect(run.stdout).toMatch(
      /^cp-1 \(rke2-server, \S*cp-1\.yaml\): comes up and joins\n {2}address 10\.0\.1\.11\/24 \(from the file's network unit\)\n/m,
    );
    expect(run.stdout).toMatch(/^cp-2 \(rke2-server, \S*cp-2\.yaml\): comes up and joins\n {2}address 10\.0\.1\.12\/24 \(--address\)\n/m);
    expect(run.stdout).toMatch(
      /^worker-1 \(rke2-agent, \S*worker-1\.yaml\): comes up and joins\n {2}address not known \(give --address worker-1=CIDR\)\n/m,
    );
    expect(run.stdout).toContain('3 node(s): all come up and join\n');
  });

  it("exits 1 and names the file of a worker whose control_plane_host is no server's address", async () => {
    const run = await runBuiltCli(['check', ...writeFiles(strayWorker())]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^worker-1 \(rke2-agent, \S*worker-1\.yaml\): does not come up\n/m);
    expect(run.stdout).toContain(
      "✗ Failed to validate connection to cluster at https://10.0.1.100:9345: failed to get CA certs: nothing in this site answers at 10.0.1.100:9345 (10.0.1.100 is not the init node's address, 10.0.1.11)",
    );
    expect(run.stdout).toContain('source: k3s-io/k3s pkg/agent/config/config.go');
    expect(run.stdout).toContain('1 of 3 node(s) would not come up\n');
  });

  it('--json prints the same schema as for a site, one entry per file in order, passing and failing', async () => {
    const pass = await runBuiltCli(['check', '--json', ...writeFiles(haCloudConfigs())]);
    expect(pass.code).toBe(0);
    const passed = SiteCheckSchema.strict().parse(JSON.parse(pass.stdout));
    expect(passed.nodes.map((n) => [n.node, n.service, n.ok])).toEqual([
      ['cp-1', 'rke2-server', true],
      ['cp-2', 'rke2-server', true],
      ['worker-1', 'rke2-agent', true],
    ]);
    const fail = await runBuiltCli(['check', ...writeFiles(strayWorker()), '--json']);
    expect(fail.code).toBe(1);
    const failed = SiteCheckSchema.strict().parse(JSON.parse(fail.stdout));
    expect(failed.nodes.map((n) => [n.node, n.ok, n.failures.map((f) => f.rule)])).toEqual([
      ['cp-1', true, []],
      ['cp-2', true, []],
      ['worker-1', false, ['server-url']],
    ]);
  });

  it('checks a single cloud-config: a lone init node comes up; one with cluster-dns outside its service CIDR does not', async () => {
    const [single] = writeFiles([{ name: 'edge.yaml', text: cloudConfig({ hostname: 'edge', role: 'init', host: '10.0.1.11' }) }]);
    const ok = await runBuiltCli(['check', single!]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^edge \(rke2-server, \S*edge\.yaml\): comes up and joins\n/m);
    expect(ok.stdout).toContain('1 node(s): all come up and join\n');
    const config = 'cluster-cidr: 10.42.0.0/16\nservice-cidr: 10.101.0.0/16\ncluster-dns: 10.43.0.10\n';
    const [bad] = writeFiles([{ name: 'edge.yaml', text: cloudConfig({ hostname: 'edge', role: 'init', config }) }]);
    const text = await runBuiltCli(['check', bad!]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(
      '✗ failed to allocate IP 10.43.0.10: the provided IP (10.43.0.10) is not in the valid range. The range of valid IPs is 10.101.0.0/16',
    );
    const json = await runBuiltCli(['check', bad!, '--json']);
    expect(json.code).toBe(1);
    expect(SiteCheckSchema.strict().parse(JSON.parse(json.stdout)).nodes).toEqual([
      expect.objectContaining({
        node: 'edge',
        service: 'rke2-server',
        ok: false,
        failures: [expect.objectContaining({ rule: 'cluster-dns' })],
      }),
    ]);
  });

  it('exits 2 on one --address name twice, an address given to two nodes, or no host address', async () => {
    const paths = writeFiles(haCloudConfigs());
    for (const [args, message] of [
      [['cp-2=10.0.1.12/24', 'cp-2=10.0.1.13/24'], '--address cp-2 is given twice (10.0.1.12/24 and 10.0.1.13/24)'],
      [
        ['cp-2=10.0.1.12/24', 'worker-1=10.0.1.12/24'],
        '--address cp-2 and worker-1 are both given 10.0.1.12: two nodes cannot share one address',
      ],
      [['cp-2=10.0.1.0/24'], "--address cp-2: 10.0.1.0 is the network address of 10.0.1.0/24, not a host's (RFC 1122 3.2.1.3)"],
      [['cp-2=10.0.1.255/24'], "--address cp-2: 10.0.1.255 is the broadcast address of 10.0.1.0/24, not a host's (RFC 1122 3.2.1.3)"],
      [['cp-2=127.0.0.1/8'], '--address cp-2: 127.0.0.1 is a loopback address'],
    ] as const) {
      const run = await runBuiltCli(['check', ...paths, ...args.flatMap((a) => ['--address', a])]);
      expect(run, message).toMatchObject({ code: 2, stderr: expect.stringContaining(message) });
    }
    expect((await runBuiltCli(['check', ...paths, '--address', 'cp-2=10.0.1.12/31'])).code).toBe(0);
  });

  it('escapes a line break in a file name onto its line, and refuses a file given twice', async () => {
    const files = haCloudConfigs();
    files[2]!.name = 'worker\n3 of 3 node(s): all come up and join.yaml';
    files[2]!.text = files[2]!.text.replace('hostname: worker-1\n', '');
    const paths = writeFiles(files);
    const run = await runBuiltCli(['check', ...paths]);
    // The node (named after the file) and the file name stay on their line, with the break escaped.
    expect(run.stdout.split('\n').filter((line) => line.startsWith('3 of 3'))).toEqual([]);
    expect(run.stdout).toContain('worker\\u{A}3 of 3 node(s): all come up and join (rke2-agent, ');
    const twice = await runBuiltCli(['check', paths[0]!, paths[1]!, paths[0]!]);
    expect([twice.code, twice.stdout]).toEqual([2, '']);
    expect(twice.stderr).toBe(`rke2-edge: ${paths[0]} is given twice; give each node's cloud-config once\n`);
  });

  it('prints a node-ip address with its assumed prefix, a file that runs no RKE2, and a refused second node of one name, each entry with its file in --json', async () => {
    const files = [
      ...haCloudConfigs(),
      { name: 'spare.yaml', text: '#cloud-config\nhostname: spare\n' },
      { name: 'worker-2.yaml', text: cloudConfig({ hostname: 'worker-1', role: 'worker' }) },
    ];
    files[1]!.text = cloudConfig({
      hostname: 'cp-2',
      role: 'controlplane',
      config: 'node-ip: 10.0.1.12\ncluster-cidr: 10.42.0.0/16\nservice-cidr: 10.43.0.0/16\n',
    });
    const paths = writeFiles(files);
    const run = await runBuiltCli(['check', ...paths]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^cp-2 \(rke2-server, \S*cp-2\.yaml\): comes up and joins\n {2}address 10\.0\.1\.12\/32 from node-ip \(line 8\): prefix \/32 assumed \(give --address cp-2=10\.0\.1\.12\/PREFIX\)\n/m,
    );
    expect(run.stdout).toMatch(
      /^spare \(no RKE2, \S*spare\.yaml\): does not come up\n {2}✗ no RKE2 runs on this node: the file has no cluster: section/m,
    );
    expect(run.stdout).toMatch(
      /^worker-1 \(rke2-agent, \S*worker-2\.yaml\): does not come up\n {2}address not known \(give --address \S*worker-2\.yaml=CIDR\)\n {2}✗ Node password rejected, duplicate hostname/m,
    );
    const json = SiteCheckSchema.strict().parse(JSON.parse((await runBuiltCli(['check', '--json', ...paths])).stdout));
    expect(json.nodes.map((n) => [n.node, n.file?.replace(/^.*\//, ''), n.service, n.ok])).toEqual([
      ['cp-1', 'cp-1.yaml', 'rke2-server', true],
      ['cp-2', 'cp-2.yaml', 'rke2-server', true],
      ['worker-1', 'worker-1.yaml', 'rke2-agent', true],
      ['spare', 'spare.yaml', 'none', false],
      ['worker-1', 'worker-2.yaml', 'rke2-agent', false],
    ]);
  });

  it('exits 2 on a bad or unknown --address, and on a site.json mixed with cloud-configs or given cloud-config options', async () => {
    const paths = writeFiles(haCloudConfigs());
    const bad = await runBuiltCli(['check', ...paths, '--address', 'cp-2=10.0.1.12']);
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining('expected NAME=ADDRESS/PREFIX') });
    const unknown = await runBuiltCli(['check', ...paths, '--address', 'cp-9=10.0.1.19/24']);
    expect(unknown).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--address names no file: cp-9 (the nodes: cp-1, cp-2, worker-1)'),
    });
    const site = writeSite(haSite());
    expect((await runBuiltCli(['check', site, ...paths])).code).toBe(2);
    expect(await runBuiltCli(['check', site, '--load-balancer'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--load-balancer is for cloud-configs'),
    });
  });
});

describe('rke2-edge new', () => {
  it('--list prints one template id a line', async () => {
    const run = await runBuiltCli(['new', '--list']);
    expect(run).toMatchObject({ code: 0, stdout: SITE_TEMPLATES.map((t) => `${t.id}\n`).join('') });
  });

  it('refuses an unknown template with exit 2 and the list', async () => {
    const run = await runBuiltCli(['new', 'no-such-template']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown template "no-such-template"');
    expect(run.stderr).toContain(`${SITE_TEMPLATES[0]!.id}\n`);
  });

  it('writes each template as a site that check passes', async () => {
    for (const { id } of SITE_TEMPLATES) {
      const out = join(workDir(), `${id}.json`);
      expect((await runBuiltCli(['new', id, '-o', out])).code).toBe(0);
      expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ version: 2 });
      const check = await runBuiltCli(['check', out]);
      expect({ id, code: check.code, stdout: check.code === 0 ? '' : check.stdout }).toEqual({ id, code: 0, stdout: '' });
    }
  }, 60_000);
});
