import { describe, expect, it } from 'vitest';
import { variant } from '../../test/siteFixtures.js';
import { bundleFiles } from './buildBundle.js';
import { expandSite } from '../site/expandSite.js';
import { checkSite } from '../check/checkSite.js';

describe('README.txt', () => {
  it('lists what the device needs, the same list rke2-edge check prints', () => {
    const site = variant((s) => Object.assign(s.security, { fips: true, selinux: true }));
    const expanded = expandSite(site);
    const readme = bundleFiles(expanded).find((f) => f.path === 'plant-7/worker-1/README.txt')!.content as string;
    const needs = checkSite(site, expanded).nodes[3]!.needs;
    expect(readme).toContain(`What this device needs\n${needs.map((n) => `  - ${n}\n`).join('')}`);
    expect(needs).toEqual(
      expect.arrayContaining([
        'Kairos image with RKE2 v1.36 (RKE2 is baked into the image; the provider starts that version)',
        expect.stringContaining('FIPS-capable Kairos image'),
        expect.stringContaining('rke2-selinux policy'),
        'At least 2 CPU and 4 GB RAM (8 GB and 4 CPU recommended)',
      ]),
    );
  });

  it('says the checks need a login the image has when the site chose no login, and only then', () => {
    const readmeOf = (noLogin: boolean) => {
      const site = variant((s) => (s.os.user.noLogin = noLogin));
      return bundleFiles(expandSite(site)).find((f) => f.path === 'plant-7/worker-1/README.txt')!.content as string;
    };
    expect(readmeOf(true)).toContain('This site creates no login on its nodes');
    expect(readmeOf(false)).not.toContain('no login');
  });
});
