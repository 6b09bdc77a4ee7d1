/**
 * JSON as someone else wrote it: JSON.parse takes the last of two equal keys without a word, so a
 * file could show one value to a reviewer and give another to the designer. parseStrictJson parses
 * with JSON.parse (its syntax errors, and "__proto__" as an ordinary own key) and then refuses a
 * key repeated in any object, saying where.
 */

export type StrictJsonResult = { ok: true; value: unknown } | { ok: false; message: string };

export function parseStrictJson(text: string): StrictJsonResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `not valid JSON: ${(e as Error).message}` };
  }
  const duplicate = findDuplicateKey(text);
  if (duplicate) {
    const where = duplicate.path.length === 0 ? 'the top-level object' : shortPath(duplicate.path);
    return { ok: false, message: `key ${JSON.stringify(shorten(duplicate.key))} appears twice in ${where}` };
  }
  return { ok: true, value };
}

/** What a JSON value is, for messages: `null`, `an array`, `a number`, `true`… */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'boolean') return String(value);
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

type Frame = { kind: 'object'; keys: Set<string> | undefined; key: string; expectKey: boolean } | { kind: 'array'; index: number };

/**
 * The first key that appears twice in one object of a text JSON.parse accepted, and the path of
 * that object (`['nodes', 3]`). One pass, no recursion: any depth is fine.
 */
function findDuplicateKey(validJson: string): { key: string; path: (string | number)[] } | undefined {
  const stack: Frame[] = [];
  const n = validJson.length;
  for (let i = 0; i < n; i++) {
    const c = validJson.charCodeAt(i);
    if (c === 0x7b /* { */) stack.push({ kind: 'object', keys: undefined, key: '', expectKey: true });
    else if (c === 0x5b /* [ */) stack.push({ kind: 'array', index: 0 });
    else if (c === 0x7d /* } */ || c === 0x5d /* ] */) stack.pop();
    else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top?.kind === 'array') top.index += 1;
      else if (top) top.expectKey = true;
    } else if (c === 0x22 /* " */) {
      let end = i + 1;
      let escaped = false;
      for (; end < n; end++) {
        const d = validJson.charCodeAt(end);
        if (d === 0x5c /* \ */) {
          escaped = true;
          end += 1;
        } else if (d === 0x22) break;
      }
      const top = stack[stack.length - 1];
      if (top?.kind === 'object' && top.expectKey) {
        const key = escaped ? (JSON.parse(validJson.slice(i, end + 1)) as string) : validJson.slice(i + 1, end);
        top.keys ??= new Set();
        if (top.keys.has(key)) return { key, path: stack.slice(0, -1).map((f) => (f.kind === 'array' ? f.index : f.key)) };
        top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
      i = end;
    }
  }
  return undefined;
}

const shorten = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max)}…` : text);
const shortPath = (path: (string | number)[]) => shorten(path.map(String).join('.'), 200);
