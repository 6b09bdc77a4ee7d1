/** What the node does at boot: the provider's boot.before stages, in order, as a timeline. */
import { BOOT_STAGE, type BootStep } from '@rke2-edge/provider-core';

export function StagesView({ steps }: { steps: readonly BootStep[] }) {
  if (steps.length === 0) return <p className="empty">The provider writes no boot stages for this node (see Files for why).</p>;
  return (
    <ol className="timeline" aria-label={`${BOOT_STAGE} stages in the order yip runs them`}>
      {steps.map((step) => (
        <li key={step.order}>
          <h3>
            <span className="step">{step.order}</span> {step.name}
          </h3>
          {step.condition && (
            <p>
              Runs only if <code>{step.condition}</code> succeeds.
            </p>
          )}
          {step.files.length > 0 && (
            <>
              <h4>Writes</h4>
              <ul>
                {step.files.map((f) => (
                  <li key={f.path}>
                    <code>{f.path}</code> (mode {f.permissions})
                  </li>
                ))}
              </ul>
            </>
          )}
          {step.commands.length > 0 && (
            <>
              <h4>Runs</h4>
              {step.commands.map((c, i) => (
                <pre key={i} className="command" tabIndex={0}>
                  {c}
                </pre>
              ))}
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
