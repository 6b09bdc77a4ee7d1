/**
 * Export: the whole site as a zip for the field, a share link, the print sheet. Mounted while
 * open: it opens itself as a modal dialog (focus trapped, Escape closes).
 */
import type { Site } from '@rke2-edge/provider-core';
import { useEffect, useRef } from 'react';
import { ShareLinkSection } from './ShareLinkSection.js';
import { ZipSection } from './ZipSection.js';

export interface ExportDialogProps {
  site: Site;
  onClose: () => void;
  onPrint: () => void;
}

export function ExportDialog({ site, onClose, onPrint }: ExportDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal?.();
  }, []);

  return (
    <dialog ref={dialog} className="export-dialog" aria-labelledby="export-title" onClose={onClose}>
      <h2 id="export-title">Export {site.name || 'site'}</h2>
      <ZipSection site={site} />
      <ShareLinkSection site={site} />
      <section aria-labelledby="export-print">
        <h3 id="export-print">Print</h3>
        <button type="button" onClick={onPrint}>
          Open the site sheet for printing
        </button>
      </section>
      <p>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </p>
    </dialog>
  );
}
