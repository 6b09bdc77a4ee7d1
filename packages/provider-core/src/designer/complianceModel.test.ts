import { describe, expect, it } from 'vitest';
import { variant } from '../../test/siteFixtures.js';
import { FIPS_IMAGE_NEED, SELINUX_IMAGE_NEED } from '../check/deviceNeeds.js';
import { lintSite } from '../lint/lintSite.js';
import { MERGED_CONFIG_PATH } from '../provider/constants.js';
import { CIS_SYSCTL_CONF_PATH } from '../site/cisSteps.js';
import { expandNode } from '../site/expandSite.js';
import { POD_SECURITY_CONFIG_PATH } from '../site/podSecurityConfig.js';
import { siteContext } from '../site/rke2ConfigFor.js';
import type { Site } from '../site/siteSchema.js';
import type { ArtifactLine } from './artifactLines.js';
import type { ComplianceControlId } from './complianceFacts.js';
import { complianceEvidence, nodeCompliance, type ComplianceControl } from './complianceModel.js';
import { nodeArtifacts } from './nodeArtifacts.js';

const SERVER = 0;
const WORKER = 3;

function control(site: Site, index: number, id: ComplianceControlId): ComplianceControl {
  return nodeCompliance(site, index, lintSite(site))!.controls.find((c) => c.id === id)!;
}

/** Every line names a file of the node and is, word for word, that file's line. */
function expectRealLines(site: Site, index: number, lines: readonly ArtifactLine[]) {
  const artifacts = nodeArtifacts(expandNode(siteContext(site), index)).artifacts;
  for (const line of lines) {
    const artifact = artifacts.find((a) => a.id === line.file);
    expect(artifact?.path, `${line.file} is a file of node ${index}`).toBe(line.path);
    expect(artifact!.text.split('\n')[line.line - 1]).toBe(line.text);
  }
}

const where = (lines: readonly ArtifactLine[]) => lines.map((l) => `${l.file}:${l.text.trim()}`);

describe('nodeCompliance', () => {
  it('lists the five controls, off by default except secrets encryption', () => {
    const site = variant(() => undefined);
    const controls = nodeCompliance(site, SERVER)!.controls;
    expect(controls.map((c) => [c.id, c.on, c.state])).toEqual([
      ['cis', false, 'off'],
      ['fips', false, 'off'],
      ['selinux', false, 'off'],
      ['pod-security', false, 'privileged'],
      ['secrets-encryption', true, 'aescbc'],
    ]);
    for (const c of controls) {
      expect(c.enforces.length).toBeGreaterThan(0);
      expect(c.sources.every((s) => s.url.startsWith('https://'))).toBe(true);
    }
    expect(nodeCompliance(site, 99)).toBeNull();
  });

  it('CIS on a server: the profile key, the kernel parameters stage and file, the etcd user', () => {
    const site = variant((s) => (s.security.cisProfile = true));
    const cis = control(site, SERVER, 'cis');
    expect(cis).toMatchObject({ on: true, state: 'profile: cis', turningOn: null });
    expectRealLines(site, SERVER, cis.lines);
    expect(where(cis.lines)).toEqual([
      'user-data:profile: cis',
      'user-data:vm.overcommit_memory: "1"',
      'user-data:vm.panic_on_oom: "0"',
      'user-data:kernel.panic: "10"',
      'user-data:kernel.panic_on_oops: "1"',
      'user-data:kernel.keys.root_maxkeys: "1000000"',
      'user-data:kernel.keys.root_maxbytes: "25000000"',
      `user-data:- path: ${CIS_SYSCTL_CONF_PATH}`,
      'user-data:etcd:',
      `${CIS_SYSCTL_CONF_PATH}:vm.overcommit_memory=1`,
      `${CIS_SYSCTL_CONF_PATH}:vm.panic_on_oom=0`,
      `${CIS_SYSCTL_CONF_PATH}:kernel.panic=10`,
      `${CIS_SYSCTL_CONF_PATH}:kernel.panic_on_oops=1`,
      `${CIS_SYSCTL_CONF_PATH}:kernel.keys.root_maxkeys=1000000`,
      `${CIS_SYSCTL_CONF_PATH}:kernel.keys.root_maxbytes=25000000`,
      `${MERGED_CONFIG_PATH}:"profile": "cis",`,
    ]);
    // With CIS, RKE2's own admission config is in force: the profile line is Pod Security's evidence.
    const psa = control(site, SERVER, 'pod-security');
    expect(psa).toMatchObject({ on: true, state: 'restricted' });
    expect(where(psa.lines)).toEqual(['user-data:profile: cis', `${MERGED_CONFIG_PATH}:"profile": "cis",`]);
  });

  it('CIS on a worker: the same kernel parameters, no etcd user', () => {
    const site = variant((s) => (s.security.cisProfile = true));
    const cis = control(site, WORKER, 'cis');
    expectRealLines(site, WORKER, cis.lines);
    expect(where(cis.lines)).toContain('user-data:profile: cis');
    expect(where(cis.lines)).toContain(`${CIS_SYSCTL_CONF_PATH}:kernel.panic=10`);
    expect(where(cis.lines)).not.toContain('user-data:etcd:');
  });

  it('CIS off: no lines, and the lines turning it on would add to this very node', () => {
    const site = variant(() => undefined);
    const cis = control(site, SERVER, 'cis');
    expect(cis.lines).toEqual([]);
    const on = variant((s) => (s.security.cisProfile = true));
    expect(cis.turningOn?.lines).toEqual(control(on, SERVER, 'cis').lines);
    expectRealLines(on, SERVER, cis.turningOn!.lines);
    expect(cis.turningOn?.change).toMatch(/profile: cis/);
  });

  it('FIPS: the kernel command line of the install, the FIPS image the device needs, and the cipher finding', () => {
    const off = control(
      variant(() => undefined),
      WORKER,
      'fips',
    );
    expect(off).toMatchObject({ on: false, lines: [], deviceNeeds: [] });
    expect(off.turningOn?.deviceNeeds).toEqual([FIPS_IMAGE_NEED]);
    expect(where(off.turningOn!.lines)).toEqual(['user-data:extra_cmdline: fips=1']);

    for (const index of [SERVER, WORKER]) {
      const site = variant((s) => (s.security.fips = true));
      const fips = control(site, index, 'fips');
      expect(fips).toMatchObject({ on: true, state: 'fips=1', deviceNeeds: [FIPS_IMAGE_NEED], findings: [] });
      expectRealLines(site, index, fips.lines);
      expect(where(fips.lines)).toEqual(['user-data:extra_cmdline: fips=1']);
    }
    const secretbox = variant((s) => Object.assign(s.security, { fips: true, secretsEncryptionProvider: 'secretbox' }));
    expect(control(secretbox, SERVER, 'fips').findings.map((f) => f.code)).toEqual(['fips-incompatible']);
    expect(control(secretbox, SERVER, 'secrets-encryption').findings.map((f) => f.code)).toEqual(['fips-incompatible']);
  });

  it('SELinux: `selinux: true` in the config on every role, and the SELinux image', () => {
    for (const index of [SERVER, WORKER]) {
      const site = variant((s) => (s.security.selinux = true));
      const selinux = control(site, index, 'selinux');
      expect(selinux).toMatchObject({ on: true, deviceNeeds: [SELINUX_IMAGE_NEED] });
      expectRealLines(site, index, selinux.lines);
      expect(where(selinux.lines)).toEqual(['user-data:selinux: true', `${MERGED_CONFIG_PATH}:"selinux": true,`]);
    }
    expect(
      control(
        variant(() => undefined),
        WORKER,
        'selinux',
      ),
    ).toMatchObject({ on: false, lines: [] });
  });

  it('SELinux turned on by a node extra config counts: the lines are what the node really gets', () => {
    const site = variant((s) => (s.nodes[WORKER]!.extraConfig = 'selinux: true\n'));
    const selinux = control(site, WORKER, 'selinux');
    expect(selinux.on).toBe(true);
    expectRealLines(site, WORKER, selinux.lines);
    expect(selinux.lines.map((l) => l.file)).toEqual(['user-data', MERGED_CONFIG_PATH]);
  });

  it("Pod Security above privileged: the admission file's levels and exemptions, the key pointing at it; none on workers", () => {
    const site = variant((s) =>
      Object.assign(s.security, { podSecurity: 'baseline', podSecurityExemptNamespaces: ['kube-system', 'longhorn'] }),
    );
    const psa = control(site, SERVER, 'pod-security');
    expect(psa).toMatchObject({ on: true, state: 'baseline', note: null });
    expectRealLines(site, SERVER, psa.lines);
    expect(where(psa.lines)).toEqual([
      `user-data:pod-security-admission-config-file: ${POD_SECURITY_CONFIG_PATH}`,
      `user-data:- path: ${POD_SECURITY_CONFIG_PATH}`,
      `${POD_SECURITY_CONFIG_PATH}:enforce: baseline`,
      `${POD_SECURITY_CONFIG_PATH}:audit: baseline`,
      `${POD_SECURITY_CONFIG_PATH}:warn: baseline`,
      `${POD_SECURITY_CONFIG_PATH}:namespaces:`,
      `${POD_SECURITY_CONFIG_PATH}:- kube-system`,
      `${POD_SECURITY_CONFIG_PATH}:- longhorn`,
      `${MERGED_CONFIG_PATH}:"pod-security-admission-config-file": "${POD_SECURITY_CONFIG_PATH}",`,
    ]);
    expect(psa.enforces.join(' ')).toContain('Exempt namespaces: kube-system, longhorn.');
    const worker = control(site, WORKER, 'pod-security');
    expect(worker).toMatchObject({ on: true, lines: [] });
    expect(worker.note).toMatch(/API servers/);
  });

  it('Pod Security privileged: off, and turning it on shows the restricted admission file', () => {
    const psa = control(
      variant(() => undefined),
      SERVER,
      'pod-security',
    );
    expect(psa.on).toBe(false);
    expect(where(psa.turningOn!.lines)).toContain(`${POD_SECURITY_CONFIG_PATH}:enforce: restricted`);
  });

  it('secrets encryption: the provider key on servers, a note on workers', () => {
    const site = variant((s) => (s.security.secretsEncryptionProvider = 'secretbox'));
    const server = control(site, SERVER, 'secrets-encryption');
    expect(server).toMatchObject({ on: true, state: 'secretbox', note: null, turningOn: null });
    expectRealLines(site, SERVER, server.lines);
    expect(where(server.lines)).toEqual([
      'user-data:secrets-encryption-provider: secretbox',
      `${MERGED_CONFIG_PATH}:"secrets-encryption-provider": "secretbox",`,
    ]);
    expect(server.enforces.join(' ')).toContain('/var/lib/rancher/rke2/server/cred/encryption-config.json');
    const worker = control(site, WORKER, 'secrets-encryption');
    expect(worker).toMatchObject({ on: true, lines: [] });
    expect(worker.note).toMatch(/worker stores none/);
  });

  it('a Pod Security admission file set in extra config wins: no level claimed, no designer lines, only the key', () => {
    const CUSTOM = '/etc/other.yaml';
    const viaSite = variant((s) => {
      s.security.podSecurity = 'restricted';
      s.extraConfig = `pod-security-admission-config-file: ${CUSTOM}\n`;
    });
    const viaNode = variant((s) => {
      s.security.podSecurity = 'restricted';
      s.nodes[SERVER]!.extraConfig = `pod-security-admission-config-file: ${CUSTOM}\n`;
    });
    for (const site of [viaSite, viaNode]) {
      const psa = control(site, SERVER, 'pod-security');
      expect(psa).toMatchObject({
        on: true,
        state: `custom admission config at ${CUSTOM}; its level cannot be read from the design`,
        note: null,
        turningOn: null,
      });
      expectRealLines(site, SERVER, psa.lines);
      expect(where(psa.lines)).toEqual([
        `user-data:pod-security-admission-config-file: ${CUSTOM}`,
        `${MERGED_CONFIG_PATH}:"pod-security-admission-config-file": "${CUSTOM}",`,
      ]);
      expect(psa.enforces.join(' ')).toContain('The admission config the designer writes for the chosen level is not used.');
      expect(psa.enforces.join(' ')).not.toContain('restricted');
    }
    // A worker is judged by the servers' config (the site's extra config reaches servers only).
    const worker = control(viaSite, WORKER, 'pod-security');
    expect(worker).toMatchObject({ on: true, state: expect.stringContaining(CUSTOM), lines: [] });
    expect(worker.note).toMatch(/API servers/);
    // Under the CIS profile too: a file RKE2 is given replaces its own restricted one.
    const cis = control(
      variant((s) =>
        Object.assign(s, { security: { ...s.security, cisProfile: true }, extraConfig: `pod-security-admission-config-file: ${CUSTOM}\n` }),
      ),
      SERVER,
      'pod-security',
    );
    expect(cis.state).toContain(CUSTOM);
  });

  it('profile, selinux and the secrets cipher are read from the merged config, with RKE2’s reading of a flag', () => {
    const site = variant((s) => (s.extraConfig = 'profile: cis\nselinux: "true"\nsecrets-encryption-provider: secretbox\n'));
    const cis = control(site, SERVER, 'cis');
    expect(cis).toMatchObject({ on: true, state: 'profile: cis' });
    expect(control(site, SERVER, 'pod-security')).toMatchObject({ on: true, state: 'restricted' });
    const selinux = control(site, SERVER, 'selinux');
    expect(selinux).toMatchObject({ on: true, state: 'selinux: "true"', deviceNeeds: [SELINUX_IMAGE_NEED] });
    expectRealLines(site, SERVER, selinux.lines);
    expect(where(selinux.lines)).toEqual(['user-data:selinux: "true"', `${MERGED_CONFIG_PATH}:"selinux": "true",`]);
    expect(control(site, SERVER, 'secrets-encryption').state).toBe('secretbox');
    // A value urfave/cli's bool flag refuses stays off.
    expect(
      control(
        variant((s) => (s.extraConfig = 'selinux: "yes"\n')),
        SERVER,
        'selinux',
      ).on,
    ).toBe(false);
    expect(
      control(
        variant((s) => (s.nodes[WORKER]!.extraConfig = 'selinux: 1\n')),
        WORKER,
        'selinux',
      ),
    ).toMatchObject({
      on: true,
      state: 'selinux: 1',
    });
  });

  it('keeps only findings about this node or the site', () => {
    const site = variant((s) => Object.assign(s.security, { fips: true, secretsEncryptionProvider: 'secretbox' }));
    const findings = lintSite(site);
    const elsewhere = { ...findings[0]!, code: 'fips-incompatible' as const, path: ['nodes', 4, 'extraConfig'] };
    const fips = nodeCompliance(site, SERVER, [...findings, elsewhere])!.controls.find((c) => c.id === 'fips')!;
    expect(fips.findings.every((f) => f.path[0] !== 'nodes')).toBe(true);
  });
});

describe('complianceEvidence', () => {
  it('has one node per role, in install order', () => {
    const evidence = complianceEvidence(variant((s) => (s.security.cisProfile = true)));
    expect(evidence).toMatchObject({ siteName: 'plant-7', rke2Version: 'v1.36' });
    expect(evidence.roles.map((r) => [r.role, r.name])).toEqual([
      ['init', 'cp-1'],
      ['controlplane', 'cp-2'],
      ['worker', 'worker-1'],
    ]);
  });
});
