/**
 * Typed paths into a form's value ("cluster.controlPlaneHost", "airGap.mirrors.0.registry") and
 * reading or replacing the value at one, without mutating anything.
 */

type Depth = [never, 0, 1, 2, 3, 4, 5];

/** Every dotted path into T (array items by their index), to a depth of 5. */
export type FieldPath<T, D extends number = 5> = [D] extends [never]
  ? never
  : T extends readonly (infer E)[]
    ? `${number}` | `${number}.${FieldPath<E, Depth[D]>}`
    : T extends object
      ? { [K in keyof T & string]: K | `${K}.${FieldPath<T[K], Depth[D]>}` }[keyof T & string]
      : never;

const keysOf = (path: string): string[] => path.split('.');

export function valueAt(root: unknown, path: string): unknown {
  return keysOf(path).reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root);
}

/** A copy of `root` with `value` at `path` (objects and arrays along the path are copied, nothing else). */
export function withValueAt<T>(root: T, path: string, value: unknown): T {
  const [key, ...rest] = keysOf(path);
  const node = root as Record<string, unknown> | unknown[];
  const next = rest.length === 0 ? value : withValueAt((node as Record<string, unknown>)[key!], rest.join('.'), value);
  if (Array.isArray(node)) return node.map((item, i) => (String(i) === key ? next : item)) as T;
  return { ...node, [key!]: next } as T;
}

/** Equal as form values: the same leaf, or lists and records with the same content. */
export const sameValue = (a: unknown, b: unknown): boolean => Object.is(a, b) || JSON.stringify(a) === JSON.stringify(b);
