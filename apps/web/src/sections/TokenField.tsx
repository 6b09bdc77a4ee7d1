/** The cluster token: masked by default, with show, copy and regenerate. */
import { generateClusterToken } from '@rke2-edge/provider-core';
import { useState } from 'react';
import { useFormContext } from 'react-hook-form';
import { copyText } from '../export/download.js';
import { TextField } from '../form/fields.js';
import { siteHint } from './siteSettingsSchema.js';

export function TokenField() {
  const { setValue, getValues } = useFormContext();
  const [shown, setShown] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => setCopied(await copyText(String(getValues('cluster.token')), 'Token'));
  return (
    <>
      <TextField
        name="cluster.token"
        sitePath={['cluster', 'token']}
        label="Cluster token"
        hint={siteHint('cluster.token')}
        masked={!shown}
        after={
          <span className="button-group">
            <button type="button" onClick={() => setShown(!shown)} aria-pressed={shown}>
              {shown ? 'Hide' : 'Show'}
            </button>
            <button type="button" onClick={copy}>
              Copy
            </button>
            <button
              type="button"
              onClick={() => setValue('cluster.token', generateClusterToken(), { shouldValidate: true, shouldDirty: true })}
            >
              Regenerate
            </button>
          </span>
        }
      />
      <p role="status" className="field-hint">
        {copied}
      </p>
    </>
  );
}
