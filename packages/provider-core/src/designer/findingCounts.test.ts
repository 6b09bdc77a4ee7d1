import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEVERITIES } from '../lint/finding.js';
import { countFindings } from './findingCounts.js';

describe('countFindings', () => {
  it('counts each severity, zero for the ones not present', () => {
    expect(countFindings([])).toEqual({ error: 0, warning: 0, info: 0 });
    expect(countFindings([{ severity: 'error' }, { severity: 'info' }, { severity: 'error' }])).toEqual({ error: 2, warning: 0, info: 1 });
  });

  it('adds up to the number of findings, and each count is that severity filtered', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SEVERITIES).map((severity) => ({ severity }))), (findings) => {
        const counts = countFindings(findings);
        expect(counts.error + counts.warning + counts.info).toBe(findings.length);
        for (const s of SEVERITIES) expect(counts[s]).toBe(findings.filter((f) => f.severity === s).length);
      }),
      { seed: 20261125 },
    );
  });
});
