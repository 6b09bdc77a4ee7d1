/**
 * What one field edit does, without React: the whole form value with the field's new value is
 * validated once; a valid value is committed, an invalid one stays in the field as a draft with
 * its message. A draft remembers the value it was typed over (`base`): once the store holds
 * something else there (undo, redo, another tab), the field shows the store's value again.
 */
import type { z } from 'zod';
import { sameValue, valueAt, withValueAt } from './fieldPath.js';

export interface Draft {
  /** The text as typed (a half-typed address, a list with its blank lines). */
  text: string;
  /** The form value at the path when the text was typed. */
  base: unknown;
  error: string | null;
}

export interface FieldChange<T> {
  /** The validated form value to commit, when the edit is valid. */
  commit: T | null;
  /** The field's draft from now on (null: show the value). */
  draft: Draft | null;
}

function messageAt(error: z.ZodError, path: string): string {
  const here = error.issues.find((issue) => issue.path.join('.') === path || issue.path.join('.').startsWith(`${path}.`));
  const issue = here ?? error.issues[0];
  return here || !issue ? (issue?.message ?? 'This value cannot be used.') : `${issue.path.join('.')}: ${issue.message}`;
}

/** `text`: what the user typed, when it is not simply the value (text fields); kept beside a valid value too. */
export function fieldChange<T>(schema: z.ZodType<T>, root: T, path: string, value: unknown, text?: string): FieldChange<T> {
  const result = schema.safeParse(withValueAt(root, path, value));
  if (!result.success)
    return { commit: null, draft: { text: text ?? String(value), base: valueAt(root, path), error: messageAt(result.error, path) } };
  return { commit: result.data, draft: text === undefined ? null : { text, base: valueAt(result.data, path), error: null } };
}

/** The draft to show for the field: only while the form still holds the value it was typed over. */
export const liveDraft = (draft: Draft | undefined, value: unknown): Draft | undefined =>
  draft && sameValue(draft.base, value) ? draft : undefined;
