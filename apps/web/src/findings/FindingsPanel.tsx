/** Every finding of the site, grouped by severity; choosing one takes the user to the field. */
import type { Finding, Site } from '@rke2-edge/provider-core';
import { useAnalysis } from '../state/siteContext.js';
import { describeFinding, nodeIndexOf, SECTION_LABELS, sectionOf } from './fieldPaths.js';

const GROUPS = [
  { severity: 'error', title: 'Errors — the node will not work as designed' },
  { severity: 'warning', title: 'Warnings — likely mistakes' },
  { severity: 'info', title: 'Notes' },
] as const;

export function FindingsPanel({ site, onOpen }: { site: Site; onOpen: (finding: Finding) => void }) {
  const { analysis, pending, error } = useAnalysis();
  if (error)
    return (
      <p role="alert" className="message-error">
        The site could not be checked: {error}. The files shown are still exact; edit again to retry.
      </p>
    );
  if (!analysis) return <p role="status">Checking the site…</p>;
  if (analysis.findings.length === 0)
    return (
      <p role="status" className="all-good">
        No findings: every node&apos;s files are what the design says{pending ? ' (rechecking…)' : '.'}
      </p>
    );
  return (
    <div className="findings">
      {pending && <p role="status">Rechecking after your last edit…</p>}
      {GROUPS.map(({ severity, title }) => {
        const list = analysis.findings.filter((f) => f.severity === severity);
        if (list.length === 0) return null;
        return (
          <section key={severity} aria-labelledby={`findings-${severity}`}>
            <h3 id={`findings-${severity}`}>
              {title} ({list.length})
            </h3>
            <ul>
              {list.map((f, i) => {
                const node = nodeIndexOf(f.path);
                const where = node !== null ? (site.nodes[node]?.name ?? `node ${node + 1}`) : SECTION_LABELS[sectionOf(f.path)];
                return (
                  <li key={i}>
                    <button type="button" className={`finding finding-${f.severity}`} onClick={() => onOpen(f)}>
                      <span className="finding-where">{where}</span> {describeFinding(f)}
                      {f.fix && <span className="finding-fix"> Fix: {f.fix.description}</span>}
                      <span className="finding-code"> [{f.code}]</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
