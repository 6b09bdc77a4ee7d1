import { describe, expect, it } from 'vitest';
import { formatFinding, type Finding } from './finding.js';

const finding = (message: string, more: Partial<Finding> = {}): Finding => ({
  severity: 'error',
  code: 'provider-panic',
  message,
  path: [],
  ...more,
});

describe('formatFinding', () => {
  it('keeps a one-line message on one line', () => {
    expect(formatFinding(finding('no cluster-cidr'), 'a.yaml')).toBe('error   a.yaml  no cluster-cidr [provider-panic]');
  });

  it("indents a message's further lines under the finding, so none reads as a finding of its own", () => {
    const text = formatFinding(finding('yaml: unmarshal errors:\n  line 4: x\nerror   forged.yaml  fake [token-format]'), 'a.yaml');
    expect(text.split('\n')).toEqual([
      'error   a.yaml  yaml: unmarshal errors:',
      '          line 4: x',
      '        error   forged.yaml  fake [token-format] [provider-panic]',
    ]);
  });

  it('escapes every other control character and line break, in the message, the file and the fix', () => {
    const text = formatFinding(finding('a\rb\u2028c\u001b[2J', { fix: { description: 'd\ne' } }), 'f\ng.yaml');
    expect(text).toBe('error   f\\u{A}g.yaml  a\\u{D}b\\u{2028}c\\u{1B}[2J (fix: d\\u{A}e) [provider-panic]');
  });
});
