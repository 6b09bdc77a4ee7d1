/**
 * The hostile corpus through the command line (the bundled rke2-edge binary) and through the
 * core API in this process: every case ends in its finding or a clear refusal, within the limits,
 * nothing is written for devices from an unsafe site, and Object.prototype is untouched.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSecurityFinding, type FindingCode } from '../../src/lint/finding.js';
import { lintSite } from '../../src/lint/lintSite.js';
import { openInputs } from '../../src/open/openInputs.js';
import { openShareLink } from '../../src/open/openShareLink.js';
import { runBuiltCli } from '../runBuiltCli.js';
import { HOSTILE_CASES, type HostileCase } from './hostileCorpus.js';

const TIMEOUT = 120_000;
/** Characters a terminal acts on or that reorder text (tab and line feed are the output's own). */
const TERMINAL_ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** The case's input as a file on disk (a share link as a file holding the link). */
function inputFile(c: HostileCase, dir: string): string {
  const { input } = c;
  if (input.kind === 'share-link') {
    const path = join(dir, 'link.txt');
    writeFileSync(path, `https://designer.example/${input.fragment()}\n`);
    return path;
  }
  const path = join(dir, input.name);
  writeFileSync(path, input.bytes());
  return path;
}

const isSecurityCode = (code: FindingCode) => isSecurityFinding({ code, severity: 'error', message: '', path: [] });

describe.concurrent('hostile corpus, through rke2-edge', () => {
  for (const c of HOSTILE_CASES) {
    it(
      `${c.class}: ${c.id}`,
      async () => {
        const dir = mkdtempSync(join(tmpdir(), `hostile-${c.id}-`));
        const file = inputFile(c, dir);
        const out = join(dir, 'out');
        const expected = c.expect;
        if ('finding' in expected) {
          const lint = await runBuiltCli(['lint', file]);
          expect(lint.code, lint.stderr + lint.stdout).toBe(1);
          expect(lint.stdout).toContain(`[${expected.finding}]`);
          expect(lint.stdout + lint.stderr).not.toMatch(TERMINAL_ACTIVE);
          if (c.class === 'control character' && c.input.kind === 'site.json') {
            // Output that quotes the value (JSON findings, the site itself) escapes it too.
            const json = await runBuiltCli(['lint', '--json', file]);
            const site = await runBuiltCli(['open', file]);
            expect(json.stdout + site.stdout + site.stderr).not.toMatch(TERMINAL_ACTIVE);
            expect(JSON.parse(site.stdout)).toEqual(JSON.parse(new TextDecoder().decode((c.input as { bytes: () => Uint8Array }).bytes())));
          }
          if (c.input.kind === 'cloud-config') {
            const imported = await runBuiltCli(['import', file, '-o', `${out}.json`]);
            if (isSecurityCode(expected.finding)) {
              expect(imported.code, imported.stderr).toBe(2);
              expect(imported.stderr).toContain(`[${expected.finding}]`);
              expect(existsSync(`${out}.json`)).toBe(false);
            }
          } else if (isSecurityCode(expected.finding)) {
            for (const args of [
              ['bundle', file, '--force', '-o', `${out}.zip`],
              ['bundle', file, '--iso', '--force', '-o', `${out}.zip`],
              ['expand', file, '-o', out],
              ['iso', 'cp-1', file, '--force', '-o', `${out}.iso`],
            ]) {
              const run = await runBuiltCli(args);
              expect(run.code, `${args[0]}: ${run.stderr}`).toBe(1);
              expect(run.stderr).toContain('unsafe value');
            }
            expect([existsSync(`${out}.zip`), existsSync(out), existsSync(`${out}.iso`)]).toEqual([false, false, false]);
          }
        } else if ('refused' in expected) {
          const opened = await runBuiltCli(['open', file, '-o', `${out}.json`]);
          expect(opened.code, opened.stderr).toBe(2);
          expect(opened.stderr).toMatch(expected.refused);
          expect(opened.stdout).toBe('');
          expect(existsSync(`${out}.json`)).toBe(false);
          if (c.input.kind === 'site.json') {
            const lint = await runBuiltCli(['lint', file]);
            expect(lint.code, lint.stdout).toBe(2);
            expect(lint.stderr).toMatch(expected.refused);
          }
        } else {
          const opened = await runBuiltCli(['open', file, '-o', `${out}.json`]);
          expect(opened.code, opened.stderr).toBe(0);
          if (expected.mustNotShow) expect(opened.stderr + readFileSync(`${out}.json`, 'utf8')).not.toContain(expected.mustNotShow);
        }
      },
      TIMEOUT,
    );
  }
});

describe('hostile corpus, in this process', () => {
  it(
    'ends every case in its expected outcome and leaves Object.prototype untouched',
    async () => {
      const before = Object.getOwnPropertyNames(Object.prototype).sort();
      for (const c of HOSTILE_CASES) {
        const { input } = c;
        const opened =
          input.kind === 'share-link'
            ? await openShareLink(input.fragment())
            : await openInputs([{ name: input.name, bytes: input.bytes() }]);
        const expected = c.expect;
        if ('refused' in expected) {
          expect(opened.ok, c.id).toBe(false);
          if (!opened.ok) expect(opened.message, c.id).toMatch(expected.refused);
        } else if ('finding' in expected && input.kind === 'cloud-config' && isSecurityCode(expected.finding)) {
          expect(opened, c.id).toMatchObject({ ok: false, message: expect.stringContaining(`[${expected.finding}]`) });
        } else {
          if (!opened.ok) throw new Error(`${c.id}: ${opened.message}`);
          if ('finding' in expected)
            expect(
              lintSite(opened.site).map((f) => f.code),
              c.id,
            ).toContain(expected.finding);
          if ('mustNotShow' in expected && expected.mustNotShow) expect(JSON.stringify(opened), c.id).not.toContain(expected.mustNotShow);
        }
      }
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    },
    TIMEOUT,
  );
});
