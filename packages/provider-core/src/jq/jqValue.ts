/**
 * jq's values: numbers are doubles, objects keep insertion order (what jq prints without -S).
 * `parseJsonStream` reads every JSON value of a text, as `jq -s` slurps files.
 */
export type JqValue = null | boolean | number | string | JqValue[] | JqObject;
export type JqObject = Map<string, JqValue>;

export class JqParseError extends Error {}

/** A JSON string at a position (sticky): what jq accepts, no raw control characters. */
const JSON_STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const WORDS = [
  ['true', true],
  ['false', false],
  ['null', null],
] as const;

/** Space, tab, line feed, carriage return: the whitespace jq skips between values. */
const isJsonSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

class JsonReader {
  private i = 0;
  constructor(private readonly s: string) {}

  private ws(): void {
    while (this.i < this.s.length && isJsonSpace(this.s.charCodeAt(this.i))) this.i++;
  }

  atEnd(): boolean {
    this.ws();
    return this.i >= this.s.length;
  }

  private fail(what: string): never {
    const before = this.s.slice(0, this.i);
    const line = before.split('\n').length;
    throw new JqParseError(`${what} at line ${line}, column ${this.i - before.lastIndexOf('\n')}`);
  }

  value(): JqValue {
    this.ws();
    const c = this.s[this.i];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    for (const [word, value] of WORDS) {
      if (this.s.startsWith(word, this.i)) {
        this.i += word.length;
        return value;
      }
    }
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?/.exec(this.s.slice(this.i, this.i + 400));
    if (!m) this.fail('Invalid literal');
    this.i += m[0].length;
    return Number(m[0]);
  }

  private object(): JqObject {
    const out: JqObject = new Map();
    this.i++;
    this.ws();
    if (this.s[this.i] === '}') {
      this.i++;
      return out;
    }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') this.fail('Object keys must be strings');
      const key = this.string();
      this.ws();
      if (this.s[this.i++] !== ':') this.fail('Objects must consist of key:value pairs');
      out.set(key, this.value());
      this.ws();
      const sep = this.s[this.i++];
      if (sep === '}') return out;
      if (sep !== ',') this.fail('Expected separator between values');
    }
  }

  private array(): JqValue[] {
    const out: JqValue[] = [];
    this.i++;
    this.ws();
    if (this.s[this.i] === ']') {
      this.i++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.ws();
      const sep = this.s[this.i++];
      if (sep === ']') return out;
      if (sep !== ',') this.fail('Expected separator between values');
    }
  }

  private string(): string {
    JSON_STRING.lastIndex = this.i;
    const m = JSON_STRING.exec(this.s);
    if (!m) this.fail('Invalid string');
    const text = m[0];
    this.i += text.length;
    // Without a backslash there is nothing to unescape.
    return text.includes('\\') ? (JSON.parse(text) as string) : text.slice(1, -1);
  }
}

export function parseJsonStream(text: string): JqValue[] {
  const reader = new JsonReader(text);
  const values: JqValue[] = [];
  while (!reader.atEnd()) values.push(reader.value());
  return values;
}

export function jqKindName(v: JqValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'string';
  return Array.isArray(v) ? 'array' : 'object';
}
