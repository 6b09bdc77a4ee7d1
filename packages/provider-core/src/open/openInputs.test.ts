import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { propertySettings } from '../../test/fastCheckSettings.js';
import { ORACLE_DIR } from '../../test/oracleCases.js';
import { haSite } from '../../test/siteFixtures.js';
import { zipBytes } from '../../test/zipBytes.js';
import { buildBundle } from '../bundle/buildBundle.js';
import { LIMITS } from '../limits.js';
import { encodeShareFragment, withoutSecrets } from '../share/shareLink.js';
import { openInputs } from './openInputs.js';

const file = (name: string, content: string | Uint8Array) => ({
  name,
  bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content,
});
const oracle = (name: string) => file(`${name}.yaml`, readFileSync(join(ORACLE_DIR, name, 'input.yaml')));
const siteJson = () => JSON.stringify(haSite(), null, 2);

describe('openInputs', () => {
  it('opens a zip bundle as the site it holds', async () => {
    const bundle = await buildBundle(haSite(), { format: 'zip' });
    if (!bundle.ok) throw new Error(bundle.reason);
    expect(await openInputs([file('plant-7.zip', bundle.bytes)])).toEqual({
      ok: true,
      site: haSite(),
      notes: [
        'Only the site.json of plant-7.zip was read: the node files in a zip you received are not checked, so export them again from this site before writing sticks.',
      ],
    });
    expect(await openInputs([file('plant-7.zip', bundle.bytes), file('site.json', siteJson())])).toEqual({
      ok: false,
      message: 'Open one zip bundle on its own.',
    });
    expect(
      await openInputs([
        file(
          'two.zip',
          zipBytes([
            { name: 'a/site.json', data: '{}' },
            { name: 'a/site.json', data: '{}' },
          ]),
        ),
      ]),
    ).toEqual({
      ok: false,
      message: 'two.zip: this zip holds more than one site.json',
    });
    expect(await openInputs([file('fake.zip', 'not a zip')])).toEqual({
      ok: false,
      message: 'fake.zip: this is not a readable zip file (it has no end of central directory record)',
    });
  });

  it('opens one site.json, recognised by its content whatever its name', async () => {
    expect(await openInputs([file('site.json', siteJson())])).toEqual({ ok: true, site: haSite(), notes: [] });
    expect(await openInputs([file('plant-7.txt', `\uFEFF \n${siteJson()}`)])).toEqual({ ok: true, site: haSite(), notes: [] });
    expect(await openInputs([file('site.json', siteJson()), oracle('01-init-minimal')])).toEqual({
      ok: false,
      message: 'Open one site.json on its own, or only cloud-config files.',
    });
  });

  it('refuses a broken site.json with its reason: empty, null, bad UTF-8, duplicate keys, too large', async () => {
    const refused = (name: string, reason: string) => ({ ok: false, message: `${name} is not a site this designer can open: ${reason}` });
    expect(await openInputs([file('site.json', '')])).toEqual(refused('site.json', 'the file is empty'));
    expect(await openInputs([file('SITE.JSON', ' \r\n\t')])).toEqual(refused('SITE.JSON', 'the file is empty'));
    expect(await openInputs([file('site.json', ' null\n')])).toEqual(
      refused('site.json', 'a site.json is a JSON object; this file holds null'),
    );
    const bytes = new TextEncoder().encode(siteJson());
    bytes[20] = 0xfe;
    expect(await openInputs([file('plant.json', bytes)])).toEqual(refused('plant.json', 'not valid UTF-8 at byte 20'));
    expect(await openInputs([file('site.json', siteJson().replace('"cni": "canal"', '"cni": "canal", "cni": "none"'))])).toEqual(
      refused('site.json', 'key "cni" appears twice in network'),
    );
    const big = new Uint8Array(LIMITS.siteJsonBytes + 1).fill(0x20);
    big[0] = 0x7b;
    expect(await openInputs([file('big.json', big)])).toEqual(
      refused('big.json', 'the file is larger than 32 MiB, more than any site the designer opens'),
    );
  });

  it('imports cloud-configs, listing what could not be carried over', async () => {
    const opened = await openInputs([oracle('01-init-minimal'), oracle('21-root-path')]);
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.site.nodes).toHaveLength(2);
    expect(opened.notes.join('\n')).toContain('providerConfig is not imported');
    // A .json file holding something other than empty/null is not taken for a site.json.
    const none = await openInputs([file('notes.json', '[1, 2]')]);
    expect(none).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^No site was made: none of the files is a Kairos cloud-config with a cluster section\./),
    });
  });

  it('notes what the opened files disagree on as one cluster, naming both files (token, host)', async () => {
    const config = (role: string, token: string, host: string) =>
      `#cloud-config\ncluster:\n  cluster_token: ${token}\n  control_plane_host: ${host}\n  role: ${role}\n  config: |\n    cluster-cidr: 10.42.0.0/16\n    service-cidr: 10.43.0.0/16\n`;
    const opened = await openInputs([
      file('init.yaml', config('init', 'Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '10.0.1.100')),
      file('worker.yaml', config('worker', 'Bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb', '10.0.1.101')),
    ]);
    if (!opened.ok) throw new Error(opened.message);
    const between = opened.betweenFiles ?? [];
    expect(between).toHaveLength(2);
    expect(between[0]).toMatchObject({ severity: 'error', where: 'worker.yaml:3', code: 'token-mismatch' });
    expect(between[0]!.message).toMatch(/^\S.*differs from the one at init\.yaml:3/);
    expect(between[0]!.message).not.toMatch(/^worker\.yaml:3/);
    // Each with lint's fix, which the designer shows after the message.
    expect(between[0]!.fix).toBe('copy the cluster_token of init.yaml');
    expect(between[1]).toMatchObject({ where: 'worker.yaml:4', code: 'control-plane-host-mismatch', fix: 'use 10.0.1.100' });
    expect(between[1]!.message).toMatch(/^sets control_plane_host to "10\.0\.1\.101", but init\.yaml:4/);
    // Files that agree get no such note.
    const agreeing = await openInputs([
      file('init.yaml', config('init', 'Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '10.0.1.100')),
      file('worker.yaml', config('worker', 'Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '10.0.1.100')),
    ]);
    expect(agreeing.ok && agreeing.betweenFiles).toEqual([]);
  });

  const node = (role: string, host: string, extra = '') =>
    `#cloud-config\n${extra}cluster:\n  cluster_token: Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n  control_plane_host: ${host}\n  role: ${role}\n`;

  it('says a load balancer or VIP must answer when the servers give their addresses and the host is none of them', async () => {
    const server = (role: string, ip: string) =>
      `#cloud-config\ncluster:\n  cluster_token: Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n  control_plane_host: 10.0.5.20\n  role: ${role}\n  config: |\n    node-ip: ${ip}\n    cluster-cidr: 10.42.0.0/16\n    service-cidr: 10.43.0.0/16\n`;
    const opened = await openInputs([file('s1.yaml', server('init', '10.0.5.21')), file('s2.yaml', server('controlplane', '10.0.5.22'))]);
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.notes[0]).toMatch(
      /^The files' servers give their addresses, and 10\.0\.5\.20 is none of them: a load balancer or a VIP of yours must answer there/,
    );
    expect(opened.betweenFiles!.map((n) => n.code)).toContain('load-balancer-required');
  });

  it('makes a site of files whose control_plane_host is a URL or host:port, taking its host, while the check shows the files as written', async () => {
    const opened = await openInputs([
      file('cp1.yaml', node('init', '10.0.5.21')),
      file('cp3.yaml', node('controlplane', '10.0.5.21:6443')),
      file('w1.yaml', node('worker', 'https://10.0.5.21')),
    ]);
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.site.nodes).toHaveLength(3);
    expect(opened.site.cluster.controlPlaneHost).toBe('10.0.5.21');
    expect(opened.notes.join('\n')).toContain(
      'cp3.yaml: control_plane_host 10.0.5.21:6443 carries a port (:6443); the site uses 10.0.5.21, the provider adds https:// and :9345 itself',
    );
    expect(opened.notes[0]).toMatch(/^The control-plane endpoint is the init node/);
    expect(opened.notes.join('\n')).toMatch(/w1\.yaml: control_plane_host https:\/\/10\.0\.5\.21 carries a scheme;/);
    // No "differs" note: the files mean the same host.
    expect(opened.notes.join('\n')).not.toMatch(/differs/);
    // The files as written: the joining nodes with the port and the scheme do not come up.
    expect(opened.fileChecks!.slice(1).map((c) => c.check.ok)).toEqual([false, false]);
    // Between the files they name one host: each file's own host-invalid says what to remove.
    expect(opened.betweenFiles!.some((n) => n.code === 'control-plane-host-mismatch')).toBe(false);
  });

  it('makes a site of files with a templated hostname, naming the node itself', async () => {
    const opened = await openInputs([
      file('cp1.yaml', node('init', '10.0.5.21', 'hostname: edge-{{ trunc 4 .MachineID }}\n')),
      file('w1.yaml', node('worker', '10.0.5.21')),
    ]);
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.site.nodes.map((n) => [n.name, n.hostname])).toEqual([
      ['node-1', ''],
      ['node-2', ''],
    ]);
    expect(opened.notes.join('\n')).toMatch(
      /hostname "edge-\{\{ trunc 4 \.MachineID \}\}" is not a host name the site can hold \(a Kairos template/,
    );
  });

  it('refuses a value that could add a line, naming it, and still gives the check and the notes between the files', async () => {
    const opened = await openInputs([
      file('cp1.yaml', node('init', '10.0.5.21')),
      file(
        'bad.yaml',
        '#cloud-config\ncluster:\n  cluster_token: "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\\nrole: init"\n  control_plane_host: 10.0.5.22\n  role: worker\n',
      ),
    ]);
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.message).toMatch(
      /^No site was made from these files: they carry a value that could add lines or run commands on a device/,
    );
    expect(opened.message).toMatch(/bad\.yaml.*cluster_token/);
    expect(opened.fileChecks).toHaveLength(2);
    expect(opened.cloudConfigs!.map((c) => c.siteNode)).toEqual([null, null]);
    expect(opened.betweenFiles!.map((n) => n.code)).toContain('control-plane-host-mismatch');
  });

  it('refuses cloud-configs that are too large, not UTF-8, or too many', async () => {
    expect(await openInputs([file('big.yaml', new Uint8Array(LIMITS.cloudConfigBytes + 1).fill(0x23))])).toEqual({
      ok: false,
      message: 'big.yaml is larger than 1 MiB, more than the designer reads in one cloud-config; it was not opened.',
    });
    expect(await openInputs([oracle('01-init-minimal'), file('bad.yaml', Uint8Array.from([0x23, 0x20, 0x80]))])).toEqual({
      ok: false,
      message: 'bad.yaml is not valid UTF-8 at byte 2; a cloud-config is UTF-8 text.',
    });
    const many = Array.from({ length: LIMITS.cloudConfigFiles + 1 }, (_, i) => file(`n${i}.yaml`, '#cloud-config\n'));
    expect(await openInputs(many)).toEqual({
      ok: false,
      message: 'Open at most 2,000 cloud-configs at once (one per node); 2,001 were given.',
    });
    // Each file within its own bound, five together over the set's.
    const heavy = Array.from({ length: 5 }, (_, i) => file(`h${i}.yaml`, new Uint8Array(LIMITS.cloudConfigBytes).fill(0x23)));
    expect(await openInputs(heavy)).toEqual({
      ok: false,
      message: 'The 5 cloud-configs are 5,242,880 bytes together, more than the 4 MiB the designer reads at once; none was opened.',
    });
    expect(await openInputs([])).toEqual({ ok: false, message: 'No file was given.' });
  });

  it('opens a file holding only a share link as that link, on its own', async () => {
    const fragment = await encodeShareFragment(haSite(), { includeSecrets: false });
    const opened = await openInputs([file('link.txt', `https://designer.example/${fragment}\n`)]);
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.site).toEqual(withoutSecrets(haSite()).site);
    expect(await openInputs([file('link.txt', fragment), oracle('01-init-minimal')])).toEqual({
      ok: false,
      message: 'Open one share link on its own.',
    });
  });

  it('never throws or rejects, whatever the files', async () => {
    const named = fc.constantFrom('site.json', 'a.zip', 'node.yaml', 'x');
    const content = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.string().map((s) => new TextEncoder().encode(s)),
      fc.jsonValue().map((v) => new TextEncoder().encode(JSON.stringify(v))),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ name: named, bytes: content }), { maxLength: 3 }), async (files) => {
        const result = await openInputs(files);
        expect(typeof result.ok).toBe('boolean');
      }),
      { ...propertySettings, numRuns: Math.min(propertySettings.numRuns, 200) },
    );
  });
});
