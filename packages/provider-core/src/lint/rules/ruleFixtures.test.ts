/**
 * Walks the rule registry: every rule has a good fixture (no finding of its code) and bad ones
 * (findings of exactly its code, with the registry's severity), each run through the linter of
 * its context, which must be one where the rule applies.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ORACLE_DIR } from '../../../test/oracleCases.js';
import { haSite } from '../../../test/siteFixtures.js';
import { importCloudConfigs } from '../../import/importCloudConfigs.js';
import type { Finding } from '../finding.js';
import { lintCloudConfig, lintCloudConfigs } from '../lintCloudConfig.js';
import { lintSite } from '../lintSite.js';
import { RULE_FIXTURES } from './fixtures/ruleFixtures.js';
import type { FixtureText, RuleInput } from './fixtures/ruleInput.js';
import { RULES } from './registry.js';

const textOf = (text: FixtureText) => (typeof text === 'string' ? text : readFileSync(join(ORACLE_DIR, text.oracle, 'input.yaml'), 'utf8'));
const filesOf = (files: { name: string; text: FixtureText }[]) => files.map((f) => ({ name: f.name, text: textOf(f.text) }));

/** The findings of the input's context: for a set of cloud-configs, those about the set as a whole. */
function run(input: RuleInput): Finding[] {
  switch (input.context) {
    case 'site':
      return lintSite(input.site);
    case 'cloudConfig':
      return lintCloudConfig(textOf(input.text), input.options);
    case 'cloudConfigs':
      return lintCloudConfigs(filesOf(input.files)).find((r) => r.file === '(all files)')?.findings ?? [];
    case 'import':
      return importCloudConfigs(filesOf(input.files)).findings;
  }
}

describe('the rule registry', () => {
  it('has one rule per code, and fixtures for exactly the registered codes', () => {
    const codes = RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(Object.keys(RULE_FIXTURES).sort()).toEqual([...codes].sort());
  });

  it('registers every rule file in this folder (a file named after a code that is not in registry.ts is an error)', () => {
    const notRules = new Set(['defineRule.ts', 'registry.ts', 'runRules.ts']);
    const files = readdirSync(import.meta.dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !notRules.has(f));
    expect(files.map((f) => f.slice(0, -'.ts'.length)).sort()).toEqual(RULES.map((r) => r.code).sort());
  });

  for (const rule of RULES) {
    describe(rule.code, () => {
      const fixture = RULE_FIXTURES[rule.code] as (typeof RULE_FIXTURES)[typeof rule.code] | undefined;
      const contexts = Object.keys(rule.severity);
      if (!fixture) {
        it('has fixtures', () => expect.fail(`no fixtures for ${rule.code}: add a good and a bad one in rules/fixtures/*Fixtures.ts`));
        return;
      }

      it('good: no finding of its code', () => {
        expect(contexts).toContain(fixture.good.context);
        const found = run(fixture.good).filter((f) => f.code === rule.code);
        expect(found).toEqual([]);
      });

      fixture.bad.forEach((c, i) => {
        it(`bad: ${c.name}`, () => {
          expect(contexts).toContain(c.input.context);
          const all = run(c.input);
          const found = all.filter((f) => f.code === rule.code);
          expect(found, JSON.stringify(all, null, 1)).toContainEqual(expect.objectContaining(c.expect));
          if (i === 0) expect(found.map((f) => f.severity)).toContain(rule.severity[c.input.context]);
        });
      });
    });
  }

  it('a healthy HA site has no errors or warnings', () => {
    expect(lintSite(haSite()).filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('a healthy cloud-config has no findings (oracle 01 with a long token)', () => {
    const codes = lintCloudConfig(textOf({ oracle: '01-init-minimal' })).map((f) => f.code);
    // Its token "K10pubtoken…" is a provider test value: RKE2 would read it as a malformed full token.
    expect(codes.filter((c) => c !== 'token-weak' && c !== 'token-format')).toEqual([]);
  });
});
