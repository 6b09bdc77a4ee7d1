/**
 * The port against the fuzzing corpus (../shared/oracle-fuzz, test/fuzzCases.ts): every
 * cloud-config the real provider refused with a YAML read error gets Go's very words, and every
 * one it read (whatever happened next) is read. Skipped when the corpus is not there.
 */
import { describe, expect, it } from 'vitest';
import { loadFuzzCases, loadFuzzExamples } from '../../../test/fuzzCases.js';
import { readYamlDocument } from '../readYamlDocument.js';

const PREFIX = 'failed to parse config from boot event: yaml: ';
const cases = [...loadFuzzCases(), ...loadFuzzExamples()].filter((c) => c.real.kind !== 'write-error');
const readErrors = cases.filter((c) => c.real.error?.startsWith(PREFIX) && !c.real.error.startsWith(`${PREFIX}unmarshal errors:`));
const accepted = cases.filter((c) => c.real.kind !== 'sdk-error');

describe.skipIf(cases.length === 0)('the fuzzing corpus through readYamlDocument (v3)', () => {
  it(`gives Go's read error for the ${readErrors.length} inputs Go cannot read`, () => {
    expect(readErrors.length).toBeGreaterThan(100);
    const wrong = readErrors.flatMap((c) => {
      const read = readYamlDocument(c.input, 'v3');
      const said = read.ok ? 'read' : PREFIX + read.error.message;
      return said === c.real.error ? [] : [{ id: c.id, real: c.real.error, port: said }];
    });
    expect(wrong).toEqual([]);
  });

  it(`reads the ${accepted.length} inputs Go read`, () => {
    const wrong = accepted.flatMap((c) => {
      const read = readYamlDocument(c.input, 'v3');
      return read.ok ? [] : [{ id: c.id, port: read.error.message }];
    });
    expect(wrong).toEqual([]);
  });
});
