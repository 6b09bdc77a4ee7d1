/** The linters' walk: every registered rule with a check for the context, keeping the findings of its own code. */
import type { Finding } from '../finding.js';
import type { Check, RuleChecks } from './defineRule.js';
import { RULES } from './registry.js';

type ContextOf<K extends keyof RuleChecks> = Parameters<NonNullable<RuleChecks[K]>>[0];

export function runRules<K extends keyof RuleChecks>(context: K, ctx: ContextOf<K>): Finding[] {
  return RULES.flatMap((rule) => {
    const check = (rule.check as RuleChecks)[context] as Check<ContextOf<K>> | undefined;
    return check ? check(ctx).filter((f): f is Finding => f.code === rule.code) : [];
  });
}
