import { describe, expect, it } from 'vitest';
import { embeddedYaml, entryOf, readYamlTree, sysctlConfLines, valueAt } from './artifactLines.js';

describe('artifactLines', () => {
  it('maps a literal block config to file lines, a quoted one to its key line', () => {
    const literal = 'cluster:\n  role: init\n  config: |\n    a: 1\n    profile: cis\n';
    const config = embeddedYaml(entryOf(valueAt(readYamlTree(literal, 'v3'), ['cluster']), 'config'))!;
    const line = config.fileLine(entryOf(config.root, 'profile')!.key.line);
    expect(literal.split('\n')[line - 1]).toBe('    profile: cis');

    const quoted = 'cluster:\n  config: "a: 1\\nprofile: cis\\n"\n';
    const flow = embeddedYaml(entryOf(valueAt(readYamlTree(quoted, 'v3'), ['cluster']), 'config'))!;
    expect(flow.fileLine(entryOf(flow.root, 'profile')!.key.line)).toBe(2);
  });

  it('reads the keys of a sysctl.d file by line, skipping comments and honouring "-" and spaces', () => {
    const lines = sysctlConfLines('# kernel\n; also a comment\n\nkernel.panic = 10\n-vm.panic_on_oom=0\nkernel.panic=5\n');
    expect([...lines]).toEqual([
      ['kernel.panic', 6],
      ['vm.panic_on_oom', 5],
    ]);
  });

  it('finds nothing in text that does not parse', () => {
    expect(readYamlTree('a: [', 'v2')).toBeUndefined();
    expect(entryOf(undefined, 'a')).toBeUndefined();
  });
});
