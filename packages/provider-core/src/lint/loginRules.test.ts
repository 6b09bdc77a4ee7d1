import { describe, expect, it } from 'vitest';
import { haSite } from '../../test/siteFixtures.js';
import { expandSite } from '../site/expandSite.js';
import type { Site } from '../site/siteSchema.js';
import { lintLogin } from './loginRules.js';

const withUser = (user: Partial<Site['os']['user']>) => {
  const site = haSite();
  Object.assign(site.os.user, user);
  return site;
};
const usersWritten = (site: Site) => expandSite(site).nodes[0]!.userData.includes('\nusers:\n');

describe('login rules', () => {
  it('pass with an SSH key, a github: key or a password hash, and the user is written', () => {
    for (const site of [
      withUser({}),
      withUser({ sshAuthorizedKeys: ['github:field-tech'] }),
      withUser({ sshAuthorizedKeys: [], passwordHash: '$6$salt$hash' }),
    ]) {
      expect(lintLogin(site)).toEqual([]);
      expect(usersWritten(site)).toBe(true);
    }
  });

  it('refuse a site where nobody can log in, and no user is written', () => {
    const site = withUser({ sshAuthorizedKeys: [] });
    expect(lintLogin(site)).toMatchObject([{ severity: 'error', code: 'login-missing', path: ['os', 'user', 'sshAuthorizedKeys'] }]);
    expect(lintLogin(site)[0]!.message).toContain("nobody can log in to run the README's checks");
    expect(usersWritten(site)).toBe(false);
    expect(lintLogin(withUser({ sshAuthorizedKeys: ['  '] })).map((f) => f.code)).toEqual(['login-missing']);
    expect(lintLogin(withUser({ name: '' }))).toMatchObject([{ code: 'login-missing', path: ['os', 'user', 'name'] }]);
  });

  it('warn when no login is chosen, and write no user even with a key', () => {
    const site = withUser({ noLogin: true });
    expect(lintLogin(site)).toMatchObject([{ severity: 'warning', code: 'no-login', path: ['os', 'user', 'noLogin'] }]);
    expect(usersWritten(site)).toBe(false);
  });

  it('says that no login leaves image archives with nobody to copy them', () => {
    const site = withUser({ noLogin: true });
    site.airGap.imageSource = 'archives';
    expect(lintLogin(site)[0]!.message).toMatch(
      /^the nodes get no login \(no login is chosen\): nobody can copy the image archives onto them/,
    );
  });
});
