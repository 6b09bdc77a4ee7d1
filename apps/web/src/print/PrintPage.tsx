/** A printable page (the site sheet, the evidence page): its browser title while shown, Back and Print above it on screen only. */
import { useEffect, type ReactNode } from 'react';

export function PrintPage({
  className,
  title,
  onBack,
  children,
}: {
  className: string;
  title: string;
  onBack: () => void;
  children: ReactNode;
}) {
  useEffect(() => {
    document.title = title;
    return () => void (document.title = 'RKE2 Edge Designer');
  }, [title]);
  return (
    <main className={className}>
      <div className="no-print toolbar">
        <button type="button" onClick={onBack}>
          Back to the designer
        </button>
        <button type="button" className="primary" onClick={() => window.print()}>
          Print
        </button>
      </div>
      {children}
    </main>
  );
}
