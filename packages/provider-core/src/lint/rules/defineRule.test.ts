import { describe, expect, it, vi } from 'vitest';
import { defineRule, sharedCheck } from './defineRule.js';

describe('defineRule', () => {
  it('refuses a check for a context where the rule has no severity', () => {
    const define = () => defineRule({ code: 'x', severity: { site: 'error' }, title: 't', docs: 'd', check: { cloudConfig: () => [] } });
    expect(define).toThrow(/x: a check for cloudConfig without a severity there/);
  });
});

describe('sharedCheck', () => {
  it('runs once per lint context, however many rules ask', () => {
    const finding = { severity: 'error' as const, code: 'x', message: 'm', path: [] };
    const run = vi.fn((ctx: { n: number }) => [{ ...finding, message: String(ctx.n) }]);
    const shared = sharedCheck(run);
    const first = { n: 1 };
    expect(shared(first)).toBe(shared(first));
    expect(run).toHaveBeenCalledTimes(1);
    expect(shared({ n: 2 })[0]?.message).toBe('2');
    expect(run).toHaveBeenCalledTimes(2);
  });
});
