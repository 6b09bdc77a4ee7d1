/** The cluster token: masked by default, with show, copy and regenerate. */
import { generateClusterToken } from '@rke2-edge/provider-core';
import { useState } from 'react';
import { copyText } from '../export/download.js';
import { TextField } from '../form/fields.js';
import { useField } from '../form/siteForm.js';
import { bindSetting } from './siteSettingsSchema.js';

const TOKEN = bindSetting('cluster.token');

export function TokenField() {
  const token = useField(TOKEN);
  const [shown, setShown] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => setCopied(await copyText(String(token.value), 'Token'));
  return (
    <>
      <TextField
        field={TOKEN}
        label="Cluster token"
        masked={!shown}
        after={
          <span className="button-group">
            <button type="button" onClick={() => setShown(!shown)} aria-pressed={shown}>
              {shown ? 'Hide' : 'Show'}
            </button>
            <button type="button" onClick={copy}>
              Copy
            </button>
            <button type="button" onClick={() => token.change(generateClusterToken())}>
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
