/**
 * The README's findings table, generated from the rule registry: one row per code with its
 * severity in each context, whether it is a security finding, its title and its docs.
 * `pnpm --filter @rke2-edge/provider-core gen:readme` writes it between the markers.
 */
import type { LintContext, Rule } from './rules/defineRule.js';
import { RULES } from './rules/registry.js';

export const TABLE_START = '<!-- findings-table:start -->';
export const TABLE_END = '<!-- findings-table:end -->';

const CONTEXT_WORDS: Record<LintContext, string> = {
  site: 'site',
  cloudConfig: 'cloud-config',
  cloudConfigs: 'set of cloud-configs',
  import: 'import',
};

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function severityCell(rule: Rule): string {
  const contexts = Object.entries(rule.severity).map(([context, severity]) => `${CONTEXT_WORDS[context as LintContext]}: ${severity}`);
  const note = rule.severityNote ? ` (${rule.severityNote})` : '';
  return `${contexts.join('; ')}${note}${rule.security ? ', **security**' : ''}`;
}

/** The markdown table, one row per registered rule in the registry's order. */
export function findingsTable(rules: readonly Rule[] = RULES): string {
  const rows = rules.map((rule) => `| \`${rule.code}\` | ${cell(severityCell(rule))} | ${cell(`**${rule.title}**: ${rule.docs}`)} |`);
  return ['| code | severity | what |', '|---|---|---|', ...rows].join('\n');
}

/** `readme` with the text between the markers replaced by `table`; throws when the markers are missing. */
export function withFindingsTable(readme: string, table: string = findingsTable()): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`the README has no ${TABLE_START} … ${TABLE_END} markers`);
  return `${readme.slice(0, start + TABLE_START.length)}\n${table}\n${readme.slice(end)}`;
}
