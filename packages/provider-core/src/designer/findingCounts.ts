/** How many findings of each severity: what the designer's tab titles, badges and export dialog show. */
import { SEVERITIES, type Finding, type Severity } from '../lint/finding.js';

export type FindingCounts = Record<Severity, number>;

export function countFindings(findings: readonly Pick<Finding, 'severity'>[]): FindingCounts {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as FindingCounts;
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}
