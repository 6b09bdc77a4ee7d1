/**
 * The RKE2 settings the provider writes itself. They live beside the catalog because RKE2 accepts
 * them under aliases (`t`, `s`) that only the catalog knows; the site, the lint rules and the
 * catalog's JSON schema all ask the same question.
 */
import { catalogEntry } from './rke2Catalog.js';

/** Keys the provider itself writes to 99_userdata.yaml; jq would concatenate a second value (cases 27, 28). */
export const PROVIDER_KEYS = ['token', 'server'] as const;

/** A provider key under any name RKE2 accepts for it (`t` and `s` are aliases). */
export function isProviderKey(key: string): boolean {
  const name = catalogEntry(key)?.key;
  return name !== undefined && (PROVIDER_KEYS as readonly string[]).includes(name);
}
