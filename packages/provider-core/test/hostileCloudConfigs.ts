/**
 * A fast-check generator of hostile Kairos cloud-configs, written as an attacker of a YAML scanner
 * would (unlike the oracle-fuzz corpus' generator, which varies field values): anchors and
 * aliases in odd places (alias keys, merges of aliases, self-references, aliases to nulls), every
 * kind of tag and directive, nested and unclosed flow collections, multi-line plain and quoted
 * scalars, block scalars with indentation indicators and chomping (also at document end),
 * document markers, BOMs, tabs and exotic line ends anywhere, keys around libyaml's 1,024-character
 * simple-key limit, deep nesting, duplicate keys of different styles, YAML 1.1/1.2 words, and
 * comments everywhere. Both the SDK's yaml.v3 view of the whole document and the user `config:`
 * (read by yaml.v2 through sigs.k8s.io/yaml) get them.
 *
 * Inputs never name `cluster_config_path` (where that file goes depends on the device's disk).
 */
import fc from 'fast-check';

/** A YAML node as text to place after `key:` or `-`, at an indentation the renderer chooses. */
type Node =
  | { t: 'inline'; text: string }
  | { t: 'block'; header: string; lines: string[] }
  | { t: 'map'; entries: [string, Node][] }
  | { t: 'seq'; items: Node[] }
  | { t: 'prefixed'; prefix: string; node: Node };

const inline = (text: string): Node => ({ t: 'inline', text });

/** Characters a scanner trips on. */
const HOSTILE_CHARS = [
  '\t',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\ue000',
  '\u{1f600}',
  'é',
  '\r',
  '#',
  ' #',
  ': ',
  ':',
  ',',
  '[',
  ']',
  '{',
  '}',
  '&',
  '*',
  '!',
  '|',
  '>',
  '%',
  '@',
  '`',
  '"',
  "'",
  '\\',
  '?',
  '-',
  '- ',
  ' ',
  '  ',
];

/** Words YAML 1.1 (yaml.v2) and YAML 1.2-ish (yaml.v3) read differently, and number edge cases. */
const WORDS = [
  'yes',
  'No',
  'ON',
  'off',
  'y',
  'n',
  'Y',
  'N',
  '~',
  'null',
  'NULL',
  'Null',
  'nULL',
  'true',
  'True',
  'FALSE',
  'tRUE',
  '0o17',
  '017',
  '0x1F',
  '0X1f',
  '0b101',
  '0B1',
  '1_000',
  '0_7',
  '-1_0',
  '+12',
  '-0',
  '+0',
  '.inf',
  '-.Inf',
  '+.INF',
  '.NaN',
  '.nan',
  '1e3',
  '1E3',
  '1.5E+3',
  '1e+03',
  '1.',
  '.5',
  '+.5',
  '-.5e-2',
  '1.0e',
  '0x',
  '0b2',
  '08',
  '0o8',
  '0777',
  '+0x10',
  '-0x10',
  '12:30:45',
  '190:20:30.15',
  '-1:30',
  '2001-12-14',
  '2001-12-14t21:59:43.10-05:00',
  '2001-12-14 21:59:43.10 -5',
  '2002-1-1',
  '=',
  '<<',
  '-',
  '?',
  '::',
  '1:2',
  'a:b',
  'a#b',
  '9223372036854775807',
  '9223372036854775808',
  '-9223372036854775809',
  '18446744073709551616',
  '1e400',
  '4.9e-324',
  '1e-400',
  '0.1',
  '3.40282346638528859811704183484516925440e+38',
  '123456789012345678901234567890',
  '0x8000000000000000',
  '-0x8000000000000000',
  '0b' + '1'.repeat(64),
  '1_',
  '_1',
  '0.0',
  '-0.0',
  '10.42.0.0/16',
  '10.43.0.0/16',
];

const LONG = [1020, 1021, 1022, 1023, 1024, 1025, 1026, 1030];

/** A text mutation at a position chosen by `at` (0..1). */
type Mutation = {
  kind: 'all-line-ends' | 'one-line-end' | 'insert' | 'insert-line' | 'delete' | 'duplicate-line';
  text: string;
  at: number;
};

/** Renders a node after `key:` or `-`: a leading space or line break, its text, and a final line break. */
function render(n: Node, indent: string, step: string, compact: boolean): string {
  switch (n.t) {
    case 'inline':
      return ` ${n.text.replace(/\n/g, `\n${indent}`)}\n`;
    case 'block':
      // `N` in a header is the indentation indicator that fits the rendered block.
      return ` ${n.header.replace('N', String(step.length))}\n${n.lines.map((l) => (l === '' ? '' : `${indent}${l}`)).join('\n')}${n.lines.length > 0 ? '\n' : ''}`;
    case 'prefixed':
      return ` ${n.prefix}${render(n.node, indent, step, false)}`;
    case 'map': {
      if (n.entries.length === 0) return ' {}\n';
      const lines = n.entries.map(([k, v]) => entry(k, v, indent, step));
      if (compact) return ` ${lines.map((l, i) => (i === 0 ? l : indent + l)).join('')}`;
      return `\n${lines.map((l) => indent + l).join('')}`;
    }
    case 'seq': {
      if (n.items.length === 0) return ' []\n';
      return `\n${n.items.map((item) => `${indent}-${render(item, indent + step, step, true)}`).join('')}`;
    }
  }
}

/** `key: value` without its first indentation; an explicit `? key` puts its `:` on the next line. */
function entry(key: string, value: Node, indent: string, step: string): string {
  const k = key.replace(/\n/g, `\n${indent}`);
  return `${key.startsWith('? ') ? `${k}\n${indent}` : k}:${render(value, indent + step, step, false)}`;
}

function renderEntries(entries: [string, Node][], indent: string, step: string): string {
  return entries.map(([k, v]) => indent + entry(k, v, indent, step)).join('');
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function mutate(text: string, m: Mutation): string {
  const pos = Math.floor(m.at * text.length);
  const starts = lineStarts(text);
  const line = starts[Math.floor(m.at * starts.length)] ?? 0;
  switch (m.kind) {
    case 'all-line-ends':
      return text.replace(/\n/g, m.text);
    case 'one-line-end': {
      const nl = text.indexOf('\n', pos);
      return nl < 0 ? text : text.slice(0, nl) + m.text + text.slice(nl + 1);
    }
    case 'insert':
      return text.slice(0, pos) + m.text + text.slice(pos);
    case 'insert-line':
      return `${text.slice(0, line)}${m.text}\n${text.slice(line)}`;
    case 'delete':
      return text.slice(0, pos) + text.slice(pos + 1);
    case 'duplicate-line': {
      const end = text.indexOf('\n', line);
      const l = text.slice(line, end < 0 ? text.length : end + 1);
      return text.slice(0, line) + l + text.slice(line);
    }
  }
}

/** The generator; `wild` documents break more (most fail to parse), mild ones mostly reach the provider. */
function cloudConfigs(wild: boolean): fc.Arbitrary<string> {
  /** A weight that depends on the mood. */
  const ww = (wildWeight: number, mildWeight: number) => (wild ? wildWeight : mildWeight);
  const word = fc.constantFrom(...WORDS);
  /** Raw C0/C1 controls make yaml.v3 refuse the whole document, so they are rare here (the oracle-fuzz corpus has many). */
  const hostileChar = wild
    ? fc.oneof(
        { weight: 150, arbitrary: fc.constantFrom(...HOSTILE_CHARS) },
        fc.constantFrom('\u0000', '\u0007', '\u001b', '\u007f', '\u0086', '\ufffe'),
      )
    : fc.constantFrom('\t', '\u00a0', '\ue000', '\u{1f600}', 'é', '#', '-', '.', '/', '@', '`', '%', '?', '!', '&', '*', '|', '>');
  const letters = fc.constantFrom('a', 'b', 'x', 'k-1', 'v.2', 'Z', '_', 'cidr', 'é');

  /** Plain-ish text mixing letters, words and hostile characters. */
  const mixed = fc
    .tuple(
      wild ? fc.oneof(letters, hostileChar, word) : letters,
      fc.array(fc.oneof({ weight: 3, arbitrary: letters }, { weight: 2, arbitrary: hostileChar }, { weight: 1, arbitrary: word }), {
        maxLength: 5,
      }),
    )
    .map(([first, parts]) => first + parts.join(''));

  const longText = fc
    .tuple(fc.constantFrom(...LONG), fc.constantFrom('k', 'é', '\u{1f600}', 'a b', 'x\t'), fc.constantFrom('', ':', '"', '\u2028'))
    .map(([n, unit, tail]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n) + tail);

  const DQ_ESCAPES_ALL = [
    '\\x41',
    '\\u2028',
    '\\U0001F600',
    '\\N',
    '\\_',
    '\\L',
    '\\P',
    '\\0',
    '\\e',
    '\\/',
    '\\ ',
    '\\t',
    '\\\t',
    '\t',
    '\\\\',
    '\\"',
    '\\q',
    '\\x4',
    '\\uD800',
    '\\U00110000',
    '\\a',
    '\\b',
    '\\v',
    '\\f',
    '\\r',
    '\\n',
    "'",
    '#',
    ' # ',
    '\\\n ',
    '\n',
    '\n\n',
    '\n  x',
    '\n\t',
    '\u2028',
  ];
  /** yaml.v3 refuses these escapes: only wild documents have them. */
  const DQ_ESCAPES = DQ_ESCAPES_ALL.filter((e) => wild || !['\\q', '\\x4', '\\uD800', '\\U00110000', '\\/'].includes(e));
  const SQ_PARTS = ["''", "'' ", '\n', '\n\n ', ' \n', '"', '\\', '\t', '#', ' # ', 'a', '\u0085', ...(wild ? ["'"] : [])];

  const doubleQuoted = fc
    .tuple(fc.array(fc.oneof(fc.constantFrom(...DQ_ESCAPES), mixed), { maxLength: 5 }), fc.constantFrom('"', '"', '"', wild ? '' : '"'))
    .map(([parts, close]) => `"${parts.join('')}${close}`);
  const singleQuoted = fc
    .tuple(fc.array(fc.oneof(fc.constantFrom(...SQ_PARTS), mixed), { maxLength: 5 }), fc.constantFrom("'", "'", "'", wild ? '' : "'"))
    .map(([parts, close]) => `'${parts.join('')}${close}`);

  const TAGS = [
    '!!str',
    '!!int',
    '!!float',
    '!!bool',
    '!!null',
    '!!binary',
    '!!timestamp',
    '!!map',
    '!!seq',
    '!!merge',
    '!!omap',
    '!!set',
    '!foo',
    '!',
    '!<tag:yaml.org,2002:str>',
    '!<tag:yaml.org,2002:int>',
    '!<!bar>',
    '!e!x',
    '!!',
    '!<>',
    '!<tag:yaml.org,2002:binary>',
    '!%21',
    '!!str%20',
  ];
  const tag = fc.constantFrom(...TAGS.filter((t) => wild || !['!e!x', '!!', '!<>', '!%21', '!!str%20'].includes(t)));
  /** Anchors the preludes define (`*a:` and `*x,y` are aliases named `a:` and `x,y`, which nothing defines). */
  const ANCHORS = ['a', 'b', 'c', 'n', 'k', 'x', '1'];
  const anchorName = fc.oneof({ weight: 20, arbitrary: fc.constantFrom(...ANCHORS) }, fc.constantFrom('a:', 'x,y', 'undefined', 'é'));

  const BASE64 = ['aGVsbG8=', 'aGVsbG8', '', 'AAEC/w==', '!!!', 'aGVs\n bG8=', 'w4k=', '8J+YgA=='];

  /** Text that stands after `key: ` on one line (or spills onto continuation lines). */
  const anyScalar: fc.Arbitrary<string> = fc.oneof(
    { weight: 4, arbitrary: word },
    { weight: 4, arbitrary: mixed },
    { weight: 2, arbitrary: doubleQuoted },
    { weight: 2, arbitrary: singleQuoted },
    { weight: 2, arbitrary: fc.tuple(tag, fc.oneof(word, mixed, doubleQuoted, fc.constantFrom(...BASE64))).map(([t, v]) => `${t} ${v}`) },
    { weight: 1, arbitrary: fc.tuple(anchorName, fc.oneof(word, mixed, fc.constant(''))).map(([a, v]) => `&${a} ${v}`) },
    { weight: 2, arbitrary: anchorName.map((a) => `*${a}`) },
    { weight: 1, arbitrary: longText },
    // Multi-line plain scalars: the continuation is indented by the renderer (see renderInline).
    {
      weight: 1,
      arbitrary: fc
        .tuple(word, wild ? fc.constantFrom('\n', '\n\n', '\n\t', '\n #c\n') : fc.constantFrom('\n', '\n\n', '\n\t'), mixed)
        .map(([a, br, b]) => `${a}${br}${b}`),
    },
    { weight: ww(1, 0), arbitrary: fc.constantFrom('', ' ', '#c', '- a', '? a', ': b', '---', '...', '%x', '@x', '`x', '|x', '>x') },
  );

  /** Scalars that read fine on their own (mild documents get one of anyScalar now and then). */
  const safeScalar = fc.oneof(
    { weight: 4, arbitrary: word },
    { weight: 3, arbitrary: mixed },
    { weight: 3, arbitrary: doubleQuoted },
    { weight: 1, arbitrary: singleQuoted },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('!!str', '!', '!foo', '!<tag:yaml.org,2002:str>'), fc.oneof(word, mixed))
        .map(([t, v]) => `${t} ${v}`),
    },
    { weight: 1, arbitrary: fc.constantFrom('*a', '*b', '*n', '*1', '&a x') },
  );
  const scalarText = wild ? anyScalar : fc.oneof({ weight: 40, arbitrary: safeScalar }, { weight: 1, arbitrary: anyScalar });

  /** Flow collections, nested, with odd entries; sometimes unclosed or spread over lines. */
  const flowText: fc.Arbitrary<string> = fc.letrec<{ flow: string }>((tie) => ({
    flow: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.oneof(
        word,
        doubleQuoted,
        singleQuoted,
        anchorName.map((a) => `*${a}`),
        fc.constantFrom(...(wild ? ['', '? ', ': v', '-', '- a'] : ['? k', '-1', '"k": v'])),
      ),
      fc
        .tuple(
          fc.array(tie('flow'), { maxLength: 4 }),
          fc.constantFrom(...(wild ? [', ', ',', ',\n', ' ,', ',,', ', #c\n'] : [', ', ',', ',\n', ' ,', ', #c\n'])),
          wild ? fc.constantFrom(']', ']', '', ',]', '}') : fc.constant(']'),
        )
        .map(([items, sep, close]) => `[${items.join(sep)}${close}`),
      fc
        .tuple(
          fc.array(
            fc.tuple(
              fc.oneof(word, doubleQuoted, tie('flow')),
              fc.constantFrom(...(wild ? [': ', ':', ' : ', '', ':\n'] : [': ', ' : ', ':\n'])),
            ),
            {
              maxLength: 4,
            },
          ),
          fc.array(tie('flow'), { maxLength: 4 }),
          wild ? fc.constantFrom('}', '}', '', ',}', ']') : fc.constant('}'),
        )
        .map(([keys, values, close]) => `{${keys.map(([k, sep], i) => `${k}${sep}${values[i] ?? ''}`).join(', ')}${close}`),
      fc
        .tuple(
          fc.oneof(
            tag,
            anchorName.map((a) => `&${a}`),
          ),
          wild ? tie('flow') : tie('flow').filter((f) => /^[[{]/.test(f)),
        )
        .map(([p, f]) => `${p} ${f}`),
    ),
  })).flow;

  const BLOCK_HEADERS = ['|', '>', '|-', '|+', '>-', '>+', '|2', '>1', '|1-', '>2+', '|+2', '|0', '|10', '| #c', '|-\t', '|x', '>-1'];
  const BLOCK_LINES = ['a', 'b c', '  more', ' one', '\tx', '', '', '#c', 'k: v', '- i', '"q"', '\u2028', 'x\u0085y', ' ', '  ', 'a\t'];

  const blockScalar = fc
    .tuple(
      fc.constantFrom(
        ...(wild ? BLOCK_HEADERS : BLOCK_HEADERS.filter((h) => !['|0', '|10', '|x'].includes(h)).map((h) => h.replace(/\d/, 'N'))),
      ),
      fc.array(fc.oneof(fc.constantFrom(...BLOCK_LINES), mixed), { maxLength: 5 }),
    )
    .map(([header, lines]): Node => ({ t: 'block', header, lines }));

  /** Keys: the same key in several styles, keys that become one JSON key, aliases, complex and long keys. */
  const anyKey: fc.Arbitrary<string> = fc.oneof(
    {
      weight: ww(4, 20),
      arbitrary: fc.constantFrom('a', '"a"', "'a'", 'b', '1', '"1"', "'1'", '01', '1.0', '0x1', 'true', 'yes', '"true"', 'on', 'y'),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom('~', 'null', '""', "''", '<<', '"<<"', '!!merge <<', '!!str 1', '!!int 1', '!!null ~', '!!binary aGk='),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '? a',
        '? [a, b]',
        '? {a: b}',
        '[a, b]',
        '{a: b}',
        '*a ',
        '*k ',
        '*n ',
        '&k key',
        '&a a',
        '- a',
        '? |\n  x',
      ),
    },
    { weight: 3, arbitrary: mixed },
    { weight: 1, arbitrary: longText },
    { weight: ww(1, 4), arbitrary: doubleQuoted },
  );
  const keyText = wild
    ? anyKey
    : fc.oneof(
        {
          weight: 40,
          arbitrary: fc.oneof(fc.constantFrom('a', '"a"', "'a'", '1', '"1"', 'true', '"true"', 'yes', 'k-1', 'x y', '~'), letters),
        },
        { weight: 1, arbitrary: anyKey },
      );

  /** Any value node: scalars, blocks, flow, block collections, with anchors or tags before collections. */
  const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 5, arbitrary: scalarText.map(inline) },
      { weight: ww(2, 1), arbitrary: flowText.map(inline) },
      { weight: 1, arbitrary: blockScalar },
      { weight: 2, arbitrary: fc.array(fc.tuple(keyText, tie('node')), { maxLength: 4 }).map((entries): Node => ({ t: 'map', entries })) },
      { weight: 1, arbitrary: fc.array(tie('node'), { maxLength: 4 }).map((items): Node => ({ t: 'seq', items })) },
      {
        weight: ww(2, 1),
        arbitrary: fc
          .tuple(
            fc.oneof(
              anchorName.map((a) => `&${a}`),
              tag,
              fc.constantFrom('&a !!map', '!!seq &b', '&n', '!!null'),
            ),
            // Two anchors or two tags on one node are a syntax error: mild documents prefix collections only.
            wild ? tie('node') : tie('node').filter((n) => n.t === 'map' || n.t === 'seq'),
          )
          .map(([prefix, n]): Node => ({ t: 'prefixed', prefix, node: n })),
      },
      {
        weight: 1,
        arbitrary: fc.tuple(anchorName, anchorName).map(([a, b]): Node => ({ t: 'map', entries: [['<<', inline(`[*${a}, *${b}]`)]] })),
      },
    ),
  })).node;

  /** Defines every anchor of ANCHORS, so that most aliases resolve (in the cloud-config, and in the user config). */
  const PRELUDE =
    'defs: [&a a, &b 1, &n , &k {HTTP_PROXY: "http://p:3128", k: v}, &x [x, 1], &1 "1"]\nbase: &c {cluster_token: t, role: init}\n';
  const prelude = fc.oneof(
    { weight: ww(4, 40), arbitrary: fc.constant(PRELUDE) },
    fc.constantFrom('', 'defs: [&a a, &n ~]\n', PRELUDE.replace(/\[/, '[\n  ').replace(/, /g, ',\n  ')),
  );

  const cidr = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom('10.42.0.0/16', '10.43.0.0/16', '"10.42.0.0/16"', "'fd00::/56'", '10.42.0.0/16 #c') },
    { weight: ww(4, 1), arbitrary: scalarText },
  );

  /** The user RKE2 config (a YAML document of its own, read with yaml.v2): mostly with both CIDRs so that the provider writes. */
  const userConfig: fc.Arbitrary<string> = fc
    .tuple(
      fc.oneof(
        { weight: 12, arbitrary: fc.constant('') },
        fc.constantFrom('%YAML 1.1\n---\n', '---\n', '--- # c\n', '#c\n', '\n', '---\n...\n', '%TAG !e! tag:e.com,2000:\n---\n', '\ufeff'),
      ),
      prelude,
      fc.boolean(),
      cidr,
      cidr,
      fc.array(fc.tuple(keyText, node), { maxLength: 5 }),
      fc.constantFrom('  ', '  ', ' ', '    ', '\t'),
      fc.constantFrom('', '', '...\n', '---\nx: 1\n', '#end\n', '\n\n', 'cluster-cidr: 1\n'),
    )
    .map(([head, defs, cidrsFirst, clusterCidr, serviceCidr, extra, step, tail]) => {
      const cidrs: [string, Node][] = [
        ['cluster-cidr', inline(clusterCidr)],
        ['service-cidr', inline(serviceCidr)],
      ];
      return head + defs + renderEntries(cidrsFirst ? [...cidrs, ...extra] : [...extra, ...cidrs], '', step) + tail;
    });

  /** How `config:` carries the user config: mostly a literal block, also quoted, folded, flow or wrong-typed. */
  const configValue: fc.Arbitrary<Node> = fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .tuple(fc.constantFrom('|', '|', '|-', '|+', '|N', '>', '| #c', '|N-', '|+N', '>N'), userConfig)
        .map(([header, text]): Node => ({ t: 'block', header, lines: text.replace(/\n$/, '').split('\n') })),
    },
    { weight: 1, arbitrary: userConfig.map((text) => inline(JSON.stringify(text))) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom(
          '{"cluster-cidr": "10.42.0.0/16", "service-cidr": "10.43.0.0/16", "a": 1, "A": 2}',
          '"~"',
          '""',
          '!!binary Y2x1c3Rlci1jaWRyOiAxMC40Mi4wLjAvMTYKc2VydmljZS1jaWRyOiAxMC40My4wLjAvMTYK',
          '*a',
          '[]',
        )
        .map(inline),
    },
    { weight: 1, arbitrary: node },
  );

  const stringMap = fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .array(
          fc.tuple(
            fc.oneof(fc.constantFrom('HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', '"HTTP_PROXY"', 'http_proxy', 'cluster-root-path'), keyText),
            scalarText,
          ),
          { maxLength: 4 },
        )
        .map((entries): Node => ({ t: 'map', entries: entries.map(([k, v]) => [k, inline(v)]) })),
    },
    { weight: ww(1, 0), arbitrary: node },
  );

  /** Wrong-typed fields (a map for a string) fail the SDK's decoding: mild documents have them rarely. */
  const stringValue = fc.oneof(
    { weight: ww(6, 30), arbitrary: scalarText.map(inline) },
    { weight: ww(1, 3), arbitrary: blockScalar },
    { weight: 1, arbitrary: node },
  );

  const FIELDS: [string, fc.Arbitrary<Node>][] = [
    ['cluster_token', stringValue],
    ['control_plane_host', stringValue],
    [
      'role',
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom('init', 'worker', 'master', 'Init', '"init"', '!!str init').map(inline) },
        { weight: 1, arbitrary: stringValue },
      ),
    ],
    ['config', configValue],
    ['env', stringMap],
    ['providerConfig', stringMap],
    [
      'import_local_images',
      fc.oneof(
        {
          weight: ww(1, 6),
          arbitrary: fc.constantFrom('true', 'yes', 'on', 'y', 'false', 'off', '"true"', '1', '~', '!!bool yes').map(inline),
        },
        { weight: 1, arbitrary: stringValue },
      ),
    ],
    ['local_images_path', stringValue],
    [
      'ca_certs',
      fc.oneof(
        { weight: ww(0, 6), arbitrary: fc.array(scalarText.map(inline), { maxLength: 3 }).map((items): Node => ({ t: 'seq', items })) },
        { weight: 1, arbitrary: node },
      ),
    ],
  ];

  const FIELD_KEY_STYLES = (name: string) => [name, name, name, `"${name}"`, `'${name}'`, `? ${name}`, `!!str ${name}`];

  /** The cluster section's entries: some fields, in any order, some twice, some under other key styles. */
  const clusterEntries = fc
    .tuple(
      ...FIELDS.map(([name, value]) =>
        fc
          .tuple(fc.nat(9), fc.constantFrom(...FIELD_KEY_STYLES(name)), value, fc.nat(99))
          .map(([p, key, v, order]) => ({ present: name === 'config' ? p < 9 : p < 6, key, v, order })),
      ),
      fc.array(fc.tuple(keyText, node), { maxLength: 2 }),
    )
    .map(([...parts]) => {
      const extra = parts.pop() as [string, Node][];
      const fields = (parts as { present: boolean; key: string; v: Node; order: number }[])
        .filter((f) => f.present)
        .sort((a, b) => a.order - b.order);
      return [...fields.map((f): [string, Node] => [f.key, f.v]), ...extra];
    });

  /** Top-level entries before `cluster:` that define anchors used later. */
  const TOP_BEFORE = [
    'hostname: &a node-1\n',
    'x: &n\n',
    'x: &n ~\n',
    'base2: &c\n  cluster_token: t\n  role: init\n',
    'base3: &c {cluster_token: t, role: init, config: "cluster-cidr: 10.42.0.0/16\\nservice-cidr: 10.43.0.0/16\\n"}\n',
    'env: &k {HTTP_PROXY: http://p:3128}\n',
    'self: &a [*a]\n',
    'self: &a {k: *a}\n',
    '*a : v\n',
    'users:\n- name: kairos\n  passwd: kairos\n',
    'stages:\n  boot:\n  - commands: ["echo hi"]\n',
    'install:\n  auto: true\n  device: auto\n',
    '? complex\n: value\n',
    '"cluster": ~\n',
    'cluster: {}\n',
    'cluster:\n',
    'hostname: !!binary aGk=\n',
    'k: &b [1, 2]\n',
    '<<: {hostname: h}\n',
    '<<: [*c]\n',
  ];

  /** A second `cluster` key: yaml.v3 refuses the document (mapping key already defined). */
  const SECOND_CLUSTER = /^(---\n)?"?cluster"?:/m;
  const TOP_AFTER = [
    '',
    '',
    '',
    '...\n',
    '---\n',
    '---\ncluster: {}\n',
    '...\n---\n',
    '# end\n',
    '<<: *c\n',
    'cluster:\n  role: x\n',
    '"cluster": {}\n',
    'hostname: *a\n',
    '\n\n\n',
    ' ',
    '\t',
    'x: |+\n\n\n',
    'x: >-\n  a\n\n',
  ];

  const HEADERS = [
    '#cloud-config\n',
    '#cloud-config\n',
    '#cloud-config\n',
    '',
    '\ufeff#cloud-config\n',
    '#cloud-config\n%YAML 1.1\n---\n',
    '%YAML 1.2\n---\n',
    '%YAML 2.0\n---\n',
    '%YAML 1.1\n%YAML 1.1\n---\n',
    '%TAG ! tag:example.com,2000:\n---\n',
    '%TAG !! tag:example.com,2000:\n---\n',
    '%TAG !e! tag:e.com,2000:app/\n--- !e!foo\n',
    '%FOO bar\n---\n',
    '--- #cloud-config\n',
    '---\n',
    '--- !!map\n',
    '--- &r\n',
    '...\n',
    '#cloud-config\r\n',
  ];

  const LINE_ENDS = ['\r\n', '\r', '\u0085', '\u2028', '\u2029'];
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc
      .tuple(fc.constantFrom(...LINE_ENDS), fc.double({ min: 0, max: 1, noNaN: true }))
      .map(([text, at]): Mutation => ({ kind: 'all-line-ends', text, at })),
    fc
      .tuple(fc.constantFrom(...LINE_ENDS), fc.double({ min: 0, max: 1, noNaN: true }))
      .map(([text, at]): Mutation => ({ kind: 'one-line-end', text, at })),
    fc
      .tuple(
        fc.constantFrom(
          '\ufeff',
          '\t',
          ' ',
          ' #c',
          '#',
          '\u0085',
          '\u2028',
          '\u001b',
          '\u00a0',
          ':',
          '-',
          '&a ',
          '*a',
          '!',
          '"',
          "'",
          '\r',
        ),
        fc.double({ min: 0, max: 1, noNaN: true }),
      )
      .map(([text, at]): Mutation => ({ kind: 'insert', text, at })),
    fc
      .tuple(
        fc.constantFrom('---', '...', '# c', '\t', '', ' ', '%YAML 1.1', '\ufeff', '\ufeff---', '  #c', '-', '?', ':'),
        fc.double({ min: 0, max: 1, noNaN: true }),
      )
      .map(([text, at]): Mutation => ({ kind: 'insert-line', text, at })),
    fc.double({ min: 0, max: 1, noNaN: true }).map((at): Mutation => ({ kind: 'delete', text: '', at })),
    fc.double({ min: 0, max: 1, noNaN: true }).map((at): Mutation => ({ kind: 'duplicate-line', text: '', at })),
  );

  /** A plain cluster section around a hostile user config, token, host and env: most reach the provider and jq. */
  const focused = fc
    .tuple(fc.constantFrom('init', 'worker', 'master'), safeScalar, safeScalar, configValue, stringMap)
    .map(
      ([role, token, host, config, env]) =>
        `#cloud-config\ncluster:\n  role: ${role}\n  cluster_token: ${token}\n  control_plane_host: ${host}\n` +
        `  config:${render(config, '    ', '  ', false)}  env:${render(env, '    ', '  ', false)}`,
    );

  const whole = fc
    .tuple(
      fc.oneof({ weight: ww(3, 30), arbitrary: fc.constant(HEADERS[0]!) }, fc.constantFrom(...HEADERS)),
      prelude,
      fc.subarray(wild ? TOP_BEFORE : TOP_BEFORE.filter((t) => !SECOND_CLUSTER.test(t)), { maxLength: 2 }),
      fc.constantFrom('cluster', 'cluster', 'cluster', '"cluster"', "'cluster'", '? cluster\n', '&c cluster', '!!str cluster', '*a '),
      fc.oneof({ weight: 12, arbitrary: fc.constant('') }, fc.constantFrom(' &c', ' !!map', ' &c !!map', ' !!omap', ' !foo')),
      clusterEntries,
      fc.constantFrom('  ', '  ', ' ', '   ', '    '),
      fc.oneof(
        { weight: 10, arbitrary: fc.constant('') },
        fc.constantFrom(' *c', ' ~', ' {}', ' []', ' !!null', ' *n', ' {<<: *c}', ' {<<: [*c, *k]}'),
      ),
      fc.constantFrom(...(wild ? TOP_AFTER : TOP_AFTER.filter((t) => !SECOND_CLUSTER.test(t)))),
      fc.oneof({ weight: ww(4, 30), arbitrary: fc.constant([] as Mutation[]) }, fc.array(mutation, { minLength: 1, maxLength: 2 })),
    )
    .map(([header, defs, before, clusterKey, clusterPrefix, entries, step, replace, after, mutations]) => {
      const body = replace !== '' ? `${replace}\n` : `${clusterPrefix}\n${renderEntries(entries, step, step)}`;
      const text = `${header}${defs}${before.join('')}${clusterKey}:${body}${after}`;
      // A mutation may split a surrogate pair: make the text what the device gets as UTF-8.
      return mutations.reduce(mutate, text).replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
    })
    .filter((text) => !text.includes('cluster_config_path'));
  return fc.oneof({ weight: 2, arbitrary: whole }, { weight: 1, arbitrary: focused });
}

/** A whole cloud-config text: one in four wild. */
export const hostileCloudConfig: fc.Arbitrary<string> = fc.oneof(
  { weight: 1, arbitrary: cloudConfigs(true) },
  { weight: 3, arbitrary: cloudConfigs(false) },
);
