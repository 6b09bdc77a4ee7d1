import { describe, expect, it } from 'vitest';
import { fieldId, fieldPathOf, focusTargetIds, messagesByField, nodeIndexOf, sectionOf } from './fieldPaths.js';

describe('field paths', () => {
  it.each([
    [['nodes', 3, 'labels', 1], ['nodes', 3, 'labels'], 'nodes'],
    [['nodes', 2, 'extraConfig', 'cni'], ['nodes', 2, 'extraConfig'], 'nodes'],
    [['extraConfig', 'cluster-cidr'], ['extraConfig'], 'advanced'],
    [['proxy', 'noProxy'], ['proxy', 'noProxy'], 'network'],
    [['airGap', 'mirrors', 0, 'endpoints', 2], ['airGap', 'mirrors', 0, 'endpoints'], 'airgap'],
    [['os', 'user', 'name'], ['os', 'user', 'name'], 'os'],
    [['cluster', 'tlsSans', 1], ['cluster', 'tlsSans'], 'cluster'],
    [['cluster', 'kubeVip', 'interface'], ['cluster', 'kubeVip', 'interface'], 'cluster'],
    [['airGap', 'registryConfigs', 0, 'caPem'], ['airGap', 'registryConfigs', 0, 'caPem'], 'airgap'],
    [['security', 'writeKubeconfigMode'], ['security', 'writeKubeconfigMode'], 'security'],
    [['nodes'], ['nodes'], 'nodes'],
  ] as const)('%j belongs to field %j in section %s', (path, field, section) => {
    expect(fieldPathOf(path)).toEqual(field);
    expect(sectionOf(path)).toBe(section);
  });

  it('finds the node of a finding and falls back to enclosing fields for focus', () => {
    expect(nodeIndexOf(['nodes', 4, 'name'])).toBe(4);
    expect(nodeIndexOf(['proxy', 'noProxy'])).toBeNull();
    expect(focusTargetIds(['airGap', 'mirrors', 1, 'registry'])).toEqual([
      'field-airGap.mirrors.1.registry',
      'field-airGap.mirrors.1',
      'field-airGap.mirrors',
      'field-airGap',
    ]);
  });

  it('puts each finding beside its field, with its line', () => {
    const byField = messagesByField([
      { severity: 'error', code: 'wrong-type', message: 'bad YAML', path: ['nodes', 1, 'extraConfig'], line: 2, column: 5 },
      { severity: 'warning', code: 'unknown-key', message: 'unknown key', path: ['nodes', 1, 'extraConfig', 'foo'] },
    ]);
    expect(byField.get(fieldId(['nodes', 1, 'extraConfig']))).toEqual([
      { severity: 'error', text: 'Line 2, column 5: bad YAML' },
      { severity: 'warning', text: 'unknown key' },
    ]);
  });
});
