import { describe, expect, it } from 'vitest';
import { ruleFailures } from '../../../test/bootCheckFixtures.js';
import { haSite, variant } from '../../../test/siteFixtures.js';

describe('data-dir rule (k3s datadir.LocalHome)', () => {
  it('passes the default and an absolute data-dir', () => {
    expect(ruleFailures(haSite(), 0, 'data-dir')).toEqual([]);
    expect(
      ruleFailures(
        variant((s) => (s.extraConfig = 'data-dir: /data/rke2\n')),
        0,
        'data-dir',
      ),
    ).toEqual([]);
  });

  it('fails a relative data-dir, saying where RKE2 would put its state', () => {
    const site = variant((s) => (s.nodes[2]!.extraConfig = 'data-dir: rke2-data\n'));
    expect(ruleFailures(site, 2, 'data-dir')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('giving /rke2-data'), path: ['nodes', 2, 'extraConfig'] }),
    ]);
  });
});
