/** Text generators for property tests: any text, plus the strings YAML and shells love to misread. */
import fc from 'fast-check';

// U+0085, U+2028 and U+2029 are line breaks to libyaml (YAML 1.1) but not to the YAML 1.2 reader
// we use, so strings holding them are a documented limit of the port (README, "Known limits").
const anyText = fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !/[\u0085\u2028\u2029]/.test(s));

export const nastyText = fc.oneof(
  anyText,
  fc.constantFrom(
    '',
    'yes',
    'off',
    'Y',
    '~',
    'null',
    '0755',
    '0644',
    '08',
    '0x1F',
    '0o17',
    '1_000',
    '1e3',
    '.5',
    '+12',
    '12:30',
    '2024-01-15',
    '<<',
    '- a',
    'a: b',
    '#x',
    "it's",
    ' lead',
    'trail ',
    'a\tb',
    'line\nbreak',
    'cr\rhere',
    '🔑',
    '\ufeff',
    'constructor',
    '__proto__',
    '{{ .MachineID }}',
    '*',
    '&a',
    '!tag',
    '%x',
    '@x',
    '`x',
  ),
);
