import { stepArgs } from '../../test/siteFixtures.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { variant } from '../../test/siteFixtures.js';
import {
  CIS_SYSCTLS,
  CIS_SYSCTL_CONF_PATH,
  cisSteps,
  ETCD_USER,
  PROTECT_KERNEL_DEFAULTS_SYSCTLS,
  profileNeedsEtcdUser,
  profileNeedsKernelParameters,
} from './cisSteps.js';
import { expandSite } from './expandSite.js';
import type { Site } from './siteSchema.js';

const cisSite = () => variant((s) => (s.security.cisProfile = true));
const stepsOf = (site: Site, index: number) => cisSteps(...stepArgs(site, index));
/** The designer's initramfs steps of a node, as Kairos reads them back from its user-data. */
const initramfsSteps = (site: Site, index: number): Record<string, unknown>[] =>
  (parse(expandSite(site).nodes[index]!.userData) as { stages?: { initramfs?: Record<string, unknown>[] } }).stages?.initramfs ?? [];

describe('cisSteps', () => {
  it('writes nothing without a profile', () => {
    expect(
      stepsOf(
        variant(() => {}),
        0,
      ),
    ).toEqual([]);
    expect(
      initramfsSteps(
        variant(() => {}),
        0,
      ).some((s) => 'sysctl' in s || 'users' in s),
    ).toBe(false);
  });

  it("sets RKE2's four kernel parameters, and the kubelet's, on every node of a CIS site", () => {
    expect(Object.keys(CIS_SYSCTLS).sort()).toEqual(['kernel.panic', 'kernel.panic_on_oops', 'vm.overcommit_memory', 'vm.panic_on_oom']);
    for (const index of [0, 1, 3]) {
      const sysctlStep = initramfsSteps(cisSite(), index).find((s) => 'sysctl' in s)!;
      expect(sysctlStep['sysctl']).toEqual(PROTECT_KERNEL_DEFAULTS_SYSCTLS);
      expect(sysctlStep['sysctl']).toMatchObject(CIS_SYSCTLS);
      const file = (sysctlStep['files'] as Record<string, unknown>[])[0]!;
      expect(file['path']).toBe(CIS_SYSCTL_CONF_PATH);
      expect(file['content']).toContain('vm.overcommit_memory=1\nvm.panic_on_oom=0\nkernel.panic=10\nkernel.panic_on_oops=1\n');
      expect(file['permissions']).toBe(0o644);
    }
  });

  it('creates the etcd user (and, through yip, its group) on servers only', () => {
    const server = initramfsSteps(cisSite(), 1).find((s) => 'users' in s)!;
    expect(server['users']).toEqual({
      [ETCD_USER]: {
        gecos: 'etcd user',
        homedir: '/var/lib/rancher/rke2/server/db/etcd',
        no_create_home: true,
        shell: '/sbin/nologin',
        lock_passwd: true,
      },
    });
    expect(initramfsSteps(cisSite(), 3).some((s) => 'users' in s)).toBe(false);
  });

  it('follows the profile in extra config: etcd needs the user on servers, not the kernel parameters', () => {
    const site = variant((s) => (s.extraConfig = 'profile: etcd\n'));
    expect(stepsOf(site, 0).map((s) => [...s.keys()])).toEqual([['name', 'users']]);
    expect(stepsOf(site, 3)).toEqual([]);
  });

  it('knows which profiles RKE2 checks for what (profile_linux.go validateProfile)', () => {
    expect(['cis', 'cis-1.23', 'cis-1.6'].every(profileNeedsKernelParameters)).toBe(true);
    expect(profileNeedsKernelParameters('etcd')).toBe(false);
    expect(['cis', 'etcd'].every(profileNeedsEtcdUser)).toBe(true);
    expect(profileNeedsEtcdUser('')).toBe(false);
  });
});
