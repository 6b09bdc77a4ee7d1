import { describe, expect, it } from 'vitest';
import { cleanPath, resetPlan } from './resetPlan.js';

describe('resetPlan (cluster.reset event)', () => {
  it('runs the uninstall script from the default root', () => {
    expect(resetPlan({})).toEqual({ command: '/bin/sh', args: ['-c', '/opt/rke2/scripts/rke2-uninstall.sh'] });
  });

  it('runs it under cluster_root_path, cleaned like filepath.Join', () => {
    expect(resetPlan({ providerConfig: { cluster_root_path: '/persistent/rke2/' } })?.args[1]).toBe(
      '/persistent/rke2/opt/rke2/scripts/rke2-uninstall.sh',
    );
  });

  it('does nothing without a cluster section', () => {
    expect(resetPlan(null)).toBeNull();
  });

  it('cleans paths like Go', () => {
    expect([cleanPath('a//b/../c/.'), cleanPath('/../x'), cleanPath('')]).toEqual(['a/c', '/x', '.']);
  });
});
