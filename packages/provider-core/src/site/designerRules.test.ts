import { describe, expect, it } from 'vitest';
import type { GoObject, GoValue } from '../yaml/goJson.js';
import { variant } from '../../test/siteFixtures.js';
import { rke2ConfigFor, siteContext } from './rke2ConfigFor.js';
import type { Site } from './siteSchema.js';
import {
  appliesToRole,
  cisProfileFor,
  clusterDnsFor,
  kubeconfigModeText,
  parseRke2Version,
  profileProblem,
  providerControlPlaneHost,
  withRequiredCidrs,
  withoutProviderKeys,
} from './designerRules.js';

const network = { clusterCidr: '10.42.0.0/16', serviceCidr: '10.43.0.0/16' };
const v = (text: string) => parseRke2Version(text)!;

describe('designer rules', () => {
  it('withoutProviderKeys drops token and server under every name RKE2 accepts', () => {
    const config: GoObject = new Map<string, GoValue>([
      ['token', 'a'],
      ['t', 'b'],
      ['server', 'c'],
      ['s', 'd'],
      ['agent-token', 'e'],
      ['node-label', ['x=y']],
    ]);
    const out = withoutProviderKeys(config);
    expect(out.removed).toEqual(['token', 't', 'server', 's']);
    expect([...out.config.keys()]).toEqual(['agent-token', 'node-label']);
  });

  it('withRequiredCidrs puts back missing, null or non-string CIDRs and keeps valid ones', () => {
    const missing = withRequiredCidrs(new Map([['debug', true]]), network);
    expect(missing.restored).toEqual(['cluster-cidr', 'service-cidr']);
    expect([...missing.config]).toEqual([
      ['cluster-cidr', '10.42.0.0/16'],
      ['service-cidr', '10.43.0.0/16'],
      ['debug', true],
    ]);
    const odd = withRequiredCidrs(
      new Map([
        ['cluster-cidr', null],
        ['service-cidr', ['10.9.0.0/16']],
      ]),
      network,
    );
    expect(odd.restored).toEqual(['cluster-cidr', 'service-cidr']);
    const kept = withRequiredCidrs(
      new Map([
        ['cluster-cidr', '10.50.0.0/16'],
        ['service-cidr', '10.51.0.0/16'],
      ]),
      network,
    );
    expect(kept.restored).toEqual([]);
    expect(kept.config.get('cluster-cidr')).toBe('10.50.0.0/16');
  });

  it('kubeconfigModeText keeps the mode as four octal digits of text', () => {
    expect(kubeconfigModeText('644')).toBe('0644');
    expect(kubeconfigModeText('0640')).toBe('0640');
    expect(kubeconfigModeText(' 600 ')).toBe('0600');
  });

  it('cisProfileFor follows RKE2 history: cis-1.6, cis-1.23, then generic cis', () => {
    expect(cisProfileFor(v('v1.24.17'))).toBe('cis-1.6');
    expect(cisProfileFor(v('v1.25.14'))).toBe('cis-1.23');
    expect(cisProfileFor(v('v1.25.15'))).toBe('cis');
    expect(cisProfileFor(v('v1.26.9'))).toBe('cis-1.23');
    expect(cisProfileFor(v('v1.26.10+rke2r1'))).toBe('cis');
    expect(cisProfileFor(v('v1.27.7'))).toBe('cis');
    expect(cisProfileFor(v('v1.28.2'))).toBe('cis-1.23');
    expect(cisProfileFor(v('v1.28.3'))).toBe('cis');
    for (const minor of ['v1.33', 'v1.34', 'v1.35', 'v1.36']) expect(cisProfileFor(v(minor))).toBe('cis');
  });

  it('profileProblem rejects cis-1.23 from v1.30 and etcd before it existed', () => {
    expect(profileProblem('cis-1.23', v('v1.30.0'))).toMatch(/refuses to start/);
    expect(profileProblem('cis-1.23', v('v1.28.5'))).toBeNull();
    expect(profileProblem('cis', v('v1.36'))).toBeNull();
    expect(profileProblem('etcd', v('v1.33.1'))).toMatch(/needs RKE2/);
    expect(profileProblem('etcd', v('v1.33.2'))).toBeNull();
    expect(profileProblem('hardened', v('v1.36'))).toMatch(/unknown/);
  });

  it('providerControlPlaneHost brackets a bare IPv6 address and keeps it for tls-san', () => {
    expect(providerControlPlaneHost('fd00:10::100')).toEqual({ host: '[fd00:10::100]', extraTlsSan: 'fd00:10::100' });
    expect(providerControlPlaneHost('[fd00::1]')).toEqual({ host: '[fd00::1]', extraTlsSan: null });
    expect(providerControlPlaneHost('k8s.example')).toEqual({ host: 'k8s.example', extraTlsSan: null });
  });

  it('appliesToRole keeps server-only keys off workers, except the CIDRs the provider needs', () => {
    expect(appliesToRole('cni', 'agent')).toBe(false);
    expect(appliesToRole('cluster-cidr', 'agent')).toBe(true);
    expect(appliesToRole('node-label', 'agent')).toBe(true);
    expect(appliesToRole('my-own-key', 'agent')).toBe(true);
    expect(appliesToRole('cni', 'server')).toBe(true);
  });

  it('clusterDnsFor gives the tenth address of the service network, as RKE2 does', () => {
    expect(clusterDnsFor('10.43.0.0/16')).toBe('10.43.0.10');
    expect(clusterDnsFor('172.20.0.0/20,fd00:43::/112')).toBe('172.20.0.10');
    expect(clusterDnsFor('nonsense')).toBeNull();
  });
});

describe('rke2ConfigFor: settings every role needs', () => {
  const configOf = (site: Site, index: number) => rke2ConfigFor(siteContext(site), site.nodes[index]!).config;

  it('writes the CIS profile on servers and workers alike (RKE2 checks it on agents too)', () => {
    const site = variant((s) => (s.security.cisProfile = true));
    expect([0, 1, 3, 4].map((i) => configOf(site, i).get('profile'))).toEqual(['cis', 'cis', 'cis', 'cis']);
    expect(
      configOf(
        variant(() => {}),
        3,
      ).has('profile'),
    ).toBe(false);
  });

  it('writes system-default-registry on workers too, so they pull system images from it', () => {
    const site = variant((s) => (s.airGap.systemDefaultRegistry = 'registry.local:5000'));
    expect([0, 3].map((i) => configOf(site, i).get('system-default-registry'))).toEqual(['registry.local:5000', 'registry.local:5000']);
    expect(
      configOf(
        variant(() => {}),
        3,
      ).has('system-default-registry'),
    ).toBe(false);
  });

  it('keeps server-only settings off workers', () => {
    const site = variant((s) => (s.security.cisProfile = true));
    expect(configOf(site, 3).has('tls-san')).toBe(false);
    expect(configOf(site, 3).has('cni')).toBe(false);
  });
});
