/**
 * The upgrade view: from the site's RKE2 minor to a later one, what changes for this design
 * (provider-core's upgradePlan), each finding with its sources and a way to the field it is about;
 * the topics checked that need nothing; and the version change itself, as an undoable edit.
 */
import { upgradePlan, upgradeTargets, type Rke2Minor, type UpgradeFinding } from '@rke2-edge/provider-core';
import { useId, useMemo, useState } from 'react';
import { setRke2Version } from '../actions/settingsActions.js';
import { useShown } from '../shell/presentation.js';
import { nodeIndexOf, SECTION_LABELS, sectionOf } from '../findings/fieldPaths.js';
import { useSiteStore } from '../state/siteContext.js';
import { SourceLine } from './SourceLinks.js';
import type { ViewProps } from './ViewPage.js';

const SEVERITY_LABELS = { error: 'Must change', warning: 'Check', info: 'Note' } as const;

export function UpgradeView({ site, redact, onOpenField }: ViewProps) {
  const store = useSiteStore();
  const selectId = useId();
  const from = site.rke2Version;
  const targets = upgradeTargets(from);
  const [chosen, setChosen] = useState<Rke2Minor | null>(null);
  const to = chosen !== null && targets.includes(chosen) ? chosen : targets[0];
  const plan = useShown(
    useMemo(() => (to ? upgradePlan(site, to) : null), [site, to]),
    redact,
  );

  if (!to || !plan)
    return (
      <p className="empty" role="status">
        This site runs RKE2 {from}, the newest version the designer knows: there is no later version to check.
      </p>
    );

  const applyVersion = () => store.perform(setRke2Version, { version: to });
  const where = (path: UpgradeFinding['path']) => {
    const node = nodeIndexOf(path);
    return node !== null ? (site.nodes[node]?.name ?? `node ${node + 1}`) : SECTION_LABELS[sectionOf(path)];
  };

  return (
    <div className="upgrade-view">
      <p className="upgrade-intro">
        What upgrading this cluster changes for its design, from the RKE2 release notes and source. The site runs{' '}
        <strong>RKE2 {from}</strong>.
      </p>
      <div className="upgrade-choice">
        <label htmlFor={selectId}>Upgrade to</label>
        <select id={selectId} value={to} onChange={(e) => setChosen(e.target.value as Rke2Minor)}>
          {targets.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
        <span className="upgrade-way">Way: {[from, ...plan.steps].join(' → ')}</span>
        <button type="button" onClick={applyVersion}>
          Set the site to {to}
        </button>
      </div>

      <section aria-labelledby="upgrade-findings">
        <h3 id="upgrade-findings">What changes for this design ({plan.findings.length})</h3>
        <ul className="upgrade-findings">
          {plan.findings.map((f, i) => (
            <li key={`${i}-${f.code}`} className={`upgrade-finding upgrade-${f.severity}`}>
              <p>
                <span className="upgrade-severity">{SEVERITY_LABELS[f.severity]}</span> {f.message}
              </p>
              <div className="upgrade-actions">
                {f.path.length > 0 && (
                  <button type="button" onClick={() => onOpenField(f.path)}>
                    Open {where(f.path)}
                  </button>
                )}
                <SourceLine sources={f.sources} />
              </div>
            </li>
          ))}
        </ul>
      </section>

      {plan.unchanged.length > 0 && (
        <section aria-labelledby="upgrade-unchanged">
          <h3 id="upgrade-unchanged">Checked: nothing to change</h3>
          <ul className="upgrade-findings">
            {plan.unchanged.map((c) => (
              <li key={c.topic} className="upgrade-finding upgrade-unchanged">
                <p>
                  <span className="upgrade-severity">{c.topic}</span> {c.message}
                </p>
                <div className="upgrade-actions">
                  <SourceLine sources={c.sources} />
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
