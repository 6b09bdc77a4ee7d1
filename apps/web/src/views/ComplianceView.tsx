/**
 * The compliance view: for the selected node, each security control (CIS, FIPS, SELinux, Pod
 * Security, secrets encryption) with what it enforces, the generated lines that do it (links into
 * the preview's Files tab), what the device must bring and where the facts come from. All of it is
 * provider-core's `nodeCompliance`; the evidence page prints the same for one node per role.
 */
import { nodeCompliance } from '@rke2-edge/provider-core';
import { useMemo } from 'react';
import { useShown } from '../shell/presentation.js';
import { useAnalysis } from '../state/siteContext.js';
import { ControlCard } from './compliance/ControlCard.js';
import { useOpenEvidence } from './compliance/openEvidence.js';
import type { ViewProps } from './ViewPage.js';

export function ComplianceView({ site, redact, selectedNode, onSelectNode, onShowFile }: ViewProps) {
  const { analysis } = useAnalysis();
  const openEvidence = useOpenEvidence();
  const compliance = useShown(
    useMemo(() => nodeCompliance(site, selectedNode, analysis?.findings ?? []), [site, selectedNode, analysis]),
    redact,
  );
  if (!compliance) return <p className="empty">Add a node to see what its files enforce.</p>;
  const on = compliance.controls.filter((c) => c.on).length;
  return (
    <div className="compliance-view">
      <p>
        What each security control of this design enforces, and the exact lines of the generated files that do it. Follow a line to see it
        in the preview.
      </p>
      <div className="compliance-toolbar">
        <label htmlFor="compliance-node">Lines of node</label>
        <select id="compliance-node" value={selectedNode} onChange={(e) => onSelectNode(Number(e.target.value))}>
          {site.nodes.map((n, i) => (
            <option key={i} value={i}>
              {n.name || `#${i + 1}`} ({n.role})
            </option>
          ))}
        </select>
        <span className="compliance-count" role="status">
          {on} of {compliance.controls.length} controls on
        </span>
        {openEvidence && (
          <button type="button" onClick={openEvidence}>
            Print evidence page…
          </button>
        )}
      </div>
      {compliance.controls.map((control) => (
        <ControlCard
          key={control.id}
          control={control}
          nodeName={compliance.name || `node #${selectedNode + 1}`}
          onShow={(line) => onShowFile({ node: selectedNode, file: line.file, line: line.line })}
        />
      ))}
    </div>
  );
}
