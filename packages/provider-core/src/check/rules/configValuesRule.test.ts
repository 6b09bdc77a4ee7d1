import { describe, expect, it } from 'vitest';
import { ruleFailures } from '../../../test/bootCheckFixtures.js';
import { variant } from '../../../test/siteFixtures.js';

describe('config values rule (Go flag parsing of config.yaml)', () => {
  it('passes values the flags parse, and skips keys RKE2 does not know (it only warns)', () => {
    const site = variant((s) => (s.nodes[3]!.extraConfig = 'selinux: "true"\nkubelet-arg: [max-pods=200]\nno-such-key: 1\n'));
    expect(ruleFailures(site, 3, 'config-values')).toEqual([]);
  });

  it("fails with Go's flag message for a bool that is not one", () => {
    const site = variant((s) => (s.nodes[3]!.extraConfig = 'selinux: maybe\n'));
    expect(ruleFailures(site, 3, 'config-values')).toEqual([
      expect.objectContaining({ message: 'invalid boolean value "maybe" for -selinux: parse error', path: ['nodes', 3, 'extraConfig'] }),
    ]);
  });

  it("fails for a whole number that is not one, from the site's extra config", () => {
    const site = variant((s) => (s.extraConfig = 'etcd-snapshot-retention: lots\n'));
    expect(ruleFailures(site, 0, 'config-values')[0]).toMatchObject({
      message: 'invalid value "lots" for flag -etcd-snapshot-retention: parse error',
      path: ['extraConfig'],
    });
  });
});
