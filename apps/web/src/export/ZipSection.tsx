/**
 * The export dialog's zip part: the whole site for the field (optionally with a cidata ISO per
 * node), blocked with the list of errors unless the user explicitly downloads anyway.
 */
import { isSecurityFinding, type Site } from '@rke2-edge/provider-core';
import { useState } from 'react';
import { describeFinding } from '../findings/fieldPaths.js';
import { useAnalysis } from '../state/siteContext.js';
import { BlockingErrors, UnsafeValues } from './BlockedDownload.js';
import { useBundleDownload, type BundleDownload } from './useBundleDownload.js';

export function ZipSection({ site }: { site: Site }) {
  const { analysis, pending, error } = useAnalysis();
  const [iso, setIso] = useState(false);
  const bundle = useBundleDownload(site, iso);
  const errors = analysis?.findings.filter((f) => f.severity === 'error') ?? [];
  const unsafe = errors.filter(isSecurityFinding);
  const warnings = analysis?.findings.filter((f) => f.severity === 'warning') ?? [];
  return (
    <section aria-labelledby="export-zip">
      <h3 id="export-zip">Download all (zip)</h3>
      <p className="field-hint">
        One folder per node with its user-data, meta-data and a README for the field technician, plus site.json and checksums.
      </p>
      <p className="field-hint">
        The zip, and every stick made from it, holds the cluster token{secretsWords(site)} in clear: hand it over in person or over an
        encrypted channel, and wipe the sticks once the nodes are installed.
      </p>
      <label className="field-inline">
        <input type="checkbox" checked={iso} onChange={(e) => setIso(e.target.checked)} /> Include a cidata ISO per node (ready for dd or
        Etcher)
      </label>
      {pending && !analysis && <p role="status">Checking the site…</p>}
      {error && (
        <p role="alert" className="message-error">
          The site could not be checked ({error}), so nothing can be downloaded yet; edit again to retry.
        </p>
      )}
      {unsafe.length > 0 ? (
        <UnsafeValues unsafe={unsafe} />
      ) : errors.length > 0 ? (
        <BlockingErrors errors={errors} onForce={() => bundle.start(true)} disabled={bundle.building} />
      ) : (
        <>
          {warnings.length > 0 && (
            <p className="message-warning">
              {warnings.length} warning{warnings.length === 1 ? '' : 's'}: {warnings.slice(0, 3).map(describeFinding).join(' · ')}
              {warnings.length > 3 ? ' …' : ''}
            </p>
          )}
          <button type="button" className="primary" onClick={() => bundle.start(false)} disabled={bundle.building || !analysis}>
            Download all (zip)
          </button>
        </>
      )}
      <BundleProgress bundle={bundle} />
    </section>
  );
}

/** The secrets besides the token the zip carries, as words after "the cluster token". */
function secretsWords(site: Site): string {
  const registries = site.airGap.registryConfigs;
  const passwords = registries.some((r) => r.password !== '');
  const keys = registries.some((r) => r.keyPem !== '');
  return passwords && keys
    ? ', registry passwords and client keys'
    : passwords
      ? ' and registry passwords'
      : keys
        ? ' and registry client keys'
        : '';
}

function BundleProgress({ bundle }: { bundle: BundleDownload }) {
  if (bundle.building)
    return (
      <p>
        <label htmlFor="export-progress">Building the bundle</label> <progress id="export-progress" max={100} value={bundle.percent} />{' '}
        {bundle.percent}%
      </p>
    );
  if (!bundle.result) return null;
  return bundle.result.ok ? (
    <p role="status">{bundle.result.message}</p>
  ) : (
    <p role="alert" className="message-error">
      {bundle.result.message}
    </p>
  );
}
