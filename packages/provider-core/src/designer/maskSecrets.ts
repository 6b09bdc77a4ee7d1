/**
 * Presentation mode: what the designer shows of a site when its screen is seen by others (a demo
 * on a projector). Two layers:
 *
 * 1. The masked site: each secret replaced by a fixed mask of the same kind, so the previews
 *    still render (and lint) as the real site does — a strong token stays a strong token, a
 *    valid client key a valid PEM key, an empty password empty — and every other free-text
 *    field (descriptions, extra configs, …) cleared of the secrets' values.
 * 2. A text-level redaction of the real values, as a safety net on every string shown (files,
 *    boot stages, diffs, findings, the boot check): the raw value and the forms the generated
 *    files could spell it in (JSON and YAML escapes, each line of a multi-line key), replaced by
 *    "••••••••". No generated file base64-encodes a secret today; the base64 form is redacted too,
 *    so one that starts to is covered.
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

function utf8Base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/=+$/, '');
}

/** The ways a generated text can spell a secret: raw, escaped for JSON, YAML or Go, each line of a multi-line one, base64. */
function secretForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const lines = secret.split(/\r\n|\r|\n/).map((l) => l.trim());
  const forms = [
    secret,
    json,
    // YAML double quotes escape like JSON, and Go's emitter also writes \/ and \x.. or \u.... for some characters.
    json.replace(/\//g, '\\/'),
    secret.replace(/'/g, "''"),
    ...lines.filter((l) => !/^-----(BEGIN|END) [A-Z0-9 ]+-----$/.test(l)),
    utf8Base64(secret),
  ];
  return [...new Set(forms)].filter((f) => f.trim().length >= MIN_REDACTED_LENGTH);
}

/** A text redaction hiding every form of the given secrets; longer forms first, so a whole key goes before its lines. */
function secretRedaction(secrets: readonly string[]): (text: string) => string {
  const forms = [...new Set(secrets.flatMap(secretForms))].sort((a, b) => b.length - a.length);
  if (forms.length === 0) return (text) => text;
  const fill = REDACTION_CHARACTERS.find((c) => !forms.some((f) => f.includes(c))) ?? '\u0000';
  const replacement = fill.repeat(REDACTION_LENGTH);
  return (text) => {
    let out = text;
    for (const form of forms) if (out.includes(form)) out = out.split(form).join(replacement);
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

/** The analysis as presentation mode shows it: the same verdicts and counts, every message redacted (node names stay: the table shows them). */
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
        failures: n.failures.map((f) => ({ ...f, message: redact(f.message), source: redact(f.source) })),
        needs: n.needs.map(redact),
      })),
    },
  };
}
