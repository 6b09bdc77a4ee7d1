import type { ReactNode } from 'react';

/** A table (or other wide content) that scrolls inside its box; keyboard users can focus it to scroll (axe: scrollable-region-focusable). */
export interface ScrollRegionProps {
  /** Id of the visible heading that names the region. */
  labelledBy: string;
  children: ReactNode;
}

export function ScrollRegion({ labelledBy, children }: ScrollRegionProps) {
  return (
    <div className="table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
