/**
 * yaml.v3 v3.0.1's `Unmarshal` into typed Go values (decode.go's `decoder`), for the few Go types
 * the Kairos SDK decodes a cloud-config into: strings, a bool, string maps, a string slice,
 * structs and pointers to them.
 *
 * What it reproduces, because the plugin answers with these texts:
 * - type errors are collected ("line 3: cannot unmarshal !!seq into string") and decoding goes on;
 * - a mapping with two equal keys (same kind and text) is refused before anything in it is decoded
 *   ("line 2: mapping key "cluster" already defined at line 1"); a struct field set twice through
 *   different spellings is "field x already set in type T";
 * - merge keys (`<<`): keys written in the mapping win, then earlier merge sources;
 * - fatal errors stop everything: an explicit tag that does not fit (`!!int abc`), a bad merge
 *   value, an alias inside its own anchor, excessive aliasing.
 * Null values leave Go's zero value; a null item of a list is dropped.
 */
import { decodeGoBase64 } from './goBase64.js';
import { EXCESSIVE_ALIASING, isExcessiveAliasing } from './aliasLimit.js';
import { goKeyIdentity } from './goJson.js';
import { deref, YAML_TAG_PREFIX, type RawMap, type RawNode, type RawScalar } from './readYamlDocument.js';
import { GoRuntimePanic } from './libyaml/errors.js';
import { goValueOf } from './yamlToJson.js';
import { oldBoolValue, resolvePlainScalar, type Resolved } from './resolveScalar.js';

/** A Go type as far as the decoder cares; `name` is how Go prints it in errors. */
export type GoType =
  /**
   * `unmarshalerName`: a named string type whose UnmarshalYAML decodes into a plain string, so its
   * errors name `string`; yaml.v3 skips unmarshalers for a node tagged !!null (decoder.prepare),
   * and then names the type itself ("cannot unmarshal !!null `` into clusterplugin.Role").
   */
  | { kind: 'string'; name: string; unmarshalerName?: string }
  | { kind: 'bool' }
  | { kind: 'stringMap'; name: string }
  | { kind: 'slice'; elem: GoType; name: string }
  | { kind: 'struct'; name: string; fields: Record<string, GoType> }
  | { kind: 'ptr'; elem: GoType };

type GoDecoded = string | boolean | Record<string, string> | GoDecoded[] | { [field: string]: GoDecoded } | null;

/** A fatal decoding error (Go's failf): the whole Unmarshal returns "yaml: <message>". */
class YamlFail extends Error {}

export type UnmarshalResult =
  | { ok: true; value: GoDecoded | undefined }
  | { ok: false; fatal: string }
  /** Go's runtime panics inside Unmarshal (yaml.v3 re-panics them): the program crashes. */
  | { ok: false; crash: string }
  | { ok: false; typeErrors: string[]; value: GoDecoded | undefined };

const SHORT_PREFIX = '!!';
const STR = '!!str';
const MAP = '!!map';
const SEQ = '!!seq';
const NULL = '!!null';
const MERGE = '!!merge';
const BINARY = '!!binary';
const RESOLVABLE = new Set(['', STR, '!!bool', '!!int', '!!float', NULL, '!!timestamp']);

function shortTag(tag: string): string {
  return tag.startsWith(YAML_TAG_PREFIX) ? `${SHORT_PREFIX}${tag.slice(YAML_TAG_PREFIX.length)}` : tag;
}

/** The node's tag as yaml.v3's parser sets it (parser.node): explicit, the style's default, or resolved. */
function nodeTag(n: RawNode): string {
  if (n.kind === 'alias') return nodeTag(n.target);
  if (n.kind === 'map') return explicit(n.tag) ?? MAP;
  if (n.kind === 'seq') return explicit(n.tag) ?? SEQ;
  const tag = explicit(n.tag);
  if (tag !== undefined) return tag;
  if (!n.plain) return STR;
  if (n.value === '<<') return MERGE;
  return `!!${resolvePlainScalar(n.value, 'v3').tag}`;
}

function explicit(tag: string | undefined): string | undefined {
  return tag === undefined || tag === '' || tag === '!' ? undefined : shortTag(tag);
}

/** Node.ShortTag(): null for `~`, empty and `null`, whatever the style says otherwise. */
function isNullNode(n: RawNode): boolean {
  if (n.kind === 'alias') return isNullNode(n.target);
  return n.kind === 'scalar' && !indicatedString(n) && nodeTag(n) === NULL;
}

function indicatedString(n: RawScalar): boolean {
  const tag = n.tag ?? '';
  return shortTag(tag) === STR || ((tag === '' || tag === '!') && !n.plain);
}

/** isMerge: a `<<` key whose node tag is !!merge (plain and untagged, or tagged so). */
function isMerge(n: RawNode): boolean {
  return (
    n.kind === 'scalar' &&
    n.value === '<<' &&
    ((n.tag === undefined && n.style === 'plain') || (n.tag !== undefined && shortTag(n.tag) === MERGE))
  );
}

/** resolve(tag, value) for a tagged or plain scalar; throws Go's "cannot decode" for a tag that does not fit. */
function resolveScalar(n: RawScalar): { tag: string; resolved: Resolved } {
  const tag = n.plain && (n.tag === undefined || n.tag === '!') ? '' : shortTag(n.tag ?? '');
  if (!RESOLVABLE.has(tag)) return { tag, resolved: { tag: 'str' } };
  if (tag === STR) return { tag, resolved: { tag: 'str' } };
  let resolved = resolvePlainScalar(n.value, 'v3');
  // Timestamps are only tried for untagged or !!timestamp scalars (resolve's 'D'/'S' hint).
  if (resolved.tag === 'timestamp' && tag !== '' && tag !== '!!timestamp') resolved = { tag: 'str' };
  if (resolved.tag === 'merge') resolved = { tag: 'str' };
  const rtag = `!!${resolved.tag}`;
  if (tag === '' || tag === rtag) return { tag: rtag, resolved };
  if (tag === '!!float' && resolved.tag === 'int') return { tag, resolved: { tag: 'float', value: Number(resolved.value) } };
  throw new YamlFail(`cannot decode ${rtag} \`${n.value}\` as a ${tag}`);
}

/** d.scalar's `!!binary`: the decoded text, or Go's fatal error for bad base64. */
function binaryText(n: RawScalar): string {
  const decoded = decodeGoBase64(n.value);
  if (decoded === undefined) throw new YamlFail('!!binary value contains invalid base64 data');
  return decoded;
}

/** The text a scalar gives a Go string (d.scalar): its own text, or what a `!!binary` one decodes to. */
function scalarText(n: RawScalar, tag: string): string {
  return tag === BINARY ? binaryText(n) : n.value;
}

/** yaml.v3 shortens a value in a type error to 7 bytes and "..." when it is over 10 bytes. */
function shownValue(value: string): string {
  const bytes = new TextEncoder().encode(value);
  if (bytes.length <= 10) return ` \`${value}\``;
  return ` \`${goBytesToString(bytes.subarray(0, 7))}...\``;
}

/** A Go string cut inside a UTF-8 sequence, as encoding/json shows it: one U+FFFD per bad byte. */
function goBytesToString(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 0;
    if (len === 0 || i + len > bytes.length) {
      out += '\ufffd';
      i++;
      continue;
    }
    out += new TextDecoder().decode(bytes.subarray(i, i + len));
    i += len;
  }
  return out;
}

/** The identity a key has in Go's interface{}-keyed merge bookkeeping (mergedFields). */
function ifaceKey(n: RawNode): unknown {
  const k = deref(n);
  if (k.kind !== 'scalar') return k; // a collection: never equal to a field name
  if (indicatedString(k)) return goKeyIdentity(k.value);
  const { tag, resolved } = resolveScalar(k);
  if (tag === BINARY) return goKeyIdentity(binaryText(k));
  if (resolved.tag === 'timestamp') return `t:${k.value}`; // a time.Time: never equal to a string
  return goKeyIdentity(goValueOf(resolved, k.value));
}

class V3Decoder {
  readonly typeErrors: string[] = [];
  private decodeCount = 0;
  private aliasCount = 0;
  private aliasDepth = 0;
  private readonly activeAliases = new Set<RawNode>();
  private mergedFields: Set<unknown> | null = null;

  /** d.terror: the node's own tag, its text shortened (not for collections), and the Go type. */
  private terror(n: RawNode, type: GoType): void {
    const tag = nodeTag(n);
    // Go shows the node's Value (empty for a collection) unless the tag is !!seq or !!map: `!!null {}` gives " ``".
    const shown = tag !== SEQ && tag !== MAP ? shownValue(n.kind === 'scalar' ? n.value : '') : '';
    const name = type.kind === 'string' && type.unmarshalerName !== undefined && tag === NULL ? type.unmarshalerName : typeName(type);
    this.typeErrors.push(`line ${n.line}: cannot unmarshal ${tag}${shown} into ${name}`);
  }

  /** d.unmarshal: returns [good, value]; value undefined when nothing was set. */
  unmarshal(n: RawNode, type: GoType, current?: GoDecoded): { good: boolean; value: GoDecoded | undefined } {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (isExcessiveAliasing(this.decodeCount, this.aliasCount)) {
      throw new YamlFail(EXCESSIVE_ALIASING);
    }
    if (n.kind === 'alias') return this.alias(n, type, current);
    // d.scalar resolves every scalar first: `!!null x` fails ("cannot decode !!str `x` as a !!null").
    if (n.kind === 'scalar' && !indicatedString(n)) resolveScalar(n);
    if (isNullNode(n)) return this.null(type);
    if (type.kind === 'ptr') {
      const inner = this.unmarshal(n, type.elem, current ?? undefined);
      // The pointer is allocated before decoding, so it is set even when its value failed.
      return { good: inner.good, value: inner.value ?? zeroValue(type.elem) };
    }
    if (n.kind === 'scalar') return this.scalar(n, type);
    if (n.kind === 'map') return this.mapping(n, type, current);
    return this.sequence(n, type);
  }

  private alias(n: Extract<RawNode, { kind: 'alias' }>, type: GoType, current?: GoDecoded) {
    if (this.activeAliases.has(n)) throw new YamlFail(`anchor '${n.name}' value contains itself`);
    this.activeAliases.add(n);
    this.aliasDepth++;
    const result = this.unmarshal(n.target, type, current);
    this.aliasDepth--;
    this.activeAliases.delete(n);
    return result;
  }

  /** d.null: a pointer, map or slice becomes nil; a string or bool keeps its zero value and is "not good". */
  private null(type: GoType): { good: boolean; value: GoDecoded | undefined } {
    if (type.kind === 'ptr' || type.kind === 'stringMap' || type.kind === 'slice') return { good: true, value: null };
    return { good: false, value: undefined };
  }

  private scalar(n: RawScalar, type: GoType): { good: boolean; value: GoDecoded | undefined } {
    const { tag, resolved } = indicatedString(n) ? { tag: STR, resolved: { tag: 'str' } as Resolved } : resolveScalar(n);
    const text = scalarText(n, tag); // a bad !!binary fails whatever the target
    if (resolved.tag === 'null') return this.null(type);
    if (type.kind === 'string') return { good: true, value: text };
    if (type.kind === 'bool') {
      if (resolved.tag === 'bool') return { good: true, value: resolved.value };
      if (resolved.tag === 'str' || resolved.tag === 'timestamp') {
        // yaml.v3 still accepts the YAML 1.1 words when the target is a bool (also once !!binary is decoded).
        const old = oldBoolValue(text);
        if (old !== undefined && resolved.tag === 'str') return { good: true, value: old };
      }
    }
    this.terror(n, type);
    return { good: false, value: undefined };
  }

  private sequence(n: Extract<RawNode, { kind: 'seq' }>, type: GoType): { good: boolean; value: GoDecoded | undefined } {
    if (type.kind !== 'slice') {
      this.terror(n, type);
      return { good: false, value: undefined };
    }
    const out: GoDecoded[] = [];
    for (const item of n.items) {
      const decoded = this.unmarshal(item, type.elem);
      if (decoded.good) out.push(decoded.value ?? zeroValue(type.elem));
    }
    return { good: true, value: out };
  }

  /** d.mapping: equal keys are refused first, then a struct or a map is filled. */
  private mapping(n: RawMap, type: GoType, current?: GoDecoded): { good: boolean; value: GoDecoded | undefined } {
    if (!this.uniqueKeys(n)) return { good: false, value: undefined };
    if (type.kind === 'struct') return this.mappingStruct(n, type, current);
    if (type.kind !== 'stringMap') {
      this.terror(n, type);
      return { good: false, value: undefined };
    }
    const isNew = current === undefined || current === null;
    const out: Record<string, string> = isNew ? {} : (current as Record<string, string>);
    this.fillMapping(n, type, out, (name, _key, value) => {
      const v = this.unmarshal(value, STRING);
      if (v.good || (isNullNode(value) && (isNew || !Object.hasOwn(out, name)))) setData(out, name, (v.value as string | undefined) ?? '');
    });
    return { good: true, value: out };
  }

  private mappingStruct(n: RawMap, type: Extract<GoType, { kind: 'struct' }>, current?: GoDecoded) {
    const out = (current as { [field: string]: GoDecoded } | undefined) ?? {};
    const done = new Set<string>();
    this.fillMapping(n, type, out, (name, key, value) => {
      const fieldType = Object.hasOwn(type.fields, name) ? type.fields[name] : undefined;
      if (fieldType === undefined) return; // unknown keys are ignored
      if (done.has(name)) {
        this.typeErrors.push(`line ${lineOf(key)}: field ${name} already set in type ${type.name}`);
        return;
      }
      done.add(name);
      const decoded = this.unmarshal(value, fieldType, out[name]);
      // A null leaves Go's zero value; it is kept as "" or false so that "set to nothing" shows.
      const set = decoded.value ?? (isNullNode(value) ? zeroValue(fieldType) : undefined);
      if (set !== undefined && set !== null) setData(out, name, set);
    });
    return { good: true, value: out };
  }

  /**
   * The walk d.mapping and d.mappingStruct share: each key decoded into a string (a key that is not
   * one is skipped), keys already set by the mapping a merge is filling skipped, and the merge
   * (`<<`, the last one written) applied after the keys written here.
   */
  private fillMapping(n: RawMap, type: GoType, out: GoDecoded, set: (name: string, key: RawNode, value: RawNode) => void): void {
    const mergedFields = this.mergedFields;
    this.mergedFields = null;
    let mergeNode: RawNode | undefined;
    for (const { key, value } of n.pairs) {
      if (isMerge(key)) {
        mergeNode = value;
        continue;
      }
      const k = this.unmarshal(key, STRING);
      if (!k.good) continue;
      const name = k.value as string;
      if (mergedFields !== null) {
        if (mergedFields.has(goKeyIdentity(name))) continue;
        mergedFields.add(goKeyIdentity(name));
      }
      set(name, key, value);
    }
    this.mergedFields = mergedFields;
    if (mergeNode !== undefined) this.merge(n, mergeNode, type, out);
  }

  /** d.merge: the parent's keys are remembered, then each source fills what is still unset. */
  private merge(parent: RawMap, merge: RawNode, type: GoType, out: GoDecoded): void {
    const saved = this.mergedFields;
    if (saved === null) {
      this.mergedFields = new Set();
      for (const { key } of parent.pairs) {
        this.decodeIntoInterface(key); // d.unmarshal of each key into interface{}: its failures
        unhashable(key);
        this.mergedFields.add(ifaceKey(key));
      }
    }
    const target = (m: RawNode) => (m.kind === 'alias' ? m.target : m);
    if (merge.kind === 'map' || (merge.kind === 'alias' && target(merge).kind === 'map')) {
      this.unmarshal(merge, type, out);
    } else if (merge.kind === 'seq') {
      for (const item of merge.items) {
        if (target(item).kind !== 'map') throw new YamlFail('map merge requires map or sequence of maps as the value');
        this.unmarshal(item, type, out);
      }
    } else {
      throw new YamlFail('map merge requires map or sequence of maps as the value');
    }
    this.mergedFields = saved;
  }

  /**
   * What decoding a node into interface{} can do besides giving a value: count towards excessive
   * aliasing, fail on an alias inside its own anchor or a bad tag or `!!binary`, and report
   * duplicate keys of nested mappings. (A collection key never names a field, so its value is not needed.)
   */
  private decodeIntoInterface(n: RawNode): void {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (n.kind === 'alias') {
      if (this.activeAliases.has(n)) throw new YamlFail(`anchor '${n.name}' value contains itself`);
      this.activeAliases.add(n);
      this.aliasDepth++;
      this.decodeIntoInterface(n.target);
      this.aliasDepth--;
      this.activeAliases.delete(n);
    } else if (n.kind === 'scalar') {
      if (!indicatedString(n) && resolveScalar(n).tag === BINARY) binaryText(n);
    } else if (n.kind === 'seq') {
      for (const item of n.items) this.decodeIntoInterface(item);
    } else if (this.uniqueKeys(n)) {
      for (const { key, value } of n.pairs) {
        this.decodeIntoInterface(key);
        this.decodeIntoInterface(value);
      }
    }
  }

  /** Two keys of the same kind and text, whatever their style (`a` and `"a"`). */
  /** Like d.mapping, every later equal key against every earlier one: three `a:` give three errors. */
  private uniqueKeys(n: RawMap): boolean {
    const before = this.typeErrors.length;
    const groups = new Map<string, RawNode[]>();
    for (const { key } of n.pairs) {
      const id = `${key.kind}:${keyValue(key)}`;
      const group = groups.get(id);
      if (group === undefined) groups.set(id, [key]);
      else group.push(key);
    }
    for (const { key } of n.pairs) {
      const group = groups.get(`${key.kind}:${keyValue(key)}`)!;
      for (const later of group.slice(group.indexOf(key) + 1)) {
        this.typeErrors.push(`line ${lineOf(later)}: mapping key ${goQuote(keyValue(later))} already defined at line ${lineOf(key)}`);
      }
    }
    return this.typeErrors.length === before;
  }
}

const STRING: GoType = { kind: 'string', name: 'string' };

function keyValue(n: RawNode): string {
  return n.kind === 'scalar' ? n.value : n.kind === 'alias' ? n.name : '';
}

function lineOf(n: RawNode): number {
  return n.line;
}

function typeName(type: GoType): string {
  if (type.kind === 'bool') return 'bool';
  if (type.kind === 'ptr') return `*${typeName(type.elem)}`;
  return type.name;
}

function zeroValue(type: GoType): GoDecoded {
  if (type.kind === 'string') return '';
  if (type.kind === 'bool') return false;
  if (type.kind === 'struct') return {};
  return null;
}

/** Sets a property as data, so that "__proto__" stays a key. */
function setData(out: object, key: string, value: unknown): void {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Go's %#v of a string: a double-quoted Go literal. */
function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (c === 0x07) out += '\\a';
    else if (c === 0x08) out += '\\b';
    else if (c === 0x0c) out += '\\f';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0b) out += '\\v';
    else if (isGoPrintable(c)) out += ch;
    else if (c < 0x80) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else if (c < 0x10000) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += `\\U${c.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

/** strconv.IsPrint, approximated by Unicode general categories (letters, marks, numbers, punctuation, symbols, space). */
function isGoPrintable(c: number): boolean {
  if (c === 0x20) return true;
  return /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(String.fromCodePoint(c));
}

/**
 * A collection used as a key of a mapping with a merge: d.merge puts every key, decoded into
 * interface{}, in a Go map, and a map or slice cannot be hashed, so the Go runtime panics.
 */
function unhashable(key: RawNode): void {
  const k = deref(key);
  if (k.kind === 'seq') throw new GoRuntimePanic('runtime error: hash of unhashable type []interface {}');
  if (k.kind !== 'map') return;
  const stringKeys = k.pairs.every(({ key: inner }) => {
    const tag = nodeTag(inner);
    return tag === STR || tag === MERGE;
  });
  throw new GoRuntimePanic(
    `runtime error: hash of unhashable type ${stringKeys ? 'map[string]interface {}' : 'map[interface {}]interface {}'}`,
  );
}

/** yaml.Unmarshal(text, &out) for a document already read; Go's type errors and fatal errors as data. */
export function unmarshalV3(root: RawNode | null, type: GoType): UnmarshalResult {
  if (root === null) return { ok: true, value: undefined };
  const decoder = new V3Decoder();
  try {
    const { value } = decoder.unmarshal(root, type);
    if (decoder.typeErrors.length > 0) return { ok: false, typeErrors: decoder.typeErrors, value };
    return { ok: true, value };
  } catch (e) {
    if (e instanceof YamlFail) return { ok: false, fatal: e.message };
    if (e instanceof GoRuntimePanic) return { ok: false, crash: e.message };
    throw e;
  }
}
