import { describe, expect, it } from 'vitest';
import { formatJqNumber, formatJqString } from './renderJq.js';

describe('jq 1.6 number printing', () => {
  it.each([
    [12345678901234567890, '12345678901234567000'],
    [9007199254740993, '9007199254740992'],
    [1e17, '1e+17'],
    [123456789012345680000, '123456789012345680000'],
    [6.02e23, '6.02e+23'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1.5, '1.5'],
    [-42, '-42'],
    [1000, '1000'],
    [Infinity, '1.7976931348623157e+308'],
    [NaN, 'null'],
  ])('%d → %s', (n, text) => {
    expect(formatJqNumber(n)).toBe(text);
  });

  it('escapes strings like jq: raw non-ASCII and <>&, lower-case \\u for controls and DEL', () => {
    expect(formatJqString('a<b>&c\n\t\u0001\u007fé"\\')).toBe('"a<b>&c\\n\\t\\u0001\\u007fé\\"\\\\"');
  });
});
