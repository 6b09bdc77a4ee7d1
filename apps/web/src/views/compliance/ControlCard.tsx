/** One security control of the compliance view: its state, what it enforces, the lines that do it, what the device needs. */
import type { ArtifactLine, ComplianceControl } from '@rke2-edge/provider-core';
import { SourceList } from '../SourceLinks.js';
import { LineList } from './LineList.js';

export function ControlBadge({ on }: { on: boolean }) {
  return <span className={`control-badge ${on ? 'control-on' : 'control-off'}`}>{on ? 'On' : 'Off'}</span>;
}

export function ControlCard({
  control,
  nodeName,
  onShow,
}: {
  control: ComplianceControl;
  nodeName: string;
  onShow: (line: ArtifactLine) => void;
}) {
  const headingId = `control-${control.id}`;
  const needs = control.on ? control.deviceNeeds : (control.turningOn?.deviceNeeds ?? []);
  return (
    <section className={`control-card ${control.on ? 'is-on' : 'is-off'}`} aria-labelledby={headingId}>
      <header className="control-head">
        <h3 id={headingId}>{control.title}</h3>
        <ControlBadge on={control.on} />
        <code className="control-state">{control.state}</code>
      </header>
      <h4>What it enforces</h4>
      <ul className="control-enforces">
        {control.enforces.map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ul>
      {control.on ? (
        <>
          <h4>The lines that do it on {nodeName}</h4>
          {control.lines.length > 0 ? <LineList lines={control.lines} onShow={onShow} /> : <p className="muted">{control.note}</p>}
        </>
      ) : (
        control.turningOn && (
          <>
            <h4>Turning it on</h4>
            <p>{control.turningOn.change}</p>
            {control.turningOn.lines.length > 0 && (
              <details>
                <summary>
                  The {control.turningOn.lines.length} line{control.turningOn.lines.length === 1 ? '' : 's'} it would add on {nodeName}
                </summary>
                <LineList lines={control.turningOn.lines} />
              </details>
            )}
          </>
        )
      )}
      <h4>What the device must bring</h4>
      {needs.length > 0 ? (
        <ul>
          {needs.map((need) => (
            <li key={need}>
              {need}
              {control.on ? '' : ' (once turned on)'}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Nothing beyond the Kairos image: the generated files do the rest.</p>
      )}
      {control.findings.length > 0 && (
        <>
          <h4>Findings</h4>
          <ul className="control-findings">
            {control.findings.map((f, i) => (
              <li key={i} className={`finding-${f.severity}`}>
                <strong>{f.severity}</strong>: {f.message}
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>Sources</h4>
      <SourceList sources={control.sources} className="control-sources" />
    </section>
  );
}
