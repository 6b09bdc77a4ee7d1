import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findingsTable, withFindingsTable } from './findingsTable.js';
import { RULES } from './rules/registry.js';

const README = new URL('../../../../README.md', import.meta.url);

describe('the README findings table', () => {
  it('is the one generated from the rule registry', () => {
    const readme = readFileSync(README, 'utf8');
    expect(
      readme === withFindingsTable(readme),
      'README.md\'s findings table differs from the registry: run "pnpm --filter @rke2-edge/provider-core gen:readme"',
    ).toBe(true);
  });

  it('has a row per rule, with its severities and security class', () => {
    const rows = findingsTable().split('\n').slice(2);
    expect(rows).toHaveLength(RULES.length);
    expect(rows.find((r) => r.startsWith('| `control-character` |'))).toContain('site: error; cloud-config: error, **security**');
    expect(rows.find((r) => r.startsWith('| `ipv6-server-url` |'))).toContain('site: info; cloud-config: error |');
  });

  it('replaces only the text between the markers, and refuses a README without them', () => {
    const readme = 'before\n<!-- findings-table:start -->\nold\n<!-- findings-table:end -->\nafter\n';
    expect(withFindingsTable(readme, 'new')).toBe('before\n<!-- findings-table:start -->\nnew\n<!-- findings-table:end -->\nafter\n');
    expect(() => withFindingsTable('no markers', 'new')).toThrow(/markers/);
  });
});
