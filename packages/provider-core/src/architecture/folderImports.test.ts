/**
 * Folders of provider-core/src import one way: no folder imports from a folder that (directly or
 * through others) imports back. The graph is read from the source files' relative imports; test
 * files are left out, since a test may reach across folders to build its fixtures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const IMPORT = /(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g;

type Graph = Map<string, Set<string>>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The top folder under src of a path inside it (`lint` for src/lint/rules/x.ts), or null for src's own files. */
function folderOf(path: string): string | null {
  const parts = relative(SRC, path).split(sep);
  return parts.length > 1 ? parts[0]! : null;
}

function folderGraph(): Graph {
  const graph: Graph = new Map();
  for (const file of sourceFiles(SRC)) {
    const from = folderOf(file);
    if (from === null) continue;
    for (const [, target] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const to = folderOf(resolve(dirname(file), target!));
      if (to === null || to === from || to.startsWith('..')) continue;
      graph.set(from, (graph.get(from) ?? new Set()).add(to));
    }
  }
  return graph;
}

/** One cycle of the graph as the folders along it (`['lint', 'site', 'lint']`), or null. */
function findCycle(graph: Graph): string[] | null {
  const done = new Set<string>();
  const visit = (node: string, trail: string[]): string[] | null => {
    const at = trail.indexOf(node);
    if (at >= 0) return [...trail.slice(at), node];
    if (done.has(node)) return null;
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next, [...trail, node]);
      if (cycle) return cycle;
    }
    done.add(node);
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node, []);
    if (cycle) return cycle;
  }
  return null;
}

describe('folder imports of provider-core/src', () => {
  it('finds a cycle through several folders, and none in a graph that points one way', () => {
    const graph = (edges: [string, string][]): Graph =>
      edges.reduce((g, [a, b]) => g.set(a, (g.get(a) ?? new Set()).add(b)), new Map() as Graph);
    expect(
      findCycle(
        graph([
          ['site', 'lint'],
          ['lint', 'check'],
          ['check', 'site'],
        ]),
      ),
    ).toEqual(['site', 'lint', 'check', 'site']);
    expect(
      findCycle(
        graph([
          ['lint', 'site'],
          ['lint', 'check'],
          ['check', 'site'],
        ]),
      ),
    ).toBeNull();
  });

  it('reads the real imports (lint uses site)', () => {
    expect(folderGraph().get('lint')).toContain('site');
  });

  it('has no cycle between folders', () => {
    const cycle = findCycle(folderGraph());
    expect(cycle, cycle ? `folders import each other: ${cycle.join(' → ')}` : '').toBeNull();
  });
});
