/**
 * The result of provider-rke2's merge command over /etc/rancher/rke2/config.d/*.yaml, i.e. of
 *
 *   jq -s '... [.[] | to_entries] | flatten | reduce .[] as $dot ({}; .[$dot.key] += $dot.value)'
 *
 * with jq 1.6's semantics: for each key, in file order (glob order), `. + value` where null + x = x,
 * numbers add, strings and arrays concatenate (so a user `token` corrupts the provider's: oracle
 * case 27), objects merge, and anything else aborts the merge with jq's message (case 42). The
 * shell redirect has already created config.yaml, so a failed merge leaves it empty.
 */
import { compareCodePoints } from '../yaml/goJson.js';
import { JqParseError, jqKindName, parseJsonStream, type JqObject, type JqValue } from './jqValue.js';
import { dumpTruncated, renderMergedConfig } from './renderJq.js';

export interface ConfigDFile {
  /** Full path, as the glob expands it (e.g. /etc/rancher/rke2/config.d/90_userdata.yaml). */
  path: string;
  content: string;
}

/**
 * `error` is jq's message byte for byte (the preview shows it); `shown` is the same without the values
 * jq quotes (the first bytes of a token can be one), for findings and check messages.
 */
export type MergeResult =
  { ok: true; value: JqObject; text: string } | { ok: false; error: string; shown: string; exitCode: number; text: '' };

class JqError extends Error {
  constructor(
    message: string,
    /** The message without the values it quotes. */
    readonly shown = message,
  ) {
    super(message);
  }
}

function typeError2(a: JqValue, b: JqValue, msg: string): JqError {
  return new JqError(
    `${jqKindName(a)} (${dumpTruncated(a)}) and ${jqKindName(b)} (${dumpTruncated(b)}) ${msg}`,
    `${jqKindName(a)} and ${jqKindName(b)} ${msg}`,
  );
}

/** jq 1.6's `+` (f_plus). */
function jqAdd(a: JqValue, b: JqValue): JqValue {
  if (a === null) return b;
  if (b === null) return a;
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  if (typeof a === 'string' && typeof b === 'string') return a + b;
  if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
  if (a instanceof Map && b instanceof Map) return new Map([...a, ...b]);
  throw typeError2(a, b, 'cannot be added');
}

function toEntries(v: JqValue): [JqValue, JqValue][] {
  if (v instanceof Map) return [...v];
  if (Array.isArray(v)) return v.map((x, i) => [i, x]);
  throw new JqError(`${jqKindName(v)} (${dumpTruncated(v)}) has no keys`, `${jqKindName(v)} has no keys`);
}

function mergeEntries(values: JqValue[]): JqObject {
  const merged: JqObject = new Map();
  for (const [key, value] of values.flatMap(toEntries)) {
    if (typeof key !== 'string') throw new JqError(`Cannot index object with ${jqKindName(key)}`);
    merged.set(key, jqAdd(merged.get(key) ?? null, value));
  }
  return merged;
}

/** Runs the merge over the files a config.d folder holds; file order is the shell's glob order. */
export function mergeConfigD(files: ConfigDFile[]): MergeResult {
  const ordered = [...files].sort((a, b) => compareCodePoints(a.path, b.path));
  const last = ordered[ordered.length - 1];
  const where = last ? `${last.path}:${last.content.split('\n').length - 1}` : '<stdin>:0';
  let values: JqValue[];
  try {
    values = ordered.flatMap((f) => parseJsonStream(f.content));
  } catch (e) {
    if (!(e instanceof JqParseError)) throw e;
    const error = `jq: error (at ${where}): ${e.message}`;
    return { ok: false, error, shown: error, exitCode: 2, text: '' };
  }
  try {
    const value = mergeEntries(values);
    return { ok: true, value, text: renderMergedConfig(value) };
  } catch (e) {
    if (!(e instanceof JqError)) throw e;
    return {
      ok: false,
      error: `jq: error (at ${where}): ${e.message}`,
      shown: `jq: error (at ${where}): ${e.shown}`,
      exitCode: 5,
      text: '',
    };
  }
}
