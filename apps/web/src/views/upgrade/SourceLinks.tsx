/** The sources of an upgrade finding, as links that open in a new tab. */
import type { UpgradeSource } from '@rke2-edge/provider-core';

export function SourceLinks({ sources }: { sources: readonly UpgradeSource[] }) {
  return (
    <span className="upgrade-sources">
      Sources:{' '}
      {sources.map((s, i) => (
        <span key={s.url}>
          {i > 0 && ' · '}
          <a href={s.url} target="_blank" rel="noreferrer">
            {s.title}
          </a>
        </span>
      ))}
    </span>
  );
}
