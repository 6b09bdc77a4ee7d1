// Sums the gates (lint, format, types, dead code: one check each) and the Vitest and Playwright JSON
// reports into the single line CI reads: "N passed, N failed".
// A report that is missing counts as one failure, so a suite that did not run cannot look green.
import { existsSync, readFileSync } from 'node:fs';

const [vitestReport, playwrightReport, gatesReport] = process.argv.slice(2);
let passed = 0;
let failed = 0;

function read(path, name) {
  if (!path || !existsSync(path)) {
    console.error(`${name}: no report at ${path}`);
    failed += 1;
    return null;
  }
  return JSON.parse(readFileSync(path, 'utf8'));
}

if (gatesReport) {
  const lines = existsSync(gatesReport) ? readFileSync(gatesReport, 'utf8').split('\n').filter(Boolean) : [];
  const ok = lines.filter((line) => line.endsWith(' ok')).length;
  passed += ok;
  failed += lines.length - ok + (lines.length === 0 ? 1 : 0);
  console.log(
    `gates: ${ok} passed, ${lines.length - ok} failed${lines.length - ok > 0 ? ` (${lines.filter((l) => !l.endsWith(' ok')).join(', ')})` : ''}`,
  );
}
const vitest = read(vitestReport, 'vitest');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  console.log(`vitest: ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed`);
}
const playwright = read(playwrightReport, 'playwright');
if (playwright) {
  const { expected = 0, unexpected = 0, flaky = 0 } = playwright.stats ?? {};
  passed += expected + flaky;
  failed += unexpected;
  console.log(`playwright: ${expected + flaky} passed, ${unexpected} failed`);
}
if (passed === 0) failed += 1; // running no test is a failure
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
