/** The export dialog's share part: a link carrying the site, with or without its secrets. */
import { encodeShareFragment, type Site } from '@rke2-edge/provider-core';
import { useState } from 'react';
import { copyText } from './download.js';

export function ShareLinkSection({ site }: { site: Site }) {
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [share, setShare] = useState<{ url: string; message: string } | null>(null);

  const copyShareLink = async () => {
    const url = `${location.origin}${location.pathname}${await encodeShareFragment(site, { includeSecrets })}`;
    const copied = await copyText(url, 'Share link');
    const left = includeSecrets
      ? 'It includes the secrets: send it only over a channel you trust.'
      : 'The cluster token, registry passwords and the OS password hash are left out; the receiver is told to fill them in.';
    setShare({ url, message: `${copied} ${left}` });
  };

  return (
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
  );
}
