/**
 * The `profile` checks RKE2 runs before anything else (rancher/rke2 pkg/cli/cmds/profile_linux.go,
 * validateProfile, called from server.go and agent.go with the node's role):
 * - `cis`: validateKernelReqs reads each of kernelRuntimeParameters from /proc/sys and fails with
 *   "invalid kernel parameter value K=V - expected W"; then setCISFlags refuses
 *   `protect-kernel-defaults: false`; then (fallthrough) the etcd checks;
 * - `etcd` (and `cis`): validateETCDReqs, on servers only, looks up the `etcd` user and group;
 * - any other non-empty value: "invalid value provided for --profile flag".
 * Every failure ends in logrus.Fatal: the service does not start.
 */
import { CIS_SYSCTLS, ETCD_GROUP, ETCD_USER } from '../../site/cisSteps.js';
import { configText, configKeyPath, type StartFailure, type StartInput } from '../startRule.js';

const PROFILE_SOURCE = 'rancher/rke2 pkg/cli/cmds/profile_linux.go, validateProfile';

/** kernelRuntimeParameters in profile_linux.go (the Rancher hardening guide's values), shared with the stage that sets them. */
const CIS_KERNEL_PARAMETERS: ReadonlyMap<string, number> = new Map(Object.entries(CIS_SYSCTLS).map(([k, v]) => [k, Number(v)]));

const PROFILE_PATH = ['security', 'cisProfile'];

function kernelFailures(input: StartInput): StartFailure[] {
  const failures: StartFailure[] = [];
  for (const [key, expected] of CIS_KERNEL_PARAMETERS) {
    const text = input.device.sysctls.get(key);
    // sysctl() in profile_linux.go: strconv.Atoi of the /proc/sys file; a value that is no integer is fatal too.
    const value = text !== undefined && /^[-+]?\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;
    if (value === undefined) {
      failures.push({
        rule: 'profile-sysctls',
        message: `strconv.Atoi: parsing "${text ?? ''}": invalid syntax`,
        source: `${PROFILE_SOURCE} (sysctl)`,
        path: PROFILE_PATH,
      });
    } else if (value !== expected) {
      failures.push({
        rule: 'profile-sysctls',
        message: `invalid kernel parameter value ${key}=${value} - expected ${expected}`,
        source: `${PROFILE_SOURCE} (validateKernelReqs)`,
        path: PROFILE_PATH,
      });
    }
  }
  return failures;
}

function protectKernelDefaultsFailure(input: StartInput, profile: string): StartFailure[] {
  const value = input.device.config?.get('protect-kernel-defaults');
  const text = configText(value);
  // clx.IsSet && !clx.Bool: the flag is set and parses as false (strconv.ParseBool).
  if (text === undefined || !['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(text)) return [];
  return [
    {
      rule: 'protect-kernel-defaults',
      message: `--protect-kernel-defaults must be true when using --profile=${profile}`,
      source: `${PROFILE_SOURCE} (setCISFlags)`,
      path: configKeyPath(input, 'protect-kernel-defaults', PROFILE_PATH),
    },
  ];
}

function etcdFailures(input: StartInput): StartFailure[] {
  if (input.device.service !== 'rke2-server') return [];
  const failures: StartFailure[] = [];
  const source = `${PROFILE_SOURCE} (validateETCDReqs)`;
  // errors.WithMessage(err, "missing required") around os/user's UnknownUserError / UnknownGroupError.
  if (!input.device.users.has(ETCD_USER))
    failures.push({ rule: 'profile-etcd-user', message: `missing required: user: unknown user ${ETCD_USER}`, source, path: PROFILE_PATH });
  if (!input.device.groups.has(ETCD_GROUP))
    failures.push({
      rule: 'profile-etcd-user',
      message: `missing required: group: unknown group ${ETCD_GROUP}`,
      source,
      path: PROFILE_PATH,
    });
  return failures;
}

export function profileRule(input: StartInput): StartFailure[] {
  const profile = configText(input.device.config?.get('profile')) ?? '';
  switch (profile) {
    case '':
      return [];
    case 'cis': {
      const kernel = kernelFailures(input);
      // Each check ends in logrus.Fatal, so RKE2 stops at the first one that fails.
      if (kernel.length > 0) return kernel;
      const protect = protectKernelDefaultsFailure(input, profile);
      if (protect.length > 0) return protect;
      return etcdFailures(input);
    }
    case 'etcd':
      return etcdFailures(input);
    default:
      return [
        {
          rule: 'profile-value',
          message: 'invalid value provided for --profile flag',
          source: PROFILE_SOURCE,
          path: configKeyPath(input, 'profile', PROFILE_PATH),
        },
      ];
  }
}
