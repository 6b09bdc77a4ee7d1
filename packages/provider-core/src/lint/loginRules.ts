/**
 * Whether anyone can log in to the nodes (the README's checks and any repair need a shell there).
 * Codes: login-missing, no-login. The user is written to the cloud-config's `users:` only with a
 * name and a key or a password hash (renderCloudConfig.ts), as Kairos creates no login otherwise.
 */
import type { Site } from '../site/siteSchema.js';
import type { Finding } from './finding.js';

const USER_PATH = ['os', 'user'];

export function lintLogin(site: Site): Finding[] {
  const { user } = site.os;
  if (user.noLogin) {
    return [
      {
        severity: 'warning',
        code: 'no-login',
        message:
          site.airGap.imageSource === 'archives'
            ? "the nodes get no login (no login is chosen): nobody can copy the image archives onto them, so RKE2 never gets its images unless the OS image already holds them; nor can anyone run the README's checks; add an SSH key or a password hash"
            : "the nodes get no login (no login is chosen): nobody can log in to run the README's checks or to repair a node; add an SSH key or a password hash to allow it",
        path: [...USER_PATH, 'noLogin'],
      },
    ];
  }
  const hasKey = user.sshAuthorizedKeys.some((k) => k.trim() !== '');
  if (user.name !== '' && (hasKey || user.passwordHash !== '')) return [];
  const what = user.name === '' ? 'the user has no name' : 'the user has no SSH key and no password hash';
  return [
    {
      severity: 'error',
      code: 'login-missing',
      message: `${what}, so no user is created: nobody can log in to run the README's checks; add an SSH key (or github:USER) or a password hash, or choose no login`,
      path: [...USER_PATH, user.name === '' ? 'name' : 'sshAuthorizedKeys'],
    },
  ];
}
