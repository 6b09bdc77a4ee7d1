/** Focus the first of some element ids once it is in the page (a finding's field, opened from the findings list). */
import { useEffect, useState } from 'react';

export function useFocusRequest(): (ids: string[]) => void {
  const [focusIds, setFocusIds] = useState<string[] | null>(null);
  // Runs after every render until the field is in the page (a section or a lazy editor may mount a
  // render later); it sets state only once it has focused the field, so it cannot loop.
  useEffect(() => {
    if (!focusIds) return;
    const element = focusIds.map((id) => document.getElementById(id)).find(Boolean);
    if (!element) return;
    const target = element.matches('input, select, textarea')
      ? element
      : (element.querySelector<HTMLElement>('textarea, input, select') ?? element);
    target.scrollIntoView?.({ block: 'center' });
    target.focus();
    setFocusIds(null);
  });
  return setFocusIds;
}
