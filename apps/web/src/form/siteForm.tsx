/**
 * A form over part of the site (the settings, or one node) with no copy of its own: fields read
 * their values from the store's site, and write through `commit` (an action). The only state here
 * is the drafts of text that does not parse yet (see fieldChange.ts), so undo, redo and open show
 * in the fields at once, without remounting them.
 */
import type { FieldMessage } from '@rke2-edge/ui';
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { fieldId } from '../findings/fieldPaths.js';
import { useAnalysis } from '../state/siteContext.js';
import { describedAt } from './describedAt.js';
import { fieldChange, liveDraft, type Draft } from './fieldChange.js';
import { valueAt, type FieldPath } from './fieldPath.js';

export interface FormSource<T> {
  /** The value the form edits, as the store holds it now. */
  value: T;
  /** Validates the whole value; its descriptions are the fields' hints. */
  schema: z.ZodType<T>;
  /** Where the value is in the site (for findings and element ids): [] or ['nodes', 3]. */
  sitePath: readonly (string | number)[];
  /** Writes a valid value through the store; `field` is the path that changed. */
  commit: (value: T, field: string) => void;
}

interface FormContextValue {
  source: FormSource<unknown>;
  drafts: ReadonlyMap<string, Draft>;
  setDraft: (path: string, draft: Draft | null) => void;
}

const FormContext = createContext<FormContextValue | null>(null);

export function SiteForm<T>({ source, children }: { source: FormSource<T>; children: ReactNode }) {
  const [drafts, setDrafts] = useState<ReadonlyMap<string, Draft>>(new Map());
  const context = useMemo<FormContextValue>(
    () => ({
      source: source as FormSource<unknown>,
      drafts,
      setDraft: (path, draft) =>
        setDrafts((current) => {
          if (!draft && !current.has(path)) return current;
          const next = new Map(current);
          if (draft) next.set(path, draft);
          else next.delete(path);
          return next;
        }),
    }),
    [source, drafts],
  );
  return <FormContext.Provider value={context}>{children}</FormContext.Provider>;
}

/** A field of a form whose value is T, by a path the compiler checks. */
export interface FieldRef {
  path: string;
}
export const binder =
  <T,>() =>
  (path: FieldPath<T>): FieldRef => ({ path });

function useFormContext(): FormContextValue {
  const context = useContext(FormContext);
  if (!context) throw new Error('A field outside SiteForm');
  return context;
}

/** The value at a path of the form, as the store holds it. */
export const useFieldValue = (field: FieldRef): unknown => valueAt(useFormContext().source.value, field.path);

export interface FieldBinding {
  /** Element id (also where findings point): field-<site path>. */
  id: string;
  name: string;
  hint: string | undefined;
  /** The draft's message, then the analysis' findings for this field. */
  messages: FieldMessage[];
  value: unknown;
  /** The text as typed, while it differs from what the value shows (or does not parse yet). */
  draftText: string | undefined;
  /** Sets the value; `text` is what was typed, kept in the field. */
  change: (value: unknown, text?: string) => void;
}

export function useField(field: FieldRef): FieldBinding {
  const { source, drafts, setDraft } = useFormContext();
  const { messagesByField } = useAnalysis();
  const { path } = field;
  const value = valueAt(source.value, path);
  const draft = liveDraft(drafts.get(path), value);
  const id = fieldId([...source.sitePath, ...path.split('.')]);
  const messages: FieldMessage[] = [
    ...(draft?.error ? [{ severity: 'error' as const, text: draft.error }] : []),
    ...(messagesByField.get(id) ?? []),
  ];
  const change = (next: unknown, text?: string) => {
    const result = fieldChange(source.schema, source.value, path, next, text);
    if (result.commit !== null) source.commit(result.commit, path);
    setDraft(path, result.draft);
  };
  return { id, name: path, hint: describedAt(source.schema, path), messages, value, draftText: draft?.text, change };
}
