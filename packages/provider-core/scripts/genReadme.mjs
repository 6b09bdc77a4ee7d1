// Rewrites the findings table of the repository's README.md from the rule registry
// (src/lint/findingsTable.ts), between <!-- findings-table:start --> and <!-- findings-table:end -->.
// Used by `pnpm --filter @rke2-edge/provider-core gen:readme`; findingsTable.test.ts fails until it is run.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleForNode } from './buildCli.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const readmePath = join(root, '..', '..', 'README.md');

const dir = mkdtempSync(join(tmpdir(), 'findings-table-'));
const outfile = join(dir, 'findingsTable.mjs');
let withFindingsTable;
try {
  await bundleForNode(join(root, 'src', 'lint', 'findingsTable.ts'), outfile);
  ({ withFindingsTable } = await import(pathToFileURL(outfile).href));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const before = readFileSync(readmePath, 'utf8');
const after = withFindingsTable(before);
if (after !== before) writeFileSync(readmePath, after);
console.log(after === before ? 'README.md: findings table already up to date' : 'README.md: findings table rewritten');
