/** Where a view's facts come from, as links that open in a new tab: a list under a result, or one line after a finding. */
import type { FactSource } from '@rke2-edge/provider-core';

const SourceLink = ({ source }: { source: FactSource }) => (
  <a href={source.url} target="_blank" rel="noreferrer">
    {source.label}
  </a>
);

export function SourceList({ sources, className }: { sources: readonly FactSource[]; className: string }) {
  return (
    <ul className={className}>
      {sources.map((s) => (
        <li key={s.url}>
          <SourceLink source={s} />
        </li>
      ))}
    </ul>
  );
}

export function SourceLine({ sources }: { sources: readonly FactSource[] }) {
  return (
    <span className="upgrade-sources">
      Sources:{' '}
      {sources.map((s, i) => (
        <span key={s.url}>
          {i > 0 && ' · '}
          <SourceLink source={s} />
        </span>
      ))}
    </span>
  );
}
