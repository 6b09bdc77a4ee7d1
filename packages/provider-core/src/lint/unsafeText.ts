/**
 * Characters a value must not carry to the device. A one-line field (a host, a proxy, a label, a
 * path) written with a line break would add a line to the file or shell command it lands in; Go's
 * YAML readers take U+0085, U+2028 and U+2029 as line breaks too. Control characters, DEL,
 * U+FFFE/U+FFFF and bidirectional controls mean nothing in a setting: renderYamlForGo escapes
 * them in user-data, but the programs reading the files on the device (RKE2, containerd, systemd,
 * the field README) would get them raw. A lone UTF-16 surrogate has no UTF-8 form at all.
 * In a hand-written cloud-config, a raw control character makes the device's yaml.v3 reader refuse
 * the file ("control characters are not allowed").
 */

export interface TextProblem {
  code: 'line-break' | 'control-character';
  /** What was found and where: `a line break at character 5`. */
  found: string;
  /** `contains …: why it matters`. */
  message: string;
}

const LINE_BREAKS = new Set([0x0a, 0x0d, 0x85, 0x2028, 0x2029]);
/** Text fields that may hold several lines (YAML, descriptions): tab, LF and CR are theirs. */
const MULTI_LINE_ALLOWED = new Set([0x09, 0x0a, 0x0d]);
/**
 * Every character refused somewhere (control characters, line breaks, bidirectional controls, BOM,
 * noncharacters, lone surrogates); `u` makes the surrogate range match only lone halves.
 */
const SUSPECT_CLASS = '[\\0-\\x1f\\x7f-\\x9f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069\\ufeff\\ufffe\\uffff\\ud800-\\udfff]';
const SUSPECT = new RegExp(SUSPECT_CLASS, 'u');
const SUSPECT_ALL = new RegExp(SUSPECT_CLASS, 'gu');

/** Text with every such character as `\u{…}`, for terminals: quoted user values can't move the cursor or add lines. */
export function printable(text: string, keep: readonly string[] = []): string {
  return text.replace(SUSPECT_ALL, (c) => (keep.includes(c) ? c : `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`));
}

/**
 * JSON text in which every character a terminal could act on is a `\\uXXXX` escape (JSON.stringify
 * leaves DEL, C1 controls, U+2028/U+2029 and bidirectional controls raw): still the same JSON.
 */
export function terminalSafeJson(value: unknown, indent?: number): string {
  // Inside strings JSON.stringify has escaped every C0 control; the line breaks left are its indentation.
  return JSON.stringify(value, null, indent).replace(SUSPECT_ALL, (c) =>
    c === '\n' ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const NAMES: Record<number, string> = {
  0x09: 'a tab',
  0x0a: 'a line break',
  0x0d: 'a carriage return (a line break)',
  0x85: 'U+0085 (next line), a line break to the device',
  0x7f: 'U+007F (delete), a control character',
  0x2028: 'U+2028 (line separator), a line break to the device',
  0x2029: 'U+2029 (paragraph separator), a line break to the device',
  0xfeff: 'U+FEFF (byte order mark)',
};

export function describeCharacter(cp: number): string {
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  if (NAMES[cp]) return NAMES[cp];
  if (cp >= 0xd800 && cp <= 0xdfff) return `${hex}, half of a surrogate pair (not valid Unicode)`;
  if (cp === 0xfffe || cp === 0xffff) return `${hex}, a Unicode noncharacter`;
  if (isBidiControl(cp)) return `${hex}, a bidirectional control that makes the text display differently from what it is`;
  return `${hex}, a control character`;
}

/** U+202A–U+202E and U+2066–U+2069 reorder how text is shown ("Trojan Source"): refused in one-line fields. */
const isBidiControl = (cp: number) => (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);

function isRefused(cp: number, multiLine: boolean): boolean {
  if (multiLine && (MULTI_LINE_ALLOWED.has(cp) || isBidiControl(cp))) return false;
  if (isBidiControl(cp)) return true;
  return (
    cp < 0x20 ||
    (cp >= 0x7f && cp <= 0x9f) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0xfeff ||
    cp === 0xfffe ||
    cp === 0xffff ||
    (cp >= 0xd800 && cp <= 0xdfff)
  );
}

/** The first bidirectional control (U+202A–U+202E, U+2066–U+2069) in `text`, or null. */
export function firstBidiControl(text: string): { cp: number; index: number } | null {
  const match = /[\u202a-\u202e\u2066-\u2069]/.exec(text);
  return match ? { cp: match[0].codePointAt(0)!, index: match.index } : null;
}

/** The first character of `text` the device must not get, or null. */
export function firstUnsafeCharacter(text: string, multiLine: boolean): { cp: number; index: number } | null {
  if (!SUSPECT.test(text)) return null;
  let index = 0;
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    if (isRefused(cp, multiLine)) return { cp, index };
    index += char.length;
  }
  return null;
}

/**
 * Why `text` cannot be written as it is, or null. `multiLine` fields (YAML text, descriptions) may
 * hold tabs and line breaks; one-line fields may not.
 */
export function textProblem(text: string, multiLine = false): TextProblem | null {
  const found = firstUnsafeCharacter(text, multiLine);
  if (!found) return null;
  const where = `${describeCharacter(found.cp)} at character ${found.index + 1}`;
  if (LINE_BREAKS.has(found.cp)) {
    return {
      code: 'line-break',
      found: where,
      message: `contains ${where}: this value is one line on the device, and a line break would start a new line in the file or command it is written to`,
    };
  }
  return {
    code: 'control-character',
    found: where,
    message: `contains ${where}: it has no place in a setting, and the programs reading it on the device would get it raw`,
  };
}

/** 1-based line and column of a UTF-16 index in a text, for findings inside a file. */
export function lineColumnAt(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: [...text.slice(lineStart, index)].length + 1 };
}
