/**
 * Deeply nested YAML (an attacker review found 3,000 levels overflowing the stack of lint, check,
 * import and the designer's Open): up to LIMITS.yamlDepth levels is read through every consumer,
 * one level more is refused as rke2-edge's own limit, never as the device's answer.
 */
import { describe, expect, it } from 'vitest';
import { checkCloudConfigs } from '../import/checkCloudConfigs.js';
import { LIMITS } from '../limits.js';
import { lintCloudConfig, lintCloudConfigSet } from '../lint/lintCloudConfig.js';
import { openInputs } from '../open/openInputs.js';
import { runPlugin } from '../provider/runPlugin.js';
import { readYamlDocument } from './readYamlDocument.js';
import { cloudConfigDepthProblem } from './yamlDepthLimit.js';
import { YamlTooDeep } from './yamlTooDeep.js';

const LIMIT = LIMITS.yamlDepth;
const flowSeq = (n: number) => '['.repeat(n) + ']'.repeat(n);
const flowMap = (n: number) => '{a: '.repeat(n) + '1' + '}'.repeat(n);
/** `- - - x`: each dash opens a block sequence. */
const blockSeq = (n: number) => '- '.repeat(n) + 'x';
const NESTINGS = { 'flow sequence': flowSeq, 'flow mapping': flowMap, 'block sequence': blockSeq };

const HEAD = '#cloud-config\ncluster:\n  role: init\n  cluster_token: a-long-random-token-x9f3k2\n  control_plane_host: 10.0.1.11\n';
/** A cloud-config whose top-level `x:` holds `levels` collections in all (the top mapping is one). */
const topLevel = (nest: (n: number) => string, levels: number) =>
  `${HEAD}  config: |\n    cluster-cidr: 10.42.0.0/16\n    service-cidr: 10.43.0.0/16\nx:\n  ${nest(levels - 1)}\n`;
/** A cloud-config whose cluster.config block holds `levels` collections in all (its mapping is one). */
const inConfig = (nest: (n: number) => string, levels: number) =>
  `${HEAD}  config: |\n    cluster-cidr: 10.42.0.0/16\n    service-cidr: 10.43.0.0/16\n    x:\n      ${nest(levels - 1)}\n`;
const MAKERS = { 'top level': topLevel, 'in cluster.config': inConfig };

const bytes = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

describe('YAML nesting limit', () => {
  it('reads exactly LIMITS.yamlDepth levels and refuses one more, in both dialects', () => {
    for (const dialect of ['v2', 'v3'] as const) {
      expect(readYamlDocument(flowSeq(LIMIT), dialect).ok).toBe(true);
      expect(() => readYamlDocument(flowSeq(LIMIT + 1), dialect)).toThrow(YamlTooDeep);
      expect(() => readYamlDocument(`a:\n  ${blockSeq(LIMIT)}`, dialect)).toThrow(YamlTooDeep);
    }
  });

  it('finds a cluster.config a merge key brings in, at its own line', () => {
    const text = `#cloud-config\nbase: &b\n  config: |\n    cluster-cidr: 10.42.0.0/16\n    x: ${flowSeq(LIMIT + 1)}\ncluster:\n  <<: *b\n  role: init\n`;
    expect(cloudConfigDepthProblem(text)).toMatchObject({ line: 5, path: ['cluster', 'config'] });
  });

  it('counts the levels an alias repeats', () => {
    const half = Math.ceil(LIMIT / 2) + 1;
    const chain = `a: &a ${flowSeq(half)}\nb: ${'['.repeat(half)}*a${']'.repeat(half)}\n`;
    expect(() => readYamlDocument(chain, 'v2')).toThrow(YamlTooDeep);
    expect(readYamlDocument(`a: &a ${flowSeq(10)}\nb: [*a, *a]\n`, 'v2').ok).toBe(true);
  });

  it('at the limit, every consumer reads the file; one level more is "not checked", worded as rke2-edge\'s limit', async () => {
    for (const [where, make] of Object.entries(MAKERS)) {
      for (const [kind, nest] of Object.entries(NESTINGS)) {
        const label = `${kind} ${where}`;
        const under = make(nest, LIMIT);
        const over = make(nest, LIMIT + 1);
        expect(cloudConfigDepthProblem(under), label).toBeNull();
        expect(['written', 'panic']).toContain(runPlugin(under, { nodeCidr: '10.0.1.11/24' }).kind);
        expect(lintCloudConfig(under).map((f) => f.code)).not.toContain('too-large');
        expect(
          lintCloudConfigSet([
            { name: 'a', text: under },
            { name: 'b', text: under },
          ]),
        ).toBeInstanceOf(Array);
        expect(checkCloudConfigs([{ name: 'a.yaml', text: under }]).check.nodes).toHaveLength(1);
        // Opened, or refused for what it holds (a flow mapping 999 deep re-rendered is over the extra config's size), never for its depth.
        const openedUnder = await openInputs([bytes('a.yaml', under)]);
        expect(openedUnder.ok || !/nested more|call stack/.test(openedUnder.message), label).toBe(true);

        const problem = cloudConfigDepthProblem(over);
        expect(problem, label).not.toBeNull();
        expect(problem!.path).toEqual(where === 'top level' ? [] : ['cluster', 'config']);
        expect(problem!.message).toMatch(
          /nested more than 1,000 levels deep \(line 10\), more than rke2-edge reads; the device's YAML reader accepts up to 10,000/,
        );
        const findings = lintCloudConfig(over);
        expect(findings, label).toEqual([
          { severity: 'error', code: 'too-large', message: problem!.message, path: problem!.path, line: 10 },
        ]);
        expect(
          lintCloudConfigSet([
            { name: 'a', text: over },
            { name: 'b', text: under },
          ]),
        ).toBeInstanceOf(Array);
        const opened = await openInputs([bytes('a.yaml', over)]);
        expect(opened.ok).toBe(false);
        expect(!opened.ok && opened.message).toBe(`a.yaml: ${problem!.message}; none of the files was opened.`);
      }
    }
  });

  it('the provider port gives the limit as an error of its own, not a provider panic', () => {
    expect(() => runPlugin(topLevel(flowSeq, LIMIT * 6), { nodeCidr: '' })).toThrow(YamlTooDeep);
    expect(() => runPlugin(inConfig(flowSeq, LIMIT * 3), { nodeCidr: '' })).toThrow(YamlTooDeep);
  });
});
