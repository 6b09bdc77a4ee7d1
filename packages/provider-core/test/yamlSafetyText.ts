import { registryConfig } from './siteFixtures.js';
/**
 * Text generators for the YAML safety tests: any Unicode, biased towards what libyaml (yaml.v2 and
 * yaml.v3, the device's readers) refuses or reads differently: C0 and C1 controls, DEL, NEL, U+2028,
 * U+2029, U+FEFF, U+FFFE/U+FFFF, CR and CRLF, tabs, leading and trailing blanks and line breaks, and
 * words YAML would type (`yes`, `0644`, `~`, `- a`, `#x`, `&a`, `!!str`, `%`, `---`).
 */
import fc from 'fast-check';
import { createSite } from '../src/site/createSite.js';
import type { Site } from '../src/site/siteSchema.js';
import type { GoObject, GoValue } from '../src/yaml/goJson.js';
import { renderYamlForGo } from '../src/yaml/renderYamlForGo.js';

/** Characters libyaml refuses raw, reads as line breaks, or treats specially. */
export const HOSTILE_CHARACTERS = [
  '\0',
  '\x01',
  '\x07',
  '\b',
  '\t',
  '\n',
  '\v',
  '\f',
  '\r',
  '\r\n',
  '\x1b',
  '\x1f',
  '\x7f',
  '\x80',
  '\x85',
  '\x9f',
  '\xa0',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\ufffe',
  '\uffff',
  '\ue000',
  '\ufffd',
  '\u{10ffff}',
  '\u{1f511}',
  '\u{1f1e9}\u{1f1ea}',
  '\u202e',
  '\u200b',
  ' ',
  '  ',
  '"',
  "'",
  '\\',
  '#',
  ':',
  ': ',
  ' #',
  '-',
  '&',
  '*',
  '!',
  '%',
  '@',
  '`',
  '|',
  '>',
  '{',
  '}',
  '[',
  ']',
  ',',
  '?',
] as const;

/** Whole strings YAML 1.1 or 1.2 would read as something else, or that start a YAML construct. */
export const YAML_WORDS = [
  '',
  'yes',
  'No',
  'on',
  'OFF',
  'y',
  'n',
  '~',
  'null',
  'Null',
  'true',
  'False',
  '0644',
  '0755',
  '08',
  '0x1F',
  '0o17',
  '0b101',
  '1_000',
  '1e3',
  '.5',
  '.inf',
  '-.Inf',
  '.nan',
  '+12',
  '12:30',
  '190:20:30',
  '2024-01-15',
  '2001-12-14t21:59:43.10-05:00',
  '<<',
  '=',
  '- a',
  '-',
  '? x',
  'a: b',
  '#x',
  ': ',
  '&a',
  '*a',
  '!!str',
  '!!binary',
  '!tag',
  '%YAML 1.2',
  '%',
  '---',
  '...',
  '--- x',
  '|',
  '>-',
  '{}',
  '[]',
  '{a: 1}',
  '"q"',
  "'q'",
] as const;

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_CHARACTERS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 4 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom(...YAML_WORDS) },
  { weight: 1, arbitrary: fc.constantFrom('\n', '\n\n', '  \n', ' \n ', '\t\n', '\n\t', '\r\n', '\n  ', '\u2028', '\u0085 ') },
);

/** Any Unicode text (no lone surrogates), mostly short, often hostile. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(...YAML_WORDS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 4, arbitrary: fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join('')) },
);

/** A lone UTF-16 surrogate somewhere in otherwise ordinary text. */
export const textWithLoneSurrogate: fc.Arbitrary<string> = fc
  .tuple(hostileText, fc.integer({ min: 0xd800, max: 0xdfff }), hostileText)
  .map(([a, unit, b]) => `${a}${String.fromCharCode(unit)}${b}`)
  // A high surrogate right before a low one (or the reverse at the seam) would make a pair.
  .filter((t) => /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(t));

/** Maps, lists and `leaf` values, nested a few levels, with `key` as map keys. */
export function goTree(leaf: fc.Arbitrary<GoValue>, key: fc.Arbitrary<string>): fc.Arbitrary<GoValue> {
  return fc.letrec<{ value: GoValue }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map((entries) => new Map(entries)),
    ),
  })).value;
}

/** Only strings, lists and maps: what yaml.v3 reads into interface{} without typing anything. */
const textTree: fc.Arbitrary<GoValue> = goTree(hostileText, hostileText);
export const textObject: fc.Arbitrary<GoObject> = fc
  .array(fc.tuple(hostileText, textTree), { maxLength: 6 })
  .map((entries) => new Map(entries));

/** Every free-text field of a site that reaches a node's user-data, hostile. */
export const hostileSiteText = fc.record({
  token: hostileText,
  host: hostileText,
  tlsSan: hostileText,
  httpProxy: hostileText,
  httpsProxy: hostileText,
  noProxy: hostileText,
  hostname: hostileText,
  userName: hostileText,
  sshKey: hostileText,
  passwordHash: hostileText,
  device: hostileText,
  importLocalImages: fc.boolean(),
  imagesPath: hostileText,
  systemDefaultRegistry: hostileText,
  registry: hostileText,
  endpoint: hostileText,
  password: hostileText,
  labels: fc.array(hostileText, { maxLength: 3 }),
  taints: fc.array(hostileText, { maxLength: 3 }),
  extra: textObject,
  nodeExtra: textObject,
});
export type HostileSiteText = typeof hostileSiteText extends fc.Arbitrary<infer T> ? T : never;

/** An init node carrying the hostile node fields, and a plain worker. */
export function hostileSite(t: HostileSiteText, address = '192.168.1.10/24'): Site {
  return createSite({
    name: 'hostile',
    cluster: { token: t.token, controlPlaneHost: t.host, tlsSans: [t.tlsSan] },
    proxy: { httpProxy: t.httpProxy, httpsProxy: t.httpsProxy, noProxy: t.noProxy },
    airGap: {
      imageSource: t.importLocalImages ? 'archives' : 'internet',
      imagesPath: t.imagesPath,
      imageArchives: [],
      systemDefaultRegistry: t.systemDefaultRegistry,
      mirrors: [{ registry: t.registry, endpoints: [t.endpoint], rewrites: {} }],
      registryConfigs: [registryConfig({ host: t.registry, username: t.userName, password: t.password })],
    },
    extraConfig: renderYamlForGo(t.extra),
    os: {
      user: { name: t.userName, sshAuthorizedKeys: [t.sshKey], passwordHash: t.passwordHash },
      install: { device: t.device, after: 'reboot' },
    },
    nodes: [
      {
        name: 'cp-1',
        role: 'init',
        address,
        hostname: t.hostname,
        setNodeIp: false,
        labels: t.labels,
        taints: t.taints,
        extraConfig: renderYamlForGo(t.nodeExtra),
      },
      { name: 'wk-1', role: 'worker', address, hostname: '', setNodeIp: false, labels: [], taints: [], extraConfig: '' },
    ],
  });
}
