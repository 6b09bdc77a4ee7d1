/**
 * A react-hook-form form validated by a provider-core zod schema, whose every valid change is
 * committed to the site at once (the preview follows each keystroke). Values the schema rejects
 * stay in the form with their error beside the field and are not committed.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef } from 'react';
import { useForm, type FieldValues } from 'react-hook-form';
import type { z } from 'zod';

export function useSyncedForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  defaults: z.input<S>,
  commit: (value: z.output<S>, field: string | undefined) => void,
) {
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as never,
    defaultValues: defaults as never,
    mode: 'onChange',
  });
  const commitRef = useRef(commit);
  commitRef.current = commit;
  useEffect(() => {
    const subscription = form.watch((values, { name }) => {
      const parsed = schema.safeParse(values);
      if (parsed.success) commitRef.current(parsed.data, name);
    });
    return () => subscription.unsubscribe();
  }, [form, schema]);
  return form;
}

type AnySchema = z.ZodType & {
  _zod: { def: { innerType?: AnySchema; shape?: Record<string, AnySchema> } };
  shape?: Record<string, AnySchema>;
};

/** The description a provider-core schema gives the field at `path` (the single source of field hints). */
export function describedAt(schema: z.ZodType, path: string): string | undefined {
  let node = schema as AnySchema | undefined;
  for (const key of path.split('.')) {
    while (node?._zod.def.innerType) node = node._zod.def.innerType;
    node = node?.shape?.[key];
  }
  return node?.description;
}
