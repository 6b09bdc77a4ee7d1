import { describe, expect, it } from 'vitest';
import { ruleFailures, ruleOnEditedDevice } from '../../../test/bootCheckFixtures.js';
import { variant } from '../../../test/siteFixtures.js';
import { KERNEL_DEFAULT_SYSCTLS } from '../deviceModel.js';
import { profileRule } from './profileRule.js';

const cis = () => variant((s) => (s.security.cisProfile = true));

describe('profile rule (rke2 profile_linux.go validateProfile)', () => {
  it('passes a CIS site: the designer sets the sysctls on every node and the etcd user on servers', () => {
    const site = cis();
    for (const i of site.nodes.keys()) {
      expect(ruleFailures(site, i, 'profile-sysctls')).toEqual([]);
      expect(ruleFailures(site, i, 'profile-etcd-user')).toEqual([]);
    }
  });

  it("fails with RKE2's message for each kernel parameter the device leaves at the kernel default", () => {
    const failures = ruleOnEditedDevice(cis(), 3, profileRule, (d) => {
      for (const [k, v] of KERNEL_DEFAULT_SYSCTLS) d.sysctls.set(k, v);
    });
    expect(failures.map((f) => f.message)).toEqual([
      'invalid kernel parameter value vm.overcommit_memory=0 - expected 1',
      'invalid kernel parameter value kernel.panic=0 - expected 10',
      'invalid kernel parameter value kernel.panic_on_oops=0 - expected 1',
    ]);
    expect(failures[0]).toMatchObject({
      rule: 'profile-sysctls',
      path: ['security', 'cisProfile'],
      source: expect.stringContaining('profile_linux.go'),
    });
  });

  it('fails on a server without the etcd user and group, and not on a worker', () => {
    const noEtcd = (d: { users: Set<string>; groups: Set<string> }) => {
      d.users.delete('etcd');
      d.groups.delete('etcd');
    };
    expect(ruleOnEditedDevice(cis(), 0, profileRule, noEtcd).map((f) => f.message)).toEqual([
      'missing required: user: unknown user etcd',
      'missing required: group: unknown group etcd',
    ]);
    expect(ruleOnEditedDevice(cis(), 3, profileRule, noEtcd)).toEqual([]);
  });

  it('refuses protect-kernel-defaults: false with cis, naming the extra config that sets it', () => {
    const site = variant((s) => {
      s.security.cisProfile = true;
      s.nodes[1]!.extraConfig = 'protect-kernel-defaults: false\n';
    });
    expect(ruleFailures(site, 1, 'protect-kernel-defaults')).toEqual([
      expect.objectContaining({
        message: '--protect-kernel-defaults must be true when using --profile=cis',
        path: ['nodes', 1, 'extraConfig'],
      }),
    ]);
    expect(ruleFailures(cis(), 1, 'protect-kernel-defaults')).toEqual([]);
  });

  it('refuses a profile name RKE2 does not know', () => {
    const site = variant((s) => (s.extraConfig = 'profile: cis-1.23\n'));
    expect(ruleFailures(site, 0, 'profile-value').map((f) => f.message)).toEqual(['invalid value provided for --profile flag']);
  });
});
