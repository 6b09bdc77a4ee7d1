/**
 * Every finding for a site: the registry's rules (rules/registry.ts) that apply to sites, each
 * keeping the findings of its own code.
 */
import { expandSite, type ExpandedSite } from '../site/expandSite.js';
import type { Site } from '../site/siteSchema.js';
import type { Finding } from './finding.js';
import { runRules } from './rules/runRules.js';
import { siteRuleContext } from './siteChecks.js';

export function lintSite(site: Site, expanded: ExpandedSite = expandSite(site)): Finding[] {
  // A site too large to expand has nothing else to check.
  if (expanded.tooLarge) return [{ severity: 'error', code: 'too-large', message: expanded.tooLarge, path: [] }];
  return runRules('site', siteRuleContext(site, expanded));
}
