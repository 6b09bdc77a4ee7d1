/**
 * Moving through the working buffer, from go-yaml's scannerc.go: skip, skip_line, read and
 * read_line. Each advances the mark by one character (index and column, or to the next line).
 * `newlines` counts line breaks since the last non-blank character; only yaml.v3 keeps it (its
 * comment scanner reads it), yaml.v2's copies of these functions do not touch it.
 */
import type { ByteBuffer } from './byteBuffer.js';
import { isBlank, isBreak, isCrlf, width } from './chars.js';
import { GoRuntimePanic } from './errors.js';
import type { YamlParser } from './types.js';

/** skip */
export function skip(parser: YamlParser): void {
  if (parser.dialect === 'v3' && !isBlank(parser.buffer, parser.bufferPos)) parser.newlines = 0;
  parser.mark.index++;
  parser.mark.column++;
  parser.unread--;
  parser.bufferPos += width(parser.buffer[parser.bufferPos]!);
}

/** skip_line */
export function skipLine(parser: YamlParser): void {
  const mark = parser.mark;
  if (isCrlf(parser.buffer, parser.bufferPos)) {
    mark.index += 2;
    mark.column = 0;
    mark.line++;
    parser.unread -= 2;
    parser.bufferPos += 2;
    if (parser.dialect === 'v3') parser.newlines++;
  } else if (isBreak(parser.buffer, parser.bufferPos)) {
    mark.index++;
    mark.column = 0;
    mark.line++;
    parser.unread--;
    parser.bufferPos += width(parser.buffer[parser.bufferPos]!);
    if (parser.dialect === 'v3') parser.newlines++;
  }
}

/** read: copy the current character to `s` and advance. */
export function read(parser: YamlParser, s: ByteBuffer): void {
  const buf = parser.buffer;
  const pos = parser.bufferPos;
  if (parser.dialect === 'v3' && !isBlank(buf, pos)) parser.newlines = 0;
  const w = width(buf[pos]!);
  if (w === 0) throw new GoRuntimePanic('invalid character sequence');
  if (w === 1) s.push(buf[pos]!);
  else s.pushRange(buf, pos, pos + w);
  parser.bufferPos += w;
  parser.mark.index++;
  parser.mark.column++;
  parser.unread--;
}

/** read_line: copy a line break to `s` (CR, LF, CRLF and NEL as "\n"; LS and PS as they are) and advance. */
export function readLine(parser: YamlParser, s: ByteBuffer): void {
  const buf = parser.buffer;
  const pos = parser.bufferPos;
  const mark = parser.mark;
  const c = buf[pos];
  if (c === 0x0d && buf[pos + 1] === 0x0a) {
    s.push(0x0a);
    parser.bufferPos += 2;
    mark.index++;
    parser.unread--;
  } else if (c === 0x0d || c === 0x0a) {
    s.push(0x0a);
    parser.bufferPos += 1;
  } else if (c === 0xc2 && buf[pos + 1] === 0x85) {
    s.push(0x0a);
    parser.bufferPos += 2;
  } else if (c === 0xe2 && buf[pos + 1] === 0x80 && (buf[pos + 2] === 0xa8 || buf[pos + 2] === 0xa9)) {
    s.pushRange(buf, pos, pos + 3);
    parser.bufferPos += 3;
  } else {
    return;
  }
  mark.index++;
  mark.column = 0;
  mark.line++;
  parser.unread--;
  if (parser.dialect === 'v3') parser.newlines++;
}
