import { describe, expect, it } from 'vitest';
import { sameValue, valueAt, withValueAt } from './fieldPath.js';

describe('field paths', () => {
  const root = { a: { b: 'x', list: [{ c: 1 }, { c: 2 }] }, other: { d: true } };

  it('read a value through objects and arrays', () => {
    expect(valueAt(root, 'a.b')).toBe('x');
    expect(valueAt(root, 'a.list.1.c')).toBe(2);
    expect(valueAt(root, 'a.missing.c')).toBeUndefined();
  });

  it('replace one value, copying only what lies on the path', () => {
    const next = withValueAt(root, 'a.list.1.c', 3);
    expect(next.a.list).toEqual([{ c: 1 }, { c: 3 }]);
    expect(Array.isArray(next.a.list)).toBe(true);
    expect(next.a.list[0]).toBe(root.a.list[0]);
    expect(next.other).toBe(root.other);
    expect(root.a.list[1]!.c).toBe(2);
  });

  it('compare form values by content', () => {
    expect(sameValue(['a'], ['a'])).toBe(true);
    expect(sameValue(['a'], ['a', 'b'])).toBe(false);
    expect(sameValue('1', 1)).toBe(false);
  });
});
