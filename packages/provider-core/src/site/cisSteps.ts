/**
 * What a device must bring before RKE2 starts with a hardening profile, written as yip data in the
 * designer's `initramfs` stage (so it is in place on every boot, before the provider starts RKE2).
 *
 * rancher/rke2 `pkg/cli/cmds/profile_linux.go`, `validateProfile`:
 * - profile `cis` (`cis-1.x` on older releases): `validateKernelReqs` reads four sysctls from
 *   /proc/sys and stops RKE2 (`logrus.Fatal`) unless each has the value of `kernelRuntimeParameters`;
 *   then `setCISFlags` sets `protect-kernel-defaults`, so the kubelet checks its own list as well
 *   (kubernetes `pkg/kubelet/cm/container_manager_linux.go`, `setupKernelTunables`);
 * - profiles `cis` and `etcd`: `validateETCDReqs` needs, on servers only, a user and a group named
 *   `etcd` (`user.Lookup`, `user.LookupGroup`); the etcd static pod then runs as that user
 *   (`pkg/executor/staticpod/staticpod.go`, which chowns the etcd data dir to it on every start).
 *
 * yip keys (mudler/yip `pkg/schema/schema.go`, `Stage`): `sysctl` (map[string]string, written to
 * /proc/sys by `pkg/plugins/sysctl.go`), `users` (map of `User`; `pkg/plugins/user.go` `createUser`
 * also creates the user's own group, named after it, unless a primary group is given) and `files`.
 */
import type { GoObject } from '../yaml/goJson.js';
import { nodeDataDir } from './nodeDataDir.js';
import type { SiteContext } from './rke2ConfigFor.js';
import { isServerRole, type SiteNode } from './siteSchema.js';
import { goObject, yipFile } from './yipStep.js';

/** rke2 `kernelRuntimeParameters` (profile_linux.go): what `validateKernelReqs` requires. */
export const CIS_SYSCTLS: Readonly<Record<string, string>> = {
  'vm.overcommit_memory': '1',
  'vm.panic_on_oom': '0',
  'kernel.panic': '10',
  'kernel.panic_on_oops': '1',
};

/**
 * The kubelet's `setupKernelTunables` list with protect-kernel-defaults on (RKE2's CIS profile turns
 * it on): RKE2's four, plus the key quotas at their kernel defaults (`RootMaxKeysSetting`,
 * `RootMaxBytesSetting` in k8s.io/component-helpers `sysctl`), written so an image that lowered
 * them still passes.
 */
export const PROTECT_KERNEL_DEFAULTS_SYSCTLS: Readonly<Record<string, string>> = {
  ...CIS_SYSCTLS,
  'kernel.keys.root_maxkeys': '1000000',
  'kernel.keys.root_maxbytes': '25000000',
};

/** The user and group `validateETCDReqs` looks up. */
export const ETCD_USER = 'etcd';
export const ETCD_GROUP = 'etcd';
/** Where RKE2 keeps etcd's data (`<data-dir>/server/db/etcd`); used as the user's home so its uid stays the same across boots. */
const etcdDataDir = (config: GoObject): string => `${nodeDataDir(config)}/server/db/etcd`;
/** The same values as a sysctl.d file, as RKE2 ships them (`bundle/share/rke2/rke2-cis-sysctl.conf`), so systemd-sysctl keeps them set. */
export const CIS_SYSCTL_CONF_PATH = '/etc/sysctl.d/90-rke2-cis.conf';

/** Profiles for which RKE2 checks the kernel parameters: `cis`, and the older `cis-1.x` names. */
export function profileNeedsKernelParameters(profile: string): boolean {
  return profile === 'cis' || profile.startsWith('cis-');
}

/** Profiles for which RKE2 looks up the etcd user and group on servers. */
export function profileNeedsEtcdUser(profile: string): boolean {
  return profileNeedsKernelParameters(profile) || profile === 'etcd';
}

/** The `profile` a node's RKE2 config ends up with (the site's CIS switch or extra config), or "". */
function nodeProfile(config: GoObject): string {
  const profile = config.get('profile');
  return typeof profile === 'string' ? profile : '';
}

function sysctlConf(values: Readonly<Record<string, string>>): string {
  return Object.entries(values)
    .map(([key, value]) => `${key}=${value}\n`)
    .join('');
}

export function cisSteps(_ctx: SiteContext, node: SiteNode, config: GoObject): GoObject[] {
  const profile = nodeProfile(config);
  const steps: GoObject[] = [];
  if (profileNeedsKernelParameters(profile)) {
    steps.push(
      goObject([
        ['name', `Set the kernel parameters RKE2's ${profile} profile requires`],
        ['sysctl', new Map(Object.entries(PROTECT_KERNEL_DEFAULTS_SYSCTLS))],
        ['files', [yipFile(CIS_SYSCTL_CONF_PATH, sysctlConf(PROTECT_KERNEL_DEFAULTS_SYSCTLS), 0o644)]],
      ]),
    );
  }
  if (profileNeedsEtcdUser(profile) && isServerRole(node.role)) {
    const user = goObject([
      ['gecos', 'etcd user'],
      ['homedir', etcdDataDir(config)],
      ['no_create_home', true],
      ['shell', '/sbin/nologin'],
      ['lock_passwd', true],
    ]);
    steps.push(
      goObject([
        ['name', `Create the ${ETCD_USER} user and group RKE2's ${profile} profile requires`],
        ['users', new Map([[ETCD_USER, user]])],
      ]),
    );
  }
  return steps;
}
