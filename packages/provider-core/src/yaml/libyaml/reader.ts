/**
 * go-yaml's readerc.go (identical in yaml.v2 and yaml.v3) with apic.go's string read handler:
 * the input is copied into a 512-byte raw buffer, and each raw chunk is decoded and checked
 * character by character into the 1,536-byte working buffer only when the scanner asks for more
 * characters than are left. So a bad character ("control characters are not allowed") is only
 * noticed when its chunk is decoded, and an earlier syntax error wins.
 *
 * The input is always the UTF-8 of a JavaScript string (TextEncoder), which can never begin with
 * a UTF-16 byte order mark (0xFF and 0xFE are not UTF-8 octets): the UTF-16 branches of Go's
 * reader are therefore not ported; the UTF-8 checks are kept in full.
 */
import { GoRuntimePanic, setReaderError } from './errors.js';
import { INPUT_BUFFER_SIZE, INPUT_RAW_BUFFER_SIZE, type YamlParser } from './types.js';

/** yaml_string_read_handler: copy as much input as fits; 0 bytes once the input is used up (io.EOF). */
function stringReadHandler(parser: YamlParser, start: number, end: number): number {
  const n = Math.min(end - start, parser.input.length - parser.inputPos);
  parser.rawBuffer.set(parser.input.subarray(parser.inputPos, parser.inputPos + n), start);
  parser.inputPos += n;
  return n;
}

/** yaml_parser_determine_encoding (UTF-8 only, see the header): skips a UTF-8 BOM. */
function determineEncoding(parser: YamlParser): boolean {
  while (!parser.eof && parser.rawBufferLen - parser.rawBufferPos < 3) {
    if (!updateRawBuffer(parser)) return false;
  }
  const buf = parser.rawBuffer;
  const pos = parser.rawBufferPos;
  if (parser.rawBufferLen - pos >= 3 && buf[pos] === 0xef && buf[pos + 1] === 0xbb && buf[pos + 2] === 0xbf) {
    parser.rawBufferPos += 3;
    parser.offset += 3;
  }
  parser.encodingKnown = true;
  return true;
}

/** yaml_parser_update_raw_buffer */
function updateRawBuffer(parser: YamlParser): boolean {
  if (parser.rawBufferPos === 0 && parser.rawBufferLen === INPUT_RAW_BUFFER_SIZE) return true;
  if (parser.eof) return true;
  if (parser.rawBufferPos > 0 && parser.rawBufferPos < parser.rawBufferLen) {
    parser.rawBuffer.copyWithin(0, parser.rawBufferPos, parser.rawBufferLen);
  }
  parser.rawBufferLen -= parser.rawBufferPos;
  parser.rawBufferPos = 0;
  if (parser.inputPos === parser.input.length) {
    parser.eof = true;
    return true;
  }
  parser.rawBufferLen += stringReadHandler(parser, parser.rawBufferLen, INPUT_RAW_BUFFER_SIZE);
  return true;
}

function readerError(parser: YamlParser, problem: string, offset: number, value: number): -1 {
  setReaderError(parser, problem, offset, value);
  return -1;
}

/** The printable-character test at the end of Go's decoding loop. */
function isAllowedCharacter(value: number): boolean {
  return (
    value === 0x09 ||
    value === 0x0a ||
    value === 0x0d ||
    (value >= 0x20 && value <= 0x7e) ||
    value === 0x85 ||
    (value >= 0xa0 && value <= 0xd7ff) ||
    (value >= 0xe000 && value <= 0xfffd) ||
    (value >= 0x10000 && value <= 0x10ffff)
  );
}

/**
 * Decodes one UTF-8 character at the raw buffer position into the working buffer. Returns 1 when
 * done, 0 when the character is incomplete and more raw input is needed (`break inner`), -1 on error.
 */
function decodeOne(parser: YamlParser, bufferLen: number): number {
  const raw = parser.rawBuffer;
  const pos = parser.rawBufferPos;
  const rawUnread = parser.rawBufferLen - pos;
  let octet = raw[pos]!;
  let width: number;
  let value: number;
  if ((octet & 0x80) === 0x00) {
    width = 1;
    value = octet & 0x7f;
  } else if ((octet & 0xe0) === 0xc0) {
    width = 2;
    value = octet & 0x1f;
  } else if ((octet & 0xf0) === 0xe0) {
    width = 3;
    value = octet & 0x0f;
  } else if ((octet & 0xf8) === 0xf0) {
    width = 4;
    value = octet & 0x07;
  } else {
    return readerError(parser, 'invalid leading UTF-8 octet', parser.offset, octet);
  }
  if (width > rawUnread) {
    if (parser.eof) return readerError(parser, 'incomplete UTF-8 octet sequence', parser.offset, -1);
    return 0;
  }
  for (let k = 1; k < width; k++) {
    octet = raw[pos + k]!;
    if ((octet & 0xc0) !== 0x80) {
      return readerError(parser, 'invalid trailing UTF-8 octet', parser.offset + k, octet);
    }
    value = (value << 6) + (octet & 0x3f);
  }
  if (!(width === 1 || (width === 2 && value >= 0x80) || (width === 3 && value >= 0x800) || (width === 4 && value >= 0x10000))) {
    return readerError(parser, 'invalid length of a UTF-8 sequence', parser.offset, -1);
  }
  if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) {
    return readerError(parser, 'invalid Unicode character', parser.offset, value);
  }
  if (!isAllowedCharacter(value)) {
    return readerError(parser, 'control characters are not allowed', parser.offset, value);
  }
  if (bufferLen + width > INPUT_BUFFER_SIZE) {
    throw new GoRuntimePanic(`runtime error: index out of range [${INPUT_BUFFER_SIZE}] with length ${INPUT_BUFFER_SIZE}`);
  }
  // The character is valid UTF-8 already: Go re-encodes it to the very same bytes.
  const buffer = parser.buffer;
  for (let k = 0; k < width; k++) buffer[bufferLen + k] = raw[pos + k]!;
  parser.rawBufferPos += width;
  parser.offset += width;
  parser.unread++;
  return 1;
}

/**
 * A fast path of the decoding loop with the same result: printable ASCII, tab, LF and CR are
 * checked and copied without the general UTF-8 decoding. Returns the new buffer length.
 */
function copyAsciiRun(parser: YamlParser, bufferLenIn: number): number {
  const raw = parser.rawBuffer;
  const buffer = parser.buffer;
  const end = parser.rawBufferLen;
  let pos = parser.rawBufferPos;
  let bufferLen = bufferLenIn;
  while (pos < end) {
    const octet = raw[pos]!;
    if (!((octet >= 0x20 && octet <= 0x7e) || octet === 0x0a || octet === 0x09 || octet === 0x0d)) break;
    if (bufferLen >= INPUT_BUFFER_SIZE) {
      throw new GoRuntimePanic(`runtime error: index out of range [${bufferLen}] with length ${INPUT_BUFFER_SIZE}`);
    }
    buffer[bufferLen++] = octet;
    pos++;
  }
  const n = pos - parser.rawBufferPos;
  parser.rawBufferPos = pos;
  parser.offset += n;
  parser.unread += n;
  return bufferLen;
}

/**
 * yaml_parser_update_buffer: make sure `length` characters (or the end of input, marked by NUL
 * bytes) are decoded in the working buffer. On a decoding error Go leaves the buffer's length at
 * its capacity, which matters when scanning goes on after a swallowed reader error (v3's comment
 * look-ahead); that is kept.
 */
export function updateBuffer(parser: YamlParser, length: number): boolean {
  if (parser.unread >= length) return true;
  if (!parser.encodingKnown && !determineEncoding(parser)) return false;

  let bufferLen = parser.bufferLen;
  if (parser.bufferPos > 0 && parser.bufferPos < bufferLen) {
    parser.buffer.copyWithin(0, parser.bufferPos, bufferLen);
    bufferLen -= parser.bufferPos;
    parser.bufferPos = 0;
  } else if (parser.bufferPos === bufferLen) {
    bufferLen = 0;
    parser.bufferPos = 0;
  }
  parser.bufferLen = INPUT_BUFFER_SIZE;

  let first = true;
  while (parser.unread < length) {
    if (!first || parser.rawBufferPos === parser.rawBufferLen) {
      if (!updateRawBuffer(parser)) {
        parser.bufferLen = bufferLen;
        return false;
      }
    }
    first = false;
    while (parser.rawBufferPos !== parser.rawBufferLen) {
      bufferLen = copyAsciiRun(parser, bufferLen);
      if (parser.rawBufferPos === parser.rawBufferLen) break;
      const before = parser.rawBufferPos;
      const done = decodeOne(parser, bufferLen);
      if (done < 0) return false;
      if (done === 0) break;
      bufferLen += parser.rawBufferPos - before;
    }
    if (parser.eof) {
      if (bufferLen >= INPUT_BUFFER_SIZE) {
        throw new GoRuntimePanic(`runtime error: index out of range [${bufferLen}] with length ${INPUT_BUFFER_SIZE}`);
      }
      parser.buffer[bufferLen++] = 0;
      parser.unread++;
      break;
    }
  }
  while (bufferLen < length) parser.buffer[bufferLen++] = 0;
  parser.bufferLen = bufferLen;
  return true;
}

/** cache(): `parser.unread >= length || yaml_parser_update_buffer(parser, length)`. */
export function cache(parser: YamlParser, length: number): boolean {
  return parser.unread >= length || updateBuffer(parser, length);
}
