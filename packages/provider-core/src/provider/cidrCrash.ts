/**
 * The provider's crash on a missing or non-string cluster-cidr / service-cidr, in words for people:
 * the port (proxyEnv.ts) stops at the first key it reads (provider.go:177), so these words also name
 * the next one it would crash on (provider.go:178), and the fix gives RKE2's default for each (the
 * catalog's, ../shared/rke2-options.json). lint's provider-panic and the boot check both say it.
 */
import { catalogEntry } from '../catalog/rke2Catalog.js';
import { cidrPanics } from './proxyEnv.js';
import type { PluginOutcome } from './runPlugin.js';
import { userConfigJson } from './userConfigJson.js';

/** `also`: the further crashes as sentences (each starting with a space); `fix`: "add cluster-cidr: … and service-cidr: …". */
export function cidrCrashWords(plan: PluginOutcome): { also: string; fix: string } | null {
  if (plan.kind !== 'panic') return null;
  const user = userConfigJson(plan.cluster);
  const crashes = cidrPanics(user);
  if (!user.ok || crashes[0]?.panic.reason !== plan.panic.reason) return null;
  const data = user.value instanceof Map ? user.value : new Map();
  const verb = (key: string) => (data.has(key) ? 'set' : 'add');
  // "add cluster-cidr: 10.42.0.0/16 and service-cidr: 10.43.0.0/16": a verb only where it changes.
  const settings = crashes.map(
    ({ key }, i) =>
      `${i > 0 && verb(key) === verb(crashes[i - 1]!.key) ? '' : `${verb(key)} `}${key}: ${String(catalogEntry(key)?.default)}`,
  );
  const also = crashes
    .slice(1)
    .map(({ key, panic }) => ` It reads ${key} next (${panic.at}) and would crash there too: ${panic.reason}.`)
    .join('');
  return { also, fix: settings.join(' and ') };
}
