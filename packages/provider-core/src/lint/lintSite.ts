/**
 * Every finding for a site: the registry's rules (rules/registry.ts) that apply to sites, each
 * keeping the findings of its own code.
 */
import { expandSite, type ExpandedSite } from '../site/expandSite.js';
import type { Site } from '../site/siteSchema.js';
import type { Finding } from './finding.js';
import { runRules } from './rules/runRules.js';
import { siteRuleContext } from './siteChecks.js';
import { tooManyNodes } from './securityRules.js';

export function lintSite(site: Site, expanded?: ExpandedSite): Finding[] {
  // A site too large to expand has nothing else to check.
  const tooMany = tooManyNodes(site);
  if (tooMany) return [tooMany];
  const expansion = expanded ?? expandSite(site);
  if (expansion.tooLarge) return [{ severity: 'error', code: 'too-large', message: expansion.tooLarge, path: [] }];
  return runRules('site', siteRuleContext(site, expansion));
}
