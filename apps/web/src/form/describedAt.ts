import type { z } from 'zod';

type AnySchema = z.ZodType & {
  _zod: { def: { innerType?: AnySchema; element?: AnySchema; shape?: Record<string, AnySchema> } };
  shape?: Record<string, AnySchema>;
};

/**
 * The description a provider-core schema gives the field at `path` (the single source of field
 * hints); array items by index ("airGap.registryConfigs.0.caPem").
 */
export function describedAt(schema: z.ZodType, path: string): string | undefined {
  let node = schema as AnySchema | undefined;
  for (const key of path.split('.')) {
    while (node?._zod.def.innerType) node = node._zod.def.innerType;
    node = /^\d+$/.test(key) ? node?._zod.def.element : node?.shape?.[key];
  }
  return node?.description;
}
