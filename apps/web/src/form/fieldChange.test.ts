import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldChange, liveDraft } from './fieldChange.js';

const Schema = z.object({
  net: z.object({ cidr: z.string().regex(/^\d+\.\d+\.\d+\.\d+\/\d+$/, 'Enter an address with prefix.') }),
  n: z.number(),
});
const root = { net: { cidr: '10.0.0.0/8' }, n: 1 };

describe('fieldChange', () => {
  it('commits a valid value and keeps the typed text beside it', () => {
    const change = fieldChange(Schema, root, 'net.cidr', '10.1.0.0/16', '10.1.0.0/16');
    expect(change.commit).toEqual({ net: { cidr: '10.1.0.0/16' }, n: 1 });
    expect(change.draft).toEqual({ text: '10.1.0.0/16', base: '10.1.0.0/16', error: null });
  });

  it('keeps a half-typed value as a draft with its message, and commits nothing', () => {
    const change = fieldChange(Schema, root, 'net.cidr', '10.1.', '10.1.');
    expect(change.commit).toBeNull();
    expect(change.draft).toEqual({ text: '10.1.', base: '10.0.0.0/8', error: 'Enter an address with prefix.' });
  });

  it('drops the draft once the form holds another value there (undo)', () => {
    const { draft } = fieldChange(Schema, root, 'net.cidr', '10.1.', '10.1.');
    expect(liveDraft(draft!, '10.0.0.0/8')).toBe(draft);
    expect(liveDraft(draft!, '192.168.0.0/16')).toBeUndefined();
  });

  it('needs no draft for a value that is not typed text', () => {
    expect(fieldChange(Schema, root, 'n', 2).draft).toBeNull();
  });
});
