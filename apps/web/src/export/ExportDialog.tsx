/**
 * Export: the whole site as a zip for the field (optionally with a cidata ISO per node), blocked
 * with the list of errors unless the user explicitly downloads anyway; a share link; the print sheet.
 */
import { encodeShareFragment, isSecurityFinding, safeSegment, type Finding, type Site } from '@rke2-edge/provider-core';
import { useEffect, useRef, useState } from 'react';
import { describeFinding } from '../findings/fieldPaths.js';
import { useAnalysis } from '../state/siteContext.js';
import { buildBundleInWorker } from './bundleClient.js';
import { copyText, downloadBytes } from './download.js';

export interface ExportDialogProps {
  site: Site;
  onClose: () => void;
  onPrint: () => void;
}

type Progress =
  { state: 'idle' } | { state: 'building'; percent: number } | { state: 'done'; message: string } | { state: 'failed'; message: string };

/** Mounted while open: it opens itself as a modal dialog (focus trapped, Escape closes). */
export function ExportDialog({ site, onClose, onPrint }: ExportDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const { analysis, pending } = useAnalysis();
  const [iso, setIso] = useState(false);
  const [progress, setProgress] = useState<Progress>({ state: 'idle' });
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [share, setShare] = useState<{ url: string; message: string } | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal?.();
  }, []);

  const errors = analysis?.findings.filter((f) => f.severity === 'error') ?? [];
  const unsafe = errors.filter(isSecurityFinding);
  const warnings = analysis?.findings.filter((f) => f.severity === 'warning') ?? [];
  const name = safeSegment(site.name, 'site');

  const download = async (force: boolean) => {
    setProgress({ state: 'building', percent: 0 });
    const outcome = await buildBundleInWorker({ site, iso, force }, (percent) => setProgress({ state: 'building', percent }));
    if (!outcome.ok) {
      setProgress({ state: 'failed', message: outcome.reason });
      return;
    }
    downloadBytes(`${name}.zip`, outcome.bytes, 'application/zip');
    setProgress({
      state: 'done',
      message: `Downloaded ${name}.zip: ${site.nodes.length} node(s), ${outcome.fileCount} files, ${(outcome.bytes.length / 1024).toFixed(0)} KB.`,
    });
  };

  const copyShareLink = async () => {
    const url = `${location.origin}${location.pathname}${await encodeShareFragment(site, { includeSecrets })}`;
    const copied = await copyText(url, 'Share link');
    const left = includeSecrets
      ? 'It includes the secrets: send it only over a channel you trust.'
      : 'The cluster token, registry passwords and the OS password hash are left out; the receiver is told to fill them in.';
    setShare({ url, message: `${copied} ${left}` });
  };

  const building = progress.state === 'building';
  return (
    <dialog ref={dialog} className="export-dialog" aria-labelledby="export-title" onClose={onClose}>
      <h2 id="export-title">Export {site.name || 'site'}</h2>

      <section aria-labelledby="export-zip">
        <h3 id="export-zip">Download all (zip)</h3>
        <p className="field-hint">
          One folder per node with its user-data, meta-data and a README for the field technician, plus site.json and checksums.
        </p>
        <label className="field-inline">
          <input type="checkbox" checked={iso} onChange={(e) => setIso(e.target.checked)} /> Include a cidata ISO per node (ready for dd or
          Etcher)
        </label>
        {pending && !analysis && <p role="status">Checking the site…</p>}
        {unsafe.length > 0 ? (
          <div role="alert" className="blocked">
            <p>
              <strong>
                The site has {unsafe.length} unsafe value{unsafe.length === 1 ? '' : 's'}: {unsafe.length === 1 ? 'it' : 'they'} could run
                commands, add lines to files or make the devices refuse their configuration.
              </strong>{' '}
              No files for devices are made from it, not even by experts, until {unsafe.length === 1 ? 'it is' : 'they are'} fixed:
            </p>
            <FindingList findings={unsafe} />
          </div>
        ) : errors.length > 0 ? (
          <div role="alert" className="blocked">
            <p>
              <strong>
                The site has {errors.length} error{errors.length === 1 ? '' : 's'}; nodes built from it will not work as designed.
              </strong>{' '}
              Fix them first:
            </p>
            <FindingList findings={errors} />
            <button type="button" onClick={() => void download(true)} disabled={building}>
              Download anyway (experts)
            </button>
          </div>
        ) : (
          <>
            {warnings.length > 0 && (
              <p className="message-warning">
                {warnings.length} warning{warnings.length === 1 ? '' : 's'}: {warnings.slice(0, 3).map(describeFinding).join(' · ')}
                {warnings.length > 3 ? ' …' : ''}
              </p>
            )}
            <button type="button" className="primary" onClick={() => void download(false)} disabled={building || !analysis}>
              Download all (zip)
            </button>
          </>
        )}
        {building && (
          <p>
            <label htmlFor="export-progress">Building the bundle</label>{' '}
            <progress id="export-progress" max={100} value={progress.percent} /> {progress.percent}%
          </p>
        )}
        {progress.state === 'done' && <p role="status">{progress.message}</p>}
        {progress.state === 'failed' && (
          <p role="alert" className="message-error">
            {progress.message}
          </p>
        )}
      </section>

      <section aria-labelledby="export-share">
        <h3 id="export-share">Share</h3>
        <label className="field-inline">
          <input type="checkbox" checked={includeSecrets} onChange={(e) => setIncludeSecrets(e.target.checked)} /> Include secrets (cluster
          token, registry passwords, OS password hash)
        </label>
        <button type="button" onClick={() => void copyShareLink()}>
          Copy share link
        </button>
        {share && (
          <>
            <p role="status">{share.message}</p>
            <label className="field">
              Share link
              <input readOnly value={share.url} onFocus={(e) => e.target.select()} />
            </label>
          </>
        )}
      </section>

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

/** The first ten findings that block the download, and how many more there are. */
function FindingList({ findings }: { findings: readonly Finding[] }) {
  return (
    <>
      <ul>
        {findings.slice(0, 10).map((f, i) => (
          <li key={i}>{describeFinding(f)}</li>
        ))}
      </ul>
      {findings.length > 10 && <p>…and {findings.length - 10} more (see Findings).</p>}
    </>
  );
}
