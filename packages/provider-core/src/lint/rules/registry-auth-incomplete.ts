/**
 * `registry-auth-incomplete`: a registry login with a user name but no password, or a password but
 * no user name.
 *
 * RKE2 copies registries.yaml's `configs."<host>".auth` (username, password) into containerd's
 * registry configuration (k3s-io/k3s `pkg/agent/templates`, the `registry.configs."<host>".auth`
 * table; https://docs.rke2.io/install/private_registry). containerd's CRI then builds the pull
 * credentials with `ParseAuth` (containerd `internal/cri/server/images/image_pull.go`): with a user
 * name it sends that name and the password as they are, an empty password included, so the
 * registry refuses the pull; without one it ignores the password and pulls anonymously.
 */
import type { RuleFinding } from '../findingFields.js';
import type { SiteRuleContext } from './defineRule.js';
import { defineRule } from './defineRule.js';

function incompleteLogins({ site }: SiteRuleContext): RuleFinding[] {
  return site.airGap.registryConfigs.flatMap((config, i): RuleFinding[] => {
    const registry = config.host || `${i + 1}`;
    const path = ['airGap', 'registryConfigs', i];
    if (config.username !== '' && config.password === '')
      return [
        {
          severity: 'error',
          code: 'registry-auth-incomplete',
          message: `Registry ${registry} has a user name but no password: containerd logs in with an empty password and the registry refuses every pull`,
          path: [...path, 'password'],
          fix: { description: 'enter the password (a share link leaves it out), or clear the user name for anonymous pulls' },
        },
      ];
    if (config.username === '' && config.password !== '')
      return [
        {
          severity: 'error',
          code: 'registry-auth-incomplete',
          message: `Registry ${registry} has a password but no user name: containerd ignores a password without a user name and pulls anonymously`,
          path: [...path, 'username'],
          fix: { description: 'enter the user name the password belongs to' },
        },
      ];
    return [];
  });
}

export const registryAuthIncomplete = defineRule({
  code: 'registry-auth-incomplete',
  severity: { site: 'error' },
  title: 'a registry login with a user name but no password, or a password but no user name',
  docs: "A registry's user name without a password (as a share link leaves it) or a password without a user name: containerd's CRI (`ParseAuth`) sends an empty password, which the registry refuses, or ignores a password without a name and pulls anonymously (k3s-io/k3s pkg/agent/templates, containerd internal/cri/server/images/image_pull.go).",
  check: {
    site: incompleteLogins,
  },
});
