/**
 * The NO_PROXY a node ends up with: read from the very /etc/default/rke2-server|agent bytes the
 * provider writes for it, so the table shows what the device gets.
 */
import type { PluginOutcome } from '../provider/runPlugin.js';
import { CONTAINERD_ENV_CONFIG_PATH } from '../provider/constants.js';

/** NO_PROXY's value, '' when the provider writes none, null when it writes no files at all. */
export function noProxyOf(plan: PluginOutcome): string | null {
  if (plan.kind !== 'written') return null;
  const envFile = plan.files.find((f) => f.path.startsWith(`${CONTAINERD_ENV_CONFIG_PATH}/`));
  const line = envFile?.content.split('\n').find((l) => l.startsWith('NO_PROXY='));
  return line ? line.slice('NO_PROXY='.length) : '';
}
