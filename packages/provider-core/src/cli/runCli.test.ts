import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ORACLE_DIR } from '../../test/oracleCases.js';
import { runBuiltCli } from '../../test/runBuiltCli.js';

const caseInput = (name: string) => readFileSync(join(ORACLE_DIR, name, 'input.yaml'), 'utf8');

describe('rke2-edge command line', () => {
  it('explains itself with --help on each command', async () => {
    for (const command of ['provider', 'merged']) {
      const run = await runBuiltCli([command, '--help']);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`Usage: rke2-edge ${command} FILE [--node-cidr CIDR]`);
    }
    expect((await runBuiltCli(['--help'])).stdout).toContain('Commands:');
  });

  it('refuses unknown options and commands with a clear message', async () => {
    const option = await runBuiltCli(['provider', 'x.yaml', '--nodecidr', '1.2.3.4/24']);
    expect(option).toMatchObject({ code: 2, stdout: '' });
    expect(option.stderr).toContain('unknown option --nodecidr (known: --node-cidr, --help)');
    const command = await runBuiltCli(['provder', 'x.yaml']);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('unknown command "provder"');
  });

  it('exits 2 with nothing on stdout when the file cannot be read', async () => {
    const run = await runBuiltCli(['provider', '/nonexistent/cloud-config.yaml']);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(/cannot read \/nonexistent\/cloud-config.yaml/);
  });

  it('reads stdin for "-"', async () => {
    const expected = readFileSync(join(ORACLE_DIR, '01-init-minimal', 'cluster.kairos.yaml'), 'utf8');
    const run = await runBuiltCli(['provider', '-', '--node-cidr=192.168.1.10/24'], caseInput('01-init-minimal'));
    expect([run.code, run.stdout]).toEqual([0, expected]);
  });

  it('exits 3 with one line on stderr where the provider would panic', async () => {
    const run = await runBuiltCli(['provider', '-'], caseInput('04-init-no-cidrs'));
    expect(run.code).toBe(3);
    expect(run.stderr).toBe(
      'rke2-edge: the provider would panic (panic: interface conversion: interface {} is nil, not string, provider.go:177): the RKE2 config has no "cluster-cidr" (the provider reads it on every boot and crashes without it)\n',
    );
  });

  it('uses the node CIDR it is given: an unseen address and values change only what they feed', async () => {
    const input = caseInput('14-proxy-both-noproxy')
      .replace('localhost,127.0.0.1,.example.com', 'registry.local')
      .replaceAll('10.42.0.0/16', '172.16.0.0/14')
      .replace('http://proxy.example.com:8080', 'http://squid.site-7:3128');
    const run = await runBuiltCli(['provider', '-', '--node-cidr', '10.20.30.40/26'], input);
    expect(run.code).toBe(0);
    const noProxy = ',172.16.0.0/14,10.43.0.0/16,10.20.30.40/26,.svc,.svc.cluster,.svc.cluster.local,registry.local';
    expect(run.stdout).toContain(`                NO_PROXY=${noProxy}\n                CONTAINERD_NO_PROXY=${noProxy}\n`);
    expect(run.stdout).toContain('                HTTP_PROXY=http://squid.site-7:3128\n');
    const oracle = readFileSync(join(ORACLE_DIR, '14-proxy-both-noproxy', 'cluster.kairos.yaml'), 'utf8');
    expect(run.stdout.split('\n').length).toBe(oracle.split('\n').length);
  });

  it('writes files it is given, and a file with no cluster section gives empty output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rke2-edge-'));
    const file = join(dir, 'user-data');
    writeFileSync(file, '#cloud-config\nhostname: edge\n');
    expect(await runBuiltCli(['provider', file])).toMatchObject({ code: 0, stdout: '' });
    expect(await runBuiltCli(['merged', file])).toMatchObject({ code: 0, stdout: '' });
  });

  it("prints the Kairos SDK's multi-line decoder errors on their own indented lines, as the plugin words them", async () => {
    // Two type errors in the cluster section: yaml.v3 lists them one a line under "unmarshal errors:".
    // The second quotes the value, here an escape sequence and U+2028 written as YAML escapes.
    const input = [
      '#cloud-config',
      'hostname: cp-1',
      'cluster:',
      '  cluster_token: [a, b]',
      '  role: init',
      '  import_local_images: "\\e[2J\\L"',
      '  config: |',
      '    node-name: cp-1',
      '',
    ].join('\n');
    const errors = ['line 4: cannot unmarshal !!seq into string', 'line 6: cannot unmarshal !!str `\\u{1B}[2J\\u{2028}` into bool'];
    const goError = `failed to parse config from boot event: yaml: unmarshal errors:\n  ${errors.join('\n  ')}`;

    const provider = await runBuiltCli(['provider', '-'], input);
    expect(provider).toMatchObject({ code: 2, stdout: '', stderr: `rke2-edge: ${goError}\n` });

    const file = join(mkdtempSync(join(tmpdir(), 'rke2-edge-')), 'cp-1.yaml');
    writeFileSync(file, input);
    const lint = await runBuiltCli(['lint', file]);
    expect(lint.code).toBe(1);
    const finding = lint.stdout.split('\n').findIndex((l) => l.includes('unmarshal errors:'));
    expect(lint.stdout.split('\n').slice(finding, finding + 3)).toEqual([
      expect.stringMatching(/^error {3}\S+cp-1\.yaml:4 {2}.*\(failed to parse config from boot event: yaml: unmarshal errors:$/),
      `          ${errors[0]}`,
      `          ${errors[1]}). [provider-panic]`,
    ]);
    const check = await runBuiltCli(['check', file]);
    expect(check.stdout).toContain(`unmarshal errors:\n      ${errors[0]}\n      ${errors[1]}).\n    source: `);
    // Every line stays terminal-safe: the value's escape sequence and line separator are shown escaped.
    for (const run of [provider, lint, check]) expect(run.stdout + run.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u2028]/);
    // The JSON keeps the same shape; the message holds the plugin's text with its line breaks.
    const json = JSON.parse((await runBuiltCli(['lint', '--json', file])).stdout) as { findings: { message: string }[] }[];
    const raw = `unmarshal errors:\n  ${errors[0]}\n  line 6: cannot unmarshal !!str \`\u001b[2J\u2028\` into bool).`;
    expect(json[0]!.findings.map((f) => f.message)).toContainEqual(expect.stringContaining(raw));
  });
});
