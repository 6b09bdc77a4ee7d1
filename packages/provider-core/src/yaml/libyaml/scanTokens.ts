/**
 * Directives, anchors, aliases and tags, from go-yaml's scannerc.go (yaml_parser_scan_directive and
 * its helpers, yaml_parser_scan_anchor, yaml_parser_scan_tag, yaml_parser_scan_tag_handle,
 * yaml_parser_scan_tag_uri, yaml_parser_scan_uri_escapes). Identical in yaml.v2 and yaml.v3.
 * Each returns the token, or null after recording the error on the parser.
 */
import { ByteBuffer } from './byteBuffer.js';
import { asDigit, asHex, isAlpha, isBlank, isBlankz, isBreak, isBreakz, isDigit, isHex, width } from './chars.js';
import { read, skip, skipLine } from './cursor.js';
import { setScannerError, setScannerTagError } from './errors.js';
import { cache } from './reader.js';
import { copyMark, newToken, TokenType, type Mark, type Token, type YamlParser } from './types.js';

function skipBlanks(parser: YamlParser): boolean {
  if (!cache(parser, 1)) return false;
  while (isBlank(parser.buffer, parser.bufferPos)) {
    skip(parser);
    if (!cache(parser, 1)) return false;
  }
  return true;
}

/** yaml_parser_scan_directive: `%YAML 1.1` or `%TAG !x! prefix`. */
export function scanDirective(parser: YamlParser): Token | null {
  const startMark = copyMark(parser.mark);
  skip(parser);
  const name = scanDirectiveName(parser, startMark);
  if (name === null) return null;
  let token: Token;
  if (name === 'YAML') {
    const version = scanVersionDirectiveValue(parser, startMark);
    if (version === null) return null;
    token = newToken(TokenType.VERSION_DIRECTIVE, startMark, copyMark(parser.mark));
    token.major = version[0];
    token.minor = version[1];
  } else if (name === 'TAG') {
    const value = scanTagDirectiveValue(parser, startMark);
    if (value === null) return null;
    token = newToken(TokenType.TAG_DIRECTIVE, startMark, copyMark(parser.mark));
    token.value = value[0];
    token.prefix = value[1];
  } else {
    setScannerError(parser, 'while scanning a directive', startMark, 'found unknown directive name');
    return null;
  }
  if (!skipBlanks(parser)) return null;
  if (parser.buffer[parser.bufferPos] === 0x23 /* # */) {
    while (!isBreakz(parser.buffer, parser.bufferPos)) {
      skip(parser);
      if (!cache(parser, 1)) return null;
    }
  }
  if (!isBreakz(parser.buffer, parser.bufferPos)) {
    setScannerError(parser, 'while scanning a directive', startMark, 'did not find expected comment or line break');
    return null;
  }
  if (isBreak(parser.buffer, parser.bufferPos)) {
    if (!cache(parser, 2)) return null;
    skipLine(parser);
  }
  return token;
}

/** yaml_parser_scan_directive_name */
function scanDirectiveName(parser: YamlParser, startMark: Mark): string | null {
  if (!cache(parser, 1)) return null;
  const s = new ByteBuffer(16);
  while (isAlpha(parser.buffer, parser.bufferPos)) {
    read(parser, s);
    if (!cache(parser, 1)) return null;
  }
  if (s.length === 0) {
    setScannerError(parser, 'while scanning a directive', startMark, 'could not find expected directive name');
    return null;
  }
  if (!isBlankz(parser.buffer, parser.bufferPos)) {
    setScannerError(parser, 'while scanning a directive', startMark, 'found unexpected non-alphabetical character');
    return null;
  }
  return s.toString();
}

/** yaml_parser_scan_version_directive_value: `1.1` */
function scanVersionDirectiveValue(parser: YamlParser, startMark: Mark): [number, number] | null {
  if (!skipBlanks(parser)) return null;
  const major = scanVersionDirectiveNumber(parser, startMark);
  if (major === null) return null;
  if (parser.buffer[parser.bufferPos] !== 0x2e /* . */) {
    setScannerError(parser, 'while scanning a %YAML directive', startMark, "did not find expected digit or '.' character");
    return null;
  }
  skip(parser);
  const minor = scanVersionDirectiveNumber(parser, startMark);
  if (minor === null) return null;
  return [major, minor];
}

const MAX_NUMBER_LENGTH = 2;

/** yaml_parser_scan_version_directive_number */
function scanVersionDirectiveNumber(parser: YamlParser, startMark: Mark): number | null {
  if (!cache(parser, 1)) return null;
  let value = 0;
  let length = 0;
  while (isDigit(parser.buffer, parser.bufferPos)) {
    length++;
    if (length > MAX_NUMBER_LENGTH) {
      setScannerError(parser, 'while scanning a %YAML directive', startMark, 'found extremely long version number');
      return null;
    }
    value = value * 10 + asDigit(parser.buffer, parser.bufferPos);
    skip(parser);
    if (!cache(parser, 1)) return null;
  }
  if (length === 0) {
    setScannerError(parser, 'while scanning a %YAML directive', startMark, 'did not find expected version number');
    return null;
  }
  return value;
}

/** yaml_parser_scan_tag_directive_value: handle and prefix of `%TAG`. */
function scanTagDirectiveValue(parser: YamlParser, startMark: Mark): [string, string] | null {
  if (!skipBlanks(parser)) return null;
  const handle = scanTagHandle(parser, true, startMark);
  if (handle === null) return null;
  if (!cache(parser, 1)) return null;
  if (!isBlank(parser.buffer, parser.bufferPos)) {
    setScannerError(parser, 'while scanning a %TAG directive', startMark, 'did not find expected whitespace');
    return null;
  }
  if (!skipBlanks(parser)) return null;
  const prefix = scanTagUri(parser, true, null, startMark);
  if (prefix === null) return null;
  if (!cache(parser, 1)) return null;
  if (!isBlankz(parser.buffer, parser.bufferPos)) {
    setScannerError(parser, 'while scanning a %TAG directive', startMark, 'did not find expected whitespace or line break');
    return null;
  }
  return [handle.toString(), prefix.toString()];
}

/** The characters that may follow an anchor or alias name: ?:,]}%@` (besides blanks and breaks). */
const AFTER_ANCHOR = new Set([...'?:,]}%@`'].map((ch) => ch.charCodeAt(0)));

/** yaml_parser_scan_anchor: `&name` (ANCHOR) or `*name` (ALIAS). */
export function scanAnchor(parser: YamlParser, type: TokenType): Token | null {
  const s = new ByteBuffer(16);
  const startMark = copyMark(parser.mark);
  skip(parser);
  if (!cache(parser, 1)) return null;
  while (isAlpha(parser.buffer, parser.bufferPos)) {
    read(parser, s);
    if (!cache(parser, 1)) return null;
  }
  const endMark = copyMark(parser.mark);
  if (s.length === 0 || !(isBlankz(parser.buffer, parser.bufferPos) || AFTER_ANCHOR.has(parser.buffer[parser.bufferPos]!))) {
    const context = type === TokenType.ANCHOR ? 'while scanning an anchor' : 'while scanning an alias';
    setScannerError(parser, context, startMark, 'did not find expected alphabetic or numeric character');
    return null;
  }
  const token = newToken(type, startMark, endMark);
  token.value = s.toString();
  return token;
}

/** yaml_parser_scan_tag: `!<uri>`, `!handle!suffix`, `!suffix` or `!`. */
export function scanTag(parser: YamlParser): Token | null {
  const startMark = copyMark(parser.mark);
  let handle: ByteBuffer;
  let suffix: ByteBuffer;
  if (!cache(parser, 2)) return null;
  if (parser.buffer[parser.bufferPos + 1] === 0x3c /* < */) {
    handle = new ByteBuffer(1);
    skip(parser);
    skip(parser);
    const uri = scanTagUri(parser, false, null, startMark);
    if (uri === null) return null;
    suffix = uri;
    if (parser.buffer[parser.bufferPos] !== 0x3e /* > */) {
      setScannerError(parser, 'while scanning a tag', startMark, "did not find the expected '>'");
      return null;
    }
    skip(parser);
  } else {
    const scanned = scanTagHandle(parser, false, startMark);
    if (scanned === null) return null;
    handle = scanned;
    if (handle.bytes[0] === 0x21 && handle.length > 1 && handle.bytes[handle.length - 1] === 0x21) {
      // `!handle!suffix`
      const uri = scanTagUri(parser, false, null, startMark);
      if (uri === null) return null;
      suffix = uri;
    } else {
      // `!suffix`, or `!` alone: the handle is `!` and, if there is no suffix, the two swap.
      const uri = scanTagUri(parser, false, handle, startMark);
      if (uri === null) return null;
      suffix = uri;
      handle = new ByteBuffer(1);
      handle.push(0x21);
      if (suffix.length === 0) [handle, suffix] = [suffix, handle];
    }
  }
  if (!cache(parser, 1)) return null;
  if (!isBlankz(parser.buffer, parser.bufferPos)) {
    setScannerError(parser, 'while scanning a tag', startMark, 'did not find expected whitespace or line break');
    return null;
  }
  const token = newToken(TokenType.TAG, startMark, copyMark(parser.mark));
  token.value = handle.toString();
  token.suffix = suffix.toString();
  return token;
}

/** yaml_parser_scan_tag_handle: `!`, `!!` or `!name!`. */
function scanTagHandle(parser: YamlParser, directive: boolean, startMark: Mark): ByteBuffer | null {
  if (!cache(parser, 1)) return null;
  if (parser.buffer[parser.bufferPos] !== 0x21 /* ! */) {
    setScannerTagError(parser, directive, startMark, "did not find expected '!'");
    return null;
  }
  const s = new ByteBuffer(16);
  read(parser, s);
  if (!cache(parser, 1)) return null;
  while (isAlpha(parser.buffer, parser.bufferPos)) {
    read(parser, s);
    if (!cache(parser, 1)) return null;
  }
  if (parser.buffer[parser.bufferPos] === 0x21 /* ! */) {
    read(parser, s);
  } else if (directive && !(s.length === 1 && s.bytes[0] === 0x21)) {
    // A %TAG handle must be `!`, `!!` or `!name!`; a tag's `!name` is a primary handle plus suffix.
    setScannerTagError(parser, directive, startMark, "did not find expected '!'");
    return null;
  }
  return s;
}

/** The characters of a tag URI besides [0-9A-Za-z_-]: ;/?:@&=+$,.!~*'()[]% */
const URI_CHARS = new Set([...";/?:@&=+$,.!~*'()[]%"].map((ch) => ch.charCodeAt(0)));

/** yaml_parser_scan_tag_uri: `head` (a scanned handle) contributes all but its leading `!`. */
function scanTagUri(parser: YamlParser, directive: boolean, head: ByteBuffer | null, startMark: Mark): ByteBuffer | null {
  const s = new ByteBuffer(32);
  let hasTag = head !== null && head.length > 0;
  if (head !== null && head.length > 1) s.pushRange(head.bytes, 1, head.length);
  if (!cache(parser, 1)) return null;
  while (isAlpha(parser.buffer, parser.bufferPos) || URI_CHARS.has(parser.buffer[parser.bufferPos]!)) {
    if (parser.buffer[parser.bufferPos] === 0x25 /* % */) {
      if (!scanUriEscapes(parser, directive, startMark, s)) return null;
    } else {
      read(parser, s);
    }
    if (!cache(parser, 1)) return null;
    hasTag = true;
  }
  if (!hasTag) {
    setScannerTagError(parser, directive, startMark, 'did not find expected tag URI');
    return null;
  }
  return s;
}

/** yaml_parser_scan_uri_escapes: `%XX` octets forming one UTF-8 character. */
function scanUriEscapes(parser: YamlParser, directive: boolean, startMark: Mark, s: ByteBuffer): boolean {
  let w = 1024;
  while (w > 0) {
    if (!cache(parser, 3)) return false;
    const buf = parser.buffer;
    const pos = parser.bufferPos;
    if (!(buf[pos] === 0x25 && isHex(buf, pos + 1) && isHex(buf, pos + 2))) {
      return setScannerTagError(parser, directive, startMark, 'did not find URI escaped octet');
    }
    const octet = (asHex(buf, pos + 1) << 4) + asHex(buf, pos + 2);
    if (w === 1024) {
      w = width(octet);
      if (w === 0) return setScannerTagError(parser, directive, startMark, 'found an incorrect leading UTF-8 octet');
    } else if ((octet & 0xc0) !== 0x80) {
      return setScannerTagError(parser, directive, startMark, 'found an incorrect trailing UTF-8 octet');
    }
    s.push(octet);
    skip(parser);
    skip(parser);
    skip(parser);
    w--;
  }
  return true;
}
