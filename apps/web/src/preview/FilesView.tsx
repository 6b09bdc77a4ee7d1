/** The selected node's files: a tree on the left, the chosen file in a read-only viewer. */
import type { NodeArtifacts } from '@rke2-edge/provider-core';
import { useLayoutEffect } from 'react';
import { CodeViewer } from '../monaco/LazyMonaco.js';

export function FilesView({
  artifacts,
  selected,
  line,
  onSelect,
}: {
  artifacts: NodeArtifacts;
  selected: string;
  /** A 1-based line of the selected file to bring into view (links from the compliance view). */
  line?: number | undefined;
  onSelect: (id: string) => void;
}) {
  const current = artifacts.artifacts.find((a) => a.id === selected) ?? artifacts.artifacts[0];
  // The line belongs to the selected file: none when that file is missing and another is shown.
  const shownLine = current?.id === selected ? line : undefined;
  useLayoutEffect(() => {
    // Benchmark hook: marks the moment the preview shows the new text (see e2e/bench).
    performance.mark('preview-committed');
  }, [current?.text]);
  return (
    <div className="files-view">
      {artifacts.failure && (
        <div role="alert" className="failure">
          <strong>The provider would fail on this node.</strong> {artifacts.failure}
        </div>
      )}
      <nav aria-label="Files" className="file-tree">
        <ul>
          {groups(artifacts).map(([origin, list]) => (
            <li key={origin}>
              <span className="file-group">{origin}</span>
              <ul>
                {list.map((a) => (
                  <li key={a.id}>
                    <button
                      type="button"
                      className="file"
                      aria-current={a.id === current?.id ? 'true' : undefined}
                      onClick={() => onSelect(a.id)}
                      title={a.path}
                    >
                      {a.path}
                    </button>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </nav>
      {current && (
        <section className="file-content" aria-label={current.path}>
          <h3 className="file-path">{current.path}</h3>
          <div className="viewer" data-testid="file-text" data-text={current.text}>
            <CodeViewer text={current.text} language={current.language} label={current.path} line={shownLine} />
          </div>
          <p className="visually-hidden" role="status">
            {shownLine === undefined ? '' : `Showing line ${shownLine} of ${current.path}`}
          </p>
        </section>
      )}
    </div>
  );
}

function groups(artifacts: NodeArtifacts): [string, NodeArtifacts['artifacts']][] {
  const byOrigin = new Map<string, NodeArtifacts['artifacts']>();
  for (const a of artifacts.artifacts) byOrigin.set(a.origin, [...(byOrigin.get(a.origin) ?? []), a]);
  return [...byOrigin];
}
