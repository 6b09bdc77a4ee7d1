/**
 * A number per site value, for query keys: every edit makes a new site object, so the number
 * changes on every change without hashing megabytes of site per keystroke.
 */
import type { Site } from '@rke2-edge/provider-core';

const ids = new WeakMap<Site, number>();
let next = 1;

export function siteIdentity(site: Site): number {
  let id = ids.get(site);
  if (id === undefined) {
    id = next++;
    ids.set(site, id);
  }
  return id;
}
