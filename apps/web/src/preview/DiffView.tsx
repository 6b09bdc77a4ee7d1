/** Any artifact of two nodes side by side, or of one node before and after the last edit. */
import type { Site } from '@rke2-edge/provider-core';
import { useMemo, useState } from 'react';
import { DiffViewer } from '../monaco/LazyMonaco.js';
import { useMaskedSite } from '../shell/presentation.js';
import { viewNode } from './useExpandedNode.js';

const BEFORE_LAST_EDIT = 'before';

export function DiffView({ site, previous, selected }: { site: Site; previous: Site | undefined; selected: number }) {
  const [left, setLeft] = useState<string>(previous ? BEFORE_LAST_EDIT : String(Math.max(0, selected === 0 ? 1 : 0)));
  const [right, setRight] = useState<string>(String(selected));
  const [artifactId, setArtifactId] = useState('user-data');
  const rightIndex = Number(right);
  const leftSite = left === BEFORE_LAST_EDIT ? previous : site;
  const leftIndex = left === BEFORE_LAST_EDIT ? rightIndex : Number(left);
  // Presentation mode: each side masked, and neither shows the other's secrets (a regenerated token's old value).
  const leftMasked = useMaskedSite(leftSite, leftSite === site ? undefined : site);
  const rightMasked = useMaskedSite(site, previous);
  const leftView = useMemo(() => (leftSite ? viewNode(leftSite, leftIndex, leftMasked) : null), [leftSite, leftIndex, leftMasked]);
  const rightView = useMemo(() => viewNode(site, rightIndex, rightMasked), [site, rightIndex, rightMasked]);
  const ids = [...new Set([...(leftView?.artifacts.artifacts ?? []), ...(rightView?.artifacts.artifacts ?? [])].map((a) => a.id))];
  const textOf = (view: typeof leftView) => view?.artifacts.artifacts.find((a) => a.id === artifactId)?.text ?? '';
  const language = rightView?.artifacts.artifacts.find((a) => a.id === artifactId)?.language ?? 'yaml';
  const options = site.nodes.map((n, i) => (
    <option key={i} value={i}>
      {n.name || `#${i + 1}`}
    </option>
  ));
  return (
    <div className="diff-view">
      <div className="toolbar">
        <label>
          Left
          <select value={left} onChange={(e) => setLeft(e.target.value)}>
            {previous && <option value={BEFORE_LAST_EDIT}>Right node, before the last edit</option>}
            {options}
          </select>
        </label>
        <label>
          Right
          <select value={right} onChange={(e) => setRight(e.target.value)}>
            {options}
          </select>
        </label>
        <label>
          File
          <select value={artifactId} onChange={(e) => setArtifactId(e.target.value)}>
            {ids.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="field-hint" role="status">
        {textOf(leftView) === textOf(rightView)
          ? 'The two versions are identical.'
          : 'Removed lines are on the left, added lines on the right.'}
      </p>
      <div className="viewer diff" data-testid="diff" data-left={textOf(leftView)} data-right={textOf(rightView)}>
        <DiffViewer original={textOf(leftView)} modified={textOf(rightView)} language={language} label={`Diff of ${artifactId}`} />
      </div>
    </div>
  );
}
