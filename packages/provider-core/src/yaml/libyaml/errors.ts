/**
 * How go-yaml's reader, scanner and parser record a failure on the parser (readerc.go
 * yaml_parser_set_reader_error, scannerc.go yaml_parser_set_scanner_error and
 * yaml_parser_set_scanner_tag_error, parserc.go yaml_parser_set_parser_error and
 * yaml_parser_set_parser_error_context): they fill the error fields and return false. A Go
 * runtime panic (which the Go program would not survive) is thrown as GoRuntimePanic.
 */
import { copyMark, ErrorType, type Mark, type YamlParser } from './types.js';

/** yaml_parser_set_reader_error */
export function setReaderError(parser: YamlParser, problem: string, offset: number, value: number): false {
  parser.error = ErrorType.READER;
  parser.problem = problem;
  parser.problemOffset = offset;
  parser.problemValue = value;
  return false;
}

/** yaml_parser_set_scanner_error: the problem is at the current position. */
export function setScannerError(parser: YamlParser, context: string, contextMark: Mark, problem: string): false {
  parser.error = ErrorType.SCANNER;
  parser.context = context;
  parser.contextMark = contextMark;
  parser.problem = problem;
  parser.problemMark = copyMark(parser.mark);
  return false;
}

/** yaml_parser_set_scanner_tag_error */
export function setScannerTagError(parser: YamlParser, directive: boolean, contextMark: Mark, problem: string): false {
  const context = directive ? 'while parsing a %TAG directive' : 'while parsing a tag';
  return setScannerError(parser, context, contextMark, problem);
}

/** yaml_parser_set_parser_error */
export function setParserError(parser: YamlParser, problem: string, problemMark: Mark): false {
  parser.error = ErrorType.PARSER;
  parser.problem = problem;
  parser.problemMark = problemMark;
  return false;
}

/** yaml_parser_set_parser_error_context */
export function setParserErrorContext(parser: YamlParser, context: string, contextMark: Mark, problem: string, problemMark: Mark): false {
  parser.error = ErrorType.PARSER;
  parser.context = context;
  parser.contextMark = contextMark;
  parser.problem = problem;
  parser.problemMark = problemMark;
  return false;
}

/** A Go runtime panic (e.g. an index out of range): Go's yaml package does not recover from these. */
export class GoRuntimePanic extends Error {}
