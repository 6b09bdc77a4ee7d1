import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { propertySettings } from '../../test/fastCheckSettings.js';
import { KEY_PEM } from '../../test/pemFixtures.js';
import { haSite, registryConfig, TEST_TOKEN, variant } from '../../test/siteFixtures.js';
import { pemProblem } from '../lint/registryTlsRules.js';
import { tokenWeakness } from '../site/clusterToken.js';
import { SiteSchema, type Site } from '../site/siteSchema.js';
import { complianceEvidence, nodeCompliance } from './complianceModel.js';
import { failureOutcome } from './failureModel.js';
import { failureTopology } from './failureTopology.js';
import { maskAnalysis, maskedNodePreview, maskSecrets, nodePreview, redactStrings, secretValues, TOKEN_MASK } from './maskSecrets.js';
import { siteSheet } from './siteSheet.js';
import { upgradePlan, upgradeTargets } from './upgradeModel.js';
import { analyseSite } from './siteAnalysis.js';
import { expandNode } from '../site/expandSite.js';
import { siteContext } from '../site/rke2ConfigFor.js';

/** Secrets as users type them: generated tokens, anything printable with YAML's and JSON's special characters, multi-line keys. */
const anyText = fc.string({ unit: 'grapheme', minLength: 4, maxLength: 40 }).filter((s) => s.trim().length >= 4);
/** The characters generated files escape: outside the BMP (\U0001F511, \ud83d\udd11), line separators (\L, \u2028), NEL, NBSP, `<>&` (\u003c). */
const escapedCharacter = fc.constantFrom('🔑', '\u2028', '\u2029', '\u0085', '\u00a0', '<', '>', '&', '"', '\\', '/', "'", 'é', '\u0007');
const withEscapedCharacters = fc
  .array(fc.oneof(fc.stringMatching(/^[A-Za-z0-9]{1,4}$/), escapedCharacter), { minLength: 3, maxLength: 12 })
  .map((parts) => `k${parts.join('')}k`)
  .filter((s) => s.trim().length >= 4);
const secret = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9]{16,48}$/),
  anyText,
  withEscapedCharacters,
  fc.constantFrom(
    'pa"ss:w#rd\\x',
    "it's a secret",
    'line one\nline two',
    'tab\there',
    '{{ .Token }}',
    '- dash: yes',
    '🔑key🔑',
    'key🔑🔑key',
  ),
);

/**
 * A YAML double-quoted spelling of a text, each character raw or escaped as `choices` says (any of
 * \xXX, \uXXXX, \UXXXXXXXX, a surrogate pair, a named escape): what a user may type in an extra config.
 */
function yamlSpelling(text: string, choices: readonly number[]): string {
  const named: Record<string, string> = {
    '\n': 'n',
    '\t': 't',
    '"': '"',
    '\\': '\\',
    '\u0085': 'N',
    '\u00a0': '_',
    '\u2028': 'L',
    '\u2029': 'P',
    '\u0007': 'a',
  };
  const hex = (c: number, n: number) => c.toString(16).toUpperCase().padStart(n, '0');
  return [...text]
    .map((ch, i) => {
      const c = ch.codePointAt(0)!;
      const mustEscape = c < 0x20 || c === 0x7f || ch === '"' || ch === '\\' || (c >= 0x80 && c <= 0x9f) || c === 0x2028 || c === 0x2029;
      const choice = (choices[i % choices.length] ?? 0) % 4;
      if (choice === 0 && !mustEscape) return ch;
      if (choice === 1 && named[ch]) return `\\${named[ch]}`;
      if (choice === 2 && c <= 0xff) return `\\x${hex(c, 2)}`;
      return c <= 0xffff ? `\\u${hex(c, 4)}` : `\\U${hex(c, 8)}`;
    })
    .join('');
}
const pem = fc
  .array(fc.stringMatching(/^[A-Za-z0-9+/]{64}$/), { minLength: 1, maxLength: 3 })
  .map((lines) => `-----BEGIN PRIVATE KEY-----\n${lines.join('\n')}\n-----END PRIVATE KEY-----\n`);

const sites = fc
  .record({
    token: fc.oneof(secret, fc.constant('')),
    hash: fc.oneof(
      secret.map((s) => `$6$${s}`),
      secret,
      fc.constant(''),
    ),
    registries: fc.array(
      fc.record({
        username: fc.constantFrom('', 'puller'),
        password: fc.oneof(secret, fc.constant('')),
        keyPem: fc.oneof(pem, fc.constant('')),
      }),
      {
        maxLength: 2,
      },
    ),
    /** Users paste secrets where they do not belong: an extra config (as JSON, or YAML spelled with escapes), a description. */
    leak: fc.constantFrom('none', 'extraConfig', 'nodeExtra', 'description', 'escapedExtraConfig', 'escapedLabel'),
    spelling: fc.array(fc.nat(3), { minLength: 1, maxLength: 8 }),
  })
  .map(({ token, hash, registries, leak, spelling }) => {
    const site = haSite();
    site.cluster.token = token;
    site.os.user.passwordHash = hash;
    site.airGap.registryConfigs = registries.map((r, i) => registryConfig({ host: `registry-${i}.local`, ...r }));
    if (leak === 'extraConfig') site.extraConfig = `agent-token: ${JSON.stringify(token)}\n`;
    if (leak === 'nodeExtra') site.nodes[3]!.extraConfig = `token: ${JSON.stringify(token)}\n`;
    if (leak === 'description') site.description = `demo site, token ${token}`;
    const pasted = registries.find((r) => r.password !== '')?.password ?? token;
    if (leak === 'escapedExtraConfig') site.extraConfig = `kubelet-arg: ["${yamlSpelling(pasted, spelling)}"]\n`;
    if (leak === 'escapedLabel') site.extraConfig = `node-label: ["k=${yamlSpelling(pasted, spelling)}"]\n`;
    return site;
  });

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** The forms a secret could be shown in (each checked on its own: a text must hold none of them). */
function formsOf(value: string): string[] {
  const lines = value.split(/\r\n|\r|\n/).filter((l) => !l.startsWith('-----'));
  return [value, JSON.stringify(value).slice(1, -1), base64(value), base64(value).replace(/=+$/, ''), ...lines]
    .map((f) => f.trim())
    .filter((f) => f.length >= 4);
}

/** Every string of a text, and of the YAML documents it holds (a cloud-config's stages hold YAML in strings), down to three levels. */
function stringsIn(text: string, depth = 0): string[] {
  const out = [text];
  if (depth >= 3 || !text.includes('\n')) return out;
  const walk = (value: unknown): void => {
    if (typeof value === 'string') out.push(...stringsIn(value, depth + 1));
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value instanceof Map) value.forEach((v, k) => (walk(k), walk(v)));
    else if (value && typeof value === 'object') Object.entries(value).forEach(([k, v]) => (walk(k), walk(v)));
  };
  try {
    for (const doc of parseAllDocuments(text.replace(/^#cloud-config\n/, '')))
      if (!('empty' in doc) && doc.errors.length === 0) walk(doc.toJS());
  } catch {
    // Not YAML: the text itself was checked.
  }
  return out;
}

function shownTexts(site: Site): string[] {
  const masked = maskSecrets(site);
  const texts: string[] = [];
  site.nodes.forEach((_, i) => {
    const preview = maskedNodePreview(masked, i)!;
    for (const a of preview.artifacts.artifacts) texts.push(a.path, ...stringsIn(a.text));
    if (preview.artifacts.failure) texts.push(preview.artifacts.failure);
    for (const s of preview.steps)
      texts.push(s.name, s.condition ?? '', ...s.files.map((f) => f.path), ...s.commands.flatMap((c) => stringsIn(c)));
  });
  const analysis = maskAnalysis(analyseSite(site), masked);
  for (const f of analysis.findings) texts.push(f.message, f.fix?.description ?? '', f.fix?.value ?? '');
  for (const n of analysis.check.nodes) texts.push(...n.failures.flatMap((f) => [f.message, f.source]), ...n.needs);
  const walk = (value: unknown): void => {
    if (typeof value === 'string') texts.push(value);
    else if (value && typeof value === 'object') Object.entries(value).forEach(([k, v]) => (texts.push(k), walk(v)));
  };
  walk(masked.site);
  return texts;
}

describe('maskSecrets', () => {
  it('leaves no secret, in any form, in the files, boot stages, findings, check or site presentation mode shows', () => {
    fc.assert(
      fc.property(sites, (site) => {
        const secrets = secretValues(site).flatMap(formsOf);
        const texts = shownTexts(site);
        for (const form of secrets) {
          const holder = texts.find((t) => t.includes(form));
          expect(holder, `${JSON.stringify(form)} is shown`).toBeUndefined();
        }
      }),
      { ...propertySettings, numRuns: Math.min(propertySettings.numRuns, 60) },
    );
  });

  it('keeps what the site shows, with each secret a mask of the same kind', () => {
    const site = variant((s) => {
      s.os.user.passwordHash = '$6$salt$abcdefgh';
      s.airGap.registryConfigs = [registryConfig({ host: 'r.local', username: 'u', password: 'hunter22', keyPem: KEY_PEM })];
    });
    const { site: masked } = maskSecrets(site);
    expect(SiteSchema.parse(masked)).toEqual(masked);
    expect(masked.cluster.token).toBe(TOKEN_MASK);
    expect(tokenWeakness(masked.cluster.token)).toBeNull();
    expect(masked.os.user.passwordHash).toBe('$6$MASKED$MASKED');
    expect(masked.airGap.registryConfigs[0]).toMatchObject({ host: 'r.local', username: 'u', password: 'MASKED' });
    expect(pemProblem(masked.airGap.registryConfigs[0]!.keyPem, 'key')).toBeNull();
    expect({ ...masked, cluster: { ...masked.cluster, token: '' }, os: site.os, airGap: site.airGap }).toEqual({
      ...site,
      cluster: { ...site.cluster, token: '' },
    });
    // Same kind: a weak token stays weak, an empty one empty, a key that is not PEM stays not PEM.
    const weak = maskSecrets(variant((s) => (s.cluster.token = 'secret123'))).site;
    expect(tokenWeakness(weak.cluster.token)).not.toBeNull();
    expect(maskSecrets(variant((s) => (s.cluster.token = ''))).site.cluster.token).toBe('');
    const badKey = variant((s) => (s.airGap.registryConfigs = [registryConfig({ host: 'r', keyPem: 'not a key' })]));
    expect(pemProblem(maskSecrets(badKey).site.airGap.registryConfigs[0]!.keyPem, 'key')).not.toBeNull();
  });

  it('lints the masked site like the real one', () => {
    const site = variant(
      (s) => (s.airGap.registryConfigs = [registryConfig({ host: 'r.local', username: 'u', password: 'hunter22', keyPem: KEY_PEM })]),
    );
    const codes = (s: Site) => analyseSite(s).findings.map((f) => `${f.code} ${f.path.join('.')}`);
    expect(codes(maskSecrets(site).site)).toEqual(codes(site));
  });

  it('shows the masks where the secrets were, and the same files otherwise', () => {
    const site = haSite();
    const real = nodePreview(expandNode(siteContext(site), 0));
    const shown = maskedNodePreview(maskSecrets(site), 0)!;
    const userData = (p: typeof real) => p.artifacts.artifacts.find((a) => a.id === 'user-data')!.text;
    expect(userData(shown)).toBe(userData(real).replaceAll(TEST_TOKEN, TOKEN_MASK));
    expect(shown.steps.map((s) => s.name)).toEqual(real.steps.map((s) => s.name));
    expect(maskedNodePreview(maskSecrets(site), 99)).toBeNull();
  });

  it('hides the secrets of the other sites given (the site before the last edit, beside it in a diff)', () => {
    const before = haSite();
    const after = variant((s) => (s.cluster.token = 'Ab3dEf6hIj9kLm2nOp5qRs8t'));
    const { redact } = maskSecrets(after, [before]);
    expect(redact(`token: ${TEST_TOKEN}`)).toBe('token: ••••••••');
    expect(redact('nothing secret')).toBe('nothing secret');
  });

  it('hides a secret however a file spells it: YAML, JSON and Go escapes, mixed with raw characters', () => {
    const site = variant(
      (s) => (s.airGap.registryConfigs = [registryConfig({ host: 'r.local', username: 'u', password: 'key🔑🔑key<a>\u2028\u0085\u00a0' })]),
    );
    const { redact } = maskSecrets(site);
    for (const spelled of [
      'key\\U0001F511\\U0001f511key\\u003ca\\u003e\\L\\N\\_',
      'key\\ud83d\\udd11\\uD83D\\uDD11key\\u003Ca\\u003E\\u2028\\x85\\xA0',
      '\\x6Bey🔑\\U0001F511\\u006b\\u0065\\u0079<\\x61>\\u2028\\u0085\\u00a0',
    ])
      expect(redact(`password: "${spelled}"`)).toBe('password: "••••••••"');
    expect(redact(`token: "\\x5Aq8vN3kP2wX7mR4tY9bL6cF1hJ5dG0sA"`)).toBe('token: "••••••••"');
    // An escaped line break joins the lines without a space; a !!binary value holds the base64 of a text around the token.
    expect(redact(`a: "/etc/Zq8vN\\\n    3kP2wX7mR4tY9bL6cF1hJ5dG0sA.yaml"`)).toBe('a: "/etc/••••••••.yaml"');
    for (const prefix of ['', 'k', 'k=', 'k=v'])
      expect(redact(Buffer.from(`${prefix}${TEST_TOKEN}.`).toString('base64'))).toContain('••••••••');
  });

  it('shows no secret a user spelled with escapes in an extra config, in any file (the Files tab)', () => {
    const site = variant((s) => {
      s.airGap.registryConfigs = [registryConfig({ host: 'r.local', username: 'u', password: 'key🔑🔑key' })];
      s.extraConfig = 'kubelet-arg: ["key\\U0001F511\\U0001F511key"]\n';
    });
    const files = maskedNodePreview(maskSecrets(site), 0)!.artifacts.artifacts;
    const cluster = files.find((a) => a.path.endsWith('cluster.kairos.yaml') || a.text.includes('kubelet-arg'))!;
    expect(cluster.text).toContain('kubelet-arg');
    for (const a of files) expect(a.text).not.toMatch(/key\\U0001F511|key🔑/);
  });

  it('redacts every string of the models the views compute from the masked site (compliance, evidence, failure, upgrade, sheet)', () => {
    // The YAML escape \x5A (Z) spells the token in an extra config: the field redaction hides it now.
    const site = variant((s) => {
      s.security.podSecurity = 'restricted';
      s.extraConfig = `pod-security-admission-config-file: "/etc/\\x5A${TEST_TOKEN.slice(1)}.yaml"\nnode-label: ["k=\\x5A${TEST_TOKEN.slice(1)}"]\n`;
    });
    const masked = maskSecrets(site);
    expect(masked.site.extraConfig).toBe('pod-security-admission-config-file: "/etc/••••••••.yaml"\nnode-label: ["k=••••••••"]\n');
    // Models decode what the masked site spells: were a spelling ever missed (here a !!binary value, put back after
    // masking), each model would show the decoded token; redactStrings hides it in every one.
    const binary = Buffer.from(`/etc/${TEST_TOKEN}.yaml`).toString('base64');
    masked.site.extraConfig = `pod-security-admission-config-file: !!binary ${binary}\nnode-label:\n- !!binary ${binary}\n`;
    const models = {
      compliance: nodeCompliance(masked.site, 0, []),
      evidence: complianceEvidence(masked.site, []),
      failure: failureOutcome(failureTopology(masked.site), [1]),
      upgrade: upgradeTargets(site.rke2Version).map((to) => upgradePlan(masked.site, to)),
      sheet: siteSheet(masked.site),
    };
    expect(JSON.stringify(models.compliance)).toContain(TEST_TOKEN);
    expect(JSON.stringify(models.evidence)).toContain(TEST_TOKEN);
    expect(models.failure.nodes[0]!.labels).toContain(`/etc/${TEST_TOKEN}.yaml`);
    const shown = redactStrings(models, masked.redact);
    expect(JSON.stringify(shown)).not.toContain(TEST_TOKEN);
    expect(shown.failure.nodes[0]!.labels).toContain('/etc/••••••••.yaml');
    expect(shown.failure.verdict).toBe(models.failure.verdict);
  });

  it('redactStrings walks arrays and plain objects, keys too, and keeps other values', () => {
    const when = new Date(0);
    const value = { 'a-secret': ['x secret y', 3, null, true, { deep: 'secret' }], when };
    const out = redactStrings(value, (t) => t.replaceAll('secret', '•'));
    expect(out).toEqual({ 'a-•': ['x • y', 3, null, true, { deep: '•' }], when });
    expect(out.when).toBe(when);
  });
});
