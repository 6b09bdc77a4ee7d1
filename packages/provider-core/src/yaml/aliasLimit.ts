/**
 * The alias-expansion limit yaml.v2 and yaml.v3 share (decode.go: allowedAliasRatio): past 100
 * alias-driven decodes and 1,000 decodes in all, a document whose decodes come from aliases beyond
 * the allowed ratio fails with "document contains excessive aliasing". The ratio falls from 99 %
 * for documents of up to 400,000 decodes to 10 % from 4,000,000.
 */
const ALIAS_RATIO_LOW = 400_000;
const ALIAS_RATIO_HIGH = 4_000_000;

function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= ALIAS_RATIO_LOW) return 0.99;
  if (decodeCount >= ALIAS_RATIO_HIGH) return 0.1;
  return 0.99 - (0.89 * (decodeCount - ALIAS_RATIO_LOW)) / (ALIAS_RATIO_HIGH - ALIAS_RATIO_LOW);
}

export const EXCESSIVE_ALIASING = 'document contains excessive aliasing';

export function isExcessiveAliasing(decodeCount: number, aliasCount: number): boolean {
  return aliasCount > 100 && decodeCount > 1000 && aliasCount / decodeCount > allowedAliasRatio(decodeCount);
}
