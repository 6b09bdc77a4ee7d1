/** Generated lines grouped by file: as links into the preview, or as plain evidence text. */
import type { ArtifactLine } from '@rke2-edge/provider-core';

/** The lines of each file, in the order they come. */
function byFile(lines: readonly ArtifactLine[]): [path: string, lines: ArtifactLine[]][] {
  const files = new Map<string, ArtifactLine[]>();
  for (const line of lines) files.set(line.path, [...(files.get(line.path) ?? []), line]);
  return [...files];
}

export function LineList({ lines, onShow }: { lines: readonly ArtifactLine[]; onShow?: (line: ArtifactLine) => void }) {
  return (
    <ul className="evidence-files">
      {byFile(lines).map(([path, fileLines]) => (
        <li key={path}>
          <code className="evidence-file">{path}</code>
          <ol className="evidence-lines">
            {fileLines.map((l) => (
              <li key={l.line}>
                {onShow ? (
                  <button
                    type="button"
                    className="evidence-line"
                    onClick={() => onShow(l)}
                    aria-label={`Show ${path} line ${l.line}: ${l.text.trim()}`}
                  >
                    <span className="line-number">{l.line}</span>
                    <code>{l.text.trim()}</code>
                  </button>
                ) : (
                  <span className="evidence-line">
                    <span className="line-number">{l.line}</span>
                    <code>{l.text.trim()}</code>
                  </span>
                )}
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ul>
  );
}
