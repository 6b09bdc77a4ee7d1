/**
 * rke2-edge's own limit on YAML nesting (LIMITS.yamlDepth), which is NOT the device's: go-yaml's
 * scanner (scannerc.go, max_flow_level and max_indents) refuses only past 10,000 levels, but this
 * port and the code after it (decoders, JSON, jq, lint) walk the nodes recursively and would run
 * out of JavaScript stack first. The composer (libyaml/composer.ts) stops a deeper document with
 * YamlTooDeep, counting the levels an alias repeats.
 */
import { LIMITS } from '../limits.js';

/** `<what> is nested more than 1,000 levels deep (line N), …`: worded as a limit of this tool, not as the device's answer. */
export function tooDeepMessage(what: string, line: number): string {
  return (
    `${what} is nested more than ${LIMITS.yamlDepth.toLocaleString('en-US')} levels deep (line ${line}), more than rke2-edge reads; ` +
    `the device's YAML reader accepts up to 10,000 levels, so what the device does with it was not checked`
  );
}

/** Thrown while reading a YAML document nested deeper than LIMITS.yamlDepth. */
export class YamlTooDeep extends Error {
  constructor(
    /** Where the first level past the limit starts (1-based, in the text that was read). */
    readonly line: number,
    readonly column: number,
  ) {
    super(tooDeepMessage('the YAML', line));
  }
}
