/**
 * Findings are data: what is wrong, how bad, where (a path into the site or the cloud-config, and a
 * line and column when the problem is inside YAML text), and a fix when there is an obvious one.
 * The codes come from the rule registry (rules/registry.ts).
 */
import { z } from 'zod';
import { FINDING_FIELDS, SEVERITIES, type Severity } from './findingFields.js';
import { FINDING_CODES, SECURITY_CODES } from './rules/registry.js';
import { printable } from './unsafeText.js';

export { FINDING_CODES, SECURITY_CODES } from './rules/registry.js';

export { SEVERITIES, type Severity } from './findingFields.js';

export const FindingSchema = z.object({ severity: z.enum(SEVERITIES), code: z.enum(FINDING_CODES), ...FINDING_FIELDS });

export type Finding = z.infer<typeof FindingSchema>;
export type FindingCode = Finding['code'];
export type { FindingPath } from '../finding/findingPath.js';

export function isSecurityFinding(f: Finding): boolean {
  return (SECURITY_CODES as readonly string[]).includes(f.code);
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then information; stable within a severity. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity]);
}

/** Where a message's further lines start: under the finding's first line, past its severity column. */
const CONTINUATION = '\n        ';

/**
 * A finding for the terminal: `error  nodes.2.extraConfig:3:5  message [code]`, one line, except
 * a message that has lines of its own (a Go decoder's "yaml: unmarshal errors:" list, as the
 * provider reports it): its further lines are indented under the finding, so none can pass for a
 * finding of its own. Every other control character, in the message or elsewhere, is escaped.
 */
export function formatFinding(f: Finding, file?: string): string {
  const where = [file, f.path.join('.')].filter(Boolean).join(' ') + (f.line ? `:${f.line}${f.column ? `:${f.column}` : ''}` : '');
  const fix = f.fix ? ` (fix: ${f.fix.description})` : '';
  const message = printable(f.message, ['\n']).replaceAll('\n', CONTINUATION);
  return `${printable(`${f.severity.padEnd(7)} ${where || '(site)'}  `)}${message}${printable(`${fix} [${f.code}]`)}`;
}
