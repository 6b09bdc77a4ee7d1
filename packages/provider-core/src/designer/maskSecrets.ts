/**
 * Presentation mode: what the designer shows of a site when its screen is seen by others (a demo
 * on a projector). Two layers:
 *
 * 1. The masked site: each secret replaced by a fixed mask of the same kind, so the previews
 *    still render (and lint) as the real site does — a strong token stays a strong token, a
 *    valid client key a valid PEM key, an empty password empty — and every other free-text
 *    field (descriptions, extra configs, …) cleared of the secrets' values.
 * 2. A text-level redaction of the real values, as a safety net on every string shown (files,
 *    boot stages, diffs, findings, the boot check): the raw value however a generated file can
 *    spell it — each character raw or escaped as YAML double quotes, JSON (Go's encoding/json) or
 *    Go write it, mixed freely, lines joined by YAML's escaped line break — each line of a
 *    multi-line key, and its base64 at any offset (a `!!binary` value), replaced by "••••••••".
 *    A user's extra config is copied into the files as typed, so any spelling YAML reads can show.
 * 3. `redactStrings`, for the models the views compute from the masked site: a model decodes
 *    values (a `!!binary` list split over lines) and would show what no spelling above can find.
 *
 * The secrets are the fields the schema (siteSchema.ts) and share links (share/shareLink.ts) call
 * secrets: the cluster token, the OS user's password hash, registry passwords and client keys.
 * Values shorter than 4 characters are masked in their fields but not redacted from other text:
 * they cannot be told apart from ordinary words.
 */
import { z } from 'zod';
import { pemProblem } from '../lint/registryTlsRules.js';
import { checkPasswordHash, collect } from '../lint/securityChecks.js';
import { tokenWeakness } from '../site/clusterToken.js';
import { expandNode, type ExpandedNode } from '../site/expandSite.js';
import { siteContext } from '../site/rke2ConfigFor.js';
import { SiteSchema, type Site } from '../site/siteSchema.js';
import { bootTimeline, type BootStep } from './bootTimeline.js';
import { nodeArtifacts, type NodeArtifacts } from './nodeArtifacts.js';
import type { SiteAnalysis } from './siteAnalysis.js';

/** A strong token (tokenWeakness finds nothing wrong with it) that says what it is. */
export const TOKEN_MASK = 'MASKED-BY-PRESENTATION-MODE';
/** A weak token stays weak (fewer than 16 characters). */
const WEAK_TOKEN_MASK = 'MASKED';
const PASSWORD_MASK = 'MASKED';
/** A crypt(3) SHA-512 hash shape, for a hash that is one; anything else becomes text that is not. */
const HASH_MASK = '$6$MASKED$MASKED';
const NOT_A_HASH_MASK = 'MASKED';
/** One PRIVATE KEY block whose base64 decodes to one DER SEQUENCE (0x30 0x04 + 4 bytes): pemProblem accepts it. */
const KEY_MASK = '-----BEGIN PRIVATE KEY-----\nMASKED00\n-----END PRIVATE KEY-----\n';
const NOT_A_KEY_MASK = 'MASKED';

const MIN_REDACTED_LENGTH = 4;
/** The first of these characters that no secret contains fills the redaction, so a redacted text never holds a secret. */
const REDACTION_CHARACTERS = ['•', '▪', '■', '#'];
const REDACTION_LENGTH = 8;

export interface MaskedSite {
  /** The site as presentation mode shows it. */
  site: Site;
  /** Any text with the secrets' values (of this site and of the others given) replaced. */
  redact: (text: string) => string;
}

/** The secret values of a site, as its fields hold them (empty ones left out). */
export function secretValues(site: Site): string[] {
  return [site.cluster.token, site.os.user.passwordHash, ...site.airGap.registryConfigs.flatMap((r) => [r.password, r.keyPem])].filter(
    (s) => s !== '',
  );
}

/**
 * The base64 of a secret wherever it sits in an encoded text (a YAML `!!binary` value, a file
 * written as base64): for each of the three byte offsets, the characters only the secret's bytes decide.
 */
function base64Forms(secret: string): string[] {
  const bytes = new TextEncoder().encode(secret);
  return [0, 1, 2].map((offset) => {
    let binary = '\0'.repeat(offset);
    for (const byte of bytes) binary += String.fromCharCode(byte);
    const encoded = btoa(binary).replace(/=+$/, '');
    const whole = Math.floor(binary.length / 3) * 4;
    return offset === 0 ? encoded : encoded.slice(4, whole);
  });
}

/** The texts a secret shows as: whole, each line of a multi-line one (a key's lines, indented in a YAML block), base64. */
function secretForms(secret: string): string[] {
  const lines = secret.split(/\r\n|\r|\n/).map((l) => l.trim());
  const forms = [secret, ...lines.filter((l) => !/^-----(BEGIN|END) [A-Z0-9 ]+-----$/.test(l)), ...base64Forms(secret)];
  return [...new Set(forms)].filter((f) => f.trim().length >= MIN_REDACTED_LENGTH);
}

/** Hex digits in either case (YAML, JSON and Go read `\x5a` as `\x5A`). */
const anyCaseHex = (value: number, digits: number) =>
  [...value.toString(16).padStart(digits, '0')].map((d) => (/[a-f]/.test(d) ? `[${d}${d.toUpperCase()}]` : d)).join('');

/** Escapes with a name of their own: YAML double quotes (yaml.v3 emitterc.go, scannerc.go), JSON (RFC 8259) and Go. */
const NAMED_ESCAPES: Record<number, string[]> = {
  0x00: ['0'],
  0x07: ['a'],
  0x08: ['b'],
  0x09: ['t', '\t'],
  0x0a: ['n'],
  0x0b: ['v'],
  0x0c: ['f'],
  0x0d: ['r'],
  0x1b: ['e'],
  0x20: [' '],
  0x22: ['"'],
  0x2f: ['/'],
  0x5c: ['\\'],
  0x85: ['N'],
  0xa0: ['_'],
  0x2028: ['L'],
  0x2029: ['P'],
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * A pattern for every spelling of one character a generated file can hold: itself; the escapes of
 * YAML double quotes (`\xXX`, `\uXXXX`, `\UXXXXXXXX`, `\N`, `\_`, `\L`, `\P`, `\e`, …: yaml.v3's emitter
 * writes them, and a user's extra config is copied into cluster.kairos.yaml as typed, with any of
 * them), of JSON as Go's encoding/json writes it (`\u003c` `\u003e` `\u0026`, `\u2028`, `\u00XX`, a
 * surrogate pair `\ud83d\udd11` for a character outside the BMP), `\/`; a quote doubled in single quotes.
 */
function characterPattern(ch: string): string {
  const c = ch.codePointAt(0)!;
  const spellings = [escapeRegExp(ch)];
  if (ch === "'") spellings.push("''");
  for (const name of NAMED_ESCAPES[c] ?? []) spellings.push(`\\\\${escapeRegExp(name)}`);
  if (c <= 0xff) spellings.push(`\\\\x${anyCaseHex(c, 2)}`);
  if (c <= 0xffff) spellings.push(`\\\\u${anyCaseHex(c, 4)}`);
  else {
    const high = 0xd800 + ((c - 0x10000) >> 10);
    const low = 0xdc00 + ((c - 0x10000) & 0x3ff);
    spellings.push(`\\\\u${anyCaseHex(high, 4)}\\\\u${anyCaseHex(low, 4)}`);
  }
  spellings.push(`\\\\U${anyCaseHex(c, 8)}`);
  return `(?:${spellings.join('|')})`;
}

/** YAML double quotes join two lines ending in `\\` without a space: `"Zq8v\\⏎  N3kP"` reads `Zq8vN3kP`. */
const ESCAPED_LINE_BREAK = String.raw`(?:\\(?:\r\n|\r|\n)[ \t]*)?`;

/** A pattern matching a text however each of its characters is spelled (raw or escaped, mixed freely, lines joined by escaped breaks). */
const spelledPattern = (text: string) => new RegExp([...text].map(characterPattern).join(ESCAPED_LINE_BREAK), 'gu');

/** A text redaction hiding every form of the given secrets, in every spelling; longer forms first, so a whole key goes before its lines. */
function secretRedaction(secrets: readonly string[]): (text: string) => string {
  const forms = [...new Set(secrets.flatMap(secretForms))].sort((a, b) => b.length - a.length);
  if (forms.length === 0) return (text) => text;
  const fill = REDACTION_CHARACTERS.find((c) => !forms.some((f) => f.includes(c))) ?? '\u0000';
  const replacement = fill.repeat(REDACTION_LENGTH);
  const patterns = forms.map(spelledPattern);
  return (text) => {
    let out = text;
    for (const pattern of patterns) out = out.replace(pattern, replacement);
    return out;
  };
}

/**
 * Redacts every free-text string of a value of `schema` (strings, and record keys), leaving fixed
 * vocabularies (enums, literals) alone so the site stays valid.
 */
function redactFreeText(schema: z.ZodType, value: unknown, redact: (text: string) => string): unknown {
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodPrefault || schema instanceof z.ZodOptional)
    return value === undefined ? value : redactFreeText(schema.unwrap() as z.ZodType, value, redact);
  if (schema instanceof z.ZodString) return typeof value === 'string' ? redact(value) : value;
  if (schema instanceof z.ZodArray && Array.isArray(value)) return value.map((v) => redactFreeText(schema.element as z.ZodType, v, redact));
  if (schema instanceof z.ZodRecord && value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => [redact(k), redactFreeText(schema.valueType as z.ZodType, v, redact)]);
    return Object.fromEntries(entries) as unknown;
  }
  if (schema instanceof z.ZodObject && value !== null && typeof value === 'object') {
    const shape = schema.shape as Record<string, z.ZodType>;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape[k] ? redactFreeText(shape[k], v, redact) : v])) as unknown;
  }
  return value;
}

const maskToken = (token: string) => (token === '' ? '' : tokenWeakness(token) === null ? TOKEN_MASK : WEAK_TOKEN_MASK);
const isUsableHash = (hash: string) => collect((report) => checkPasswordHash(report, ['os', 'user', 'passwordHash'], hash)).length === 0;
const maskHash = (hash: string) => (hash === '' ? '' : isUsableHash(hash) ? HASH_MASK : NOT_A_HASH_MASK);
const maskKey = (pem: string) => (pem === '' ? '' : pemProblem(pem, 'key') === null ? KEY_MASK : NOT_A_KEY_MASK);

/**
 * The site with its secrets masked and its other text redacted. `alsoHide`: other sites whose
 * secrets must not show either (the site before the last edit, which a diff puts beside this one).
 */
export function maskSecrets(site: Site, alsoHide: readonly Site[] = []): MaskedSite {
  const redact = secretRedaction([site, ...alsoHide].flatMap(secretValues));
  const masked = redactFreeText(SiteSchema, site, redact) as Site;
  masked.cluster.token = maskToken(site.cluster.token);
  masked.os.user.passwordHash = maskHash(site.os.user.passwordHash);
  masked.airGap.registryConfigs.forEach((registry, i) => {
    const real = site.airGap.registryConfigs[i]!;
    registry.password = real.password === '' ? '' : PASSWORD_MASK;
    registry.keyPem = maskKey(real.keyPem);
  });
  return { site: masked, redact };
}

/**
 * A model as presentation mode shows it: every string in it (and every object key) redacted. For
 * what the views compute from the masked site (compliance lines, evidence, failure outcome, upgrade
 * plan, site sheet): a model decodes what the masked site still spells in a way its field
 * redaction cannot see — a YAML escape in an extra config, `"\x5A…"` — and shows the decoded value.
 * Arrays and plain objects are walked; other values are kept as they are.
 */
export function redactStrings<T>(value: T, redact: (text: string) => string): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redact(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(v) as object | null))
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [redact(k), walk(x)]));
    return v;
  };
  return walk(value) as T;
}

/** What the preview shows of one node: its files and its boot stages. */
export interface NodePreview {
  artifacts: NodeArtifacts;
  steps: BootStep[];
}

/** A node's preview as it is. */
export function nodePreview(node: ExpandedNode): NodePreview {
  return { artifacts: nodeArtifacts(node), steps: bootTimeline(node.plan) };
}

/** A node's preview as presentation mode shows it: from the masked site, every text redacted (null: no such node). */
export function maskedNodePreview({ site, redact }: MaskedSite, index: number): NodePreview | null {
  if (!site.nodes[index]) return null;
  const { artifacts, steps } = nodePreview(expandNode(siteContext(site), index));
  return {
    artifacts: {
      artifacts: artifacts.artifacts.map((a) => ({ ...a, path: redact(a.path), text: redact(a.text) })),
      failure: artifacts.failure === null ? null : redact(artifacts.failure),
    },
    steps: steps.map((step) => ({
      ...step,
      name: redact(step.name),
      condition: step.condition === null ? null : redact(step.condition),
      files: step.files.map((f) => ({ ...f, path: redact(f.path) })),
      commands: step.commands.map(redact),
    })),
  };
}

/** The analysis as presentation mode shows it: the same verdicts and counts, every message and node name redacted. */
export function maskAnalysis(analysis: SiteAnalysis, { redact }: Pick<MaskedSite, 'redact'>): SiteAnalysis {
  return {
    ...analysis,
    findings: analysis.findings.map((f) => ({
      ...f,
      message: redact(f.message),
      ...(f.fix
        ? {
            fix: { ...f.fix, description: redact(f.fix.description), ...(f.fix.value === undefined ? {} : { value: redact(f.fix.value) }) },
          }
        : {}),
    })),
    noProxy: analysis.noProxy.map((p) => (p === null ? null : redact(p))),
    check: {
      nodes: analysis.check.nodes.map((n) => ({
        ...n,
        node: redact(n.node),
        failures: n.failures.map((f) => ({ ...f, message: redact(f.message), source: redact(f.source) })),
        needs: n.needs.map(redact),
      })),
    },
  };
}
