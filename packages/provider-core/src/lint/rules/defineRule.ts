/**
 * A finding rule is data (monokle-core's `defineRule`): its code, its severity in each context
 * where it applies, a title and a paragraph for the README's findings table, whether it is a
 * security finding, and the check that finds it. The registry (registry.ts) lists every rule; the
 * codes, the security codes, the README table and the linters' walk are all derived from it.
 *
 * Contexts: `site` (a site and its expansion), `cloudConfig` (one cloud-config's text),
 * `cloudConfigs` (a set of cloud-configs linted together) and `import` (importCloudConfigs, whose
 * `not-imported` findings are made while it builds a site, not by a check).
 */
import type { CloudConfigOutline } from '../../kairos/cloudConfigOutline.js';
import type { Cluster } from '../../kairos/clusterSchema.js';
import type { PluginOutcome } from '../../provider/runPlugin.js';
import type { Rke2Version } from '../../site/designerRules.js';
import type { ExpandedSite } from '../../site/expandSite.js';
import type { Rke2ConfigRead } from '../../site/readRke2Config.js';
import type { Site } from '../../site/siteSchema.js';
import type { ClusterMember } from '../clusterMembers.js';
import type { RuleFinding, Severity } from '../findingFields.js';
import type { TopologyNode } from '../topologyRules.js';

export type LintContext = 'site' | 'cloudConfig' | 'cloudConfigs' | 'import';

export interface SiteRuleContext {
  site: Site;
  expanded: ExpandedSite;
  /** The site's RKE2 version (v1.36 when it cannot be read). */
  version: Rke2Version;
}

/** A cloud-config as the provider reads it; `decoded` is null when it has no usable cluster: section. */
export interface CloudConfigRuleContext {
  text: string;
  /** The node's address with prefix, when known (what the device's getNodeCIDR returns). */
  nodeCidr: string;
  version: Rke2Version;
  plan: PluginOutcome;
  decoded: { cluster: Cluster; config: Rke2ConfigRead; outline: CloudConfigOutline } | null;
}

/** Cloud-configs linted as one cluster: each file's node name and role, and what it says about the cluster. */
export interface CloudConfigSetRuleContext {
  nodes: readonly TopologyNode[];
  members: readonly ClusterMember[];
}

/** Finds problems in one context (typed with RuleFinding: the Finding type is itself derived from the registry). */
export type Check<Ctx> = (ctx: Ctx) => readonly RuleFinding[];

export interface RuleChecks {
  site?: Check<SiteRuleContext>;
  cloudConfig?: Check<CloudConfigRuleContext>;
  cloudConfigs?: Check<CloudConfigSetRuleContext>;
}

export interface Rule<C extends string = string> {
  code: C;
  /** The severity of its findings in each context where it applies. */
  severity: Partial<Record<LintContext, Severity>>;
  /** When a context's findings are not all of that severity: which ones differ, for the README. */
  severityNote?: string;
  /** A few words: what is wrong. */
  title: string;
  /** One or two sentences for the README: what it catches and why, with its source. */
  docs: string;
  /** No option overrides it: bundle --force, "Download anyway", expand, iso and import all refuse it. */
  security?: true;
  /**
   * The check per context. It may return findings of other codes (a shared check such as the
   * text-safety walk finds several): the linters keep only the rule's own.
   */
  check: RuleChecks;
}

export function defineRule<const C extends string>(rule: Rule<C>): Rule<C> {
  const contexts = Object.keys(rule.severity);
  const unchecked = Object.keys(rule.check).filter((c) => !contexts.includes(c));
  if (unchecked.length > 0) throw new Error(`${rule.code}: a check for ${unchecked.join(', ')} without a severity there`);
  return rule;
}

/**
 * A check that finds several codes at once, run once per lint: every rule that uses it gets the
 * same findings (the linters keep each rule's own code).
 */
export function sharedCheck<Ctx extends object>(check: Check<Ctx>): Check<Ctx> {
  const results = new WeakMap<Ctx, readonly RuleFinding[]>();
  return (ctx) => {
    const cached = results.get(ctx);
    if (cached) return cached;
    const found = check(ctx);
    results.set(ctx, found);
    return found;
  };
}
