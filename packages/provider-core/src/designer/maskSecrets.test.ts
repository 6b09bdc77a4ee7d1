import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { propertySettings } from '../../test/fastCheckSettings.js';
import { KEY_PEM } from '../../test/pemFixtures.js';
import { haSite, registryConfig, TEST_TOKEN, variant } from '../../test/siteFixtures.js';
import { pemProblem } from '../lint/registryTlsRules.js';
import { tokenWeakness } from '../site/clusterToken.js';
import { SiteSchema, type Site } from '../site/siteSchema.js';
import { maskAnalysis, maskedNodePreview, maskSecrets, nodePreview, secretValues, TOKEN_MASK } from './maskSecrets.js';
import { analyseSite } from './siteAnalysis.js';
import { expandNode } from '../site/expandSite.js';
import { siteContext } from '../site/rke2ConfigFor.js';

/** Secrets as users type them: generated tokens, anything printable with YAML's and JSON's special characters, multi-line keys. */
const anyText = fc
  .string({ unit: 'grapheme', minLength: 4, maxLength: 40 })
  .filter((s) => s.trim().length >= 4 && !/[\u0085\u2028\u2029]/.test(s));
const secret = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9]{16,48}$/),
  anyText,
  fc.constantFrom('pa"ss:w#rd\\x', "it's a secret", 'line one\nline two', 'tab\there', '{{ .Token }}', '- dash: yes', '🔑key🔑'),
);
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
    /** Users paste secrets where they do not belong: an extra config, a description. */
    leak: fc.constantFrom('none', 'extraConfig', 'nodeExtra', 'description'),
  })
  .map(({ token, hash, registries, leak }) => {
    const site = haSite();
    site.cluster.token = token;
    site.os.user.passwordHash = hash;
    site.airGap.registryConfigs = registries.map((r, i) => registryConfig({ host: `registry-${i}.local`, ...r }));
    if (leak === 'extraConfig') site.extraConfig = `agent-token: ${JSON.stringify(token)}\n`;
    if (leak === 'nodeExtra') site.nodes[3]!.extraConfig = `token: ${JSON.stringify(token)}\n`;
    if (leak === 'description') site.description = `demo site, token ${token}`;
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
});
