/**
 * The cluster token: masked by default, with show, copy and regenerate. Regenerate asks first (nodes
 * already installed keep the old token and can no longer join) and is one undoable edit. In
 * presentation mode the token cannot be shown.
 */
import { generateClusterToken } from '@rke2-edge/provider-core';
import { useEffect, useRef, useState } from 'react';
import { regenerateToken } from '../actions/tokenActions.js';
import { copyText } from '../export/download.js';
import { TextField } from '../form/fields.js';
import { useField } from '../form/siteForm.js';
import { usePresentationMode } from '../shell/presentation.js';
import { useSiteStore } from '../state/siteContext.js';
import { bindSetting } from './siteSettingsSchema.js';

const TOKEN = bindSetting('cluster.token');

export function TokenField() {
  const token = useField(TOKEN);
  const store = useSiteStore();
  const presenting = usePresentationMode();
  const [shown, setShown] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const regenerate = useRef<HTMLButtonElement>(null);
  const copy = async () => setCopied(await copyText(String(token.value), 'Token'));
  const close = (regenerated: boolean) => {
    setConfirming(false);
    if (regenerated) setCopied('A new token was generated. Undo brings the old one back.');
  };
  // Focus goes back to Regenerate once the question is gone (while the modal dialog is open, nothing outside it takes focus).
  const asked = useRef(false);
  useEffect(() => {
    if (asked.current && !confirming) regenerate.current?.focus();
    asked.current = confirming;
  }, [confirming]);
  return (
    <>
      <TextField
        field={TOKEN}
        label="Cluster token"
        masked={!shown || presenting}
        after={
          <span className="button-group">
            <button
              type="button"
              onClick={() => setShown(!shown)}
              aria-pressed={shown && !presenting}
              disabled={presenting}
              title={presenting ? 'Not in presentation mode' : undefined}
            >
              {shown && !presenting ? 'Hide' : 'Show'}
            </button>
            <button type="button" onClick={copy}>
              Copy
            </button>
            <button type="button" ref={regenerate} onClick={() => setConfirming(true)} aria-expanded={confirming}>
              Regenerate
            </button>
          </span>
        }
      />
      {confirming && (
        <RegenerateConfirm
          onConfirm={() => {
            store.perform(regenerateToken, { token: generateClusterToken() });
            close(true);
          }}
          onCancel={() => close(false)}
        />
      )}
      <p role="status" className="field-hint">
        {copied}
      </p>
    </>
  );
}

/** A modal question (Escape or Cancel keeps the token); focus starts on Cancel, the safe answer. */
function RegenerateConfirm({ onConfirm, onCancel }: { onConfirm: () => void; onCancel: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const element = dialog.current;
    // Where <dialog> has no modal form (jsdom), it opens in place.
    if (element && !element.open) {
      if (typeof element.showModal === 'function') element.showModal();
      else element.open = true;
    }
    cancel.current?.focus();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby="regenerate-title"
      aria-describedby="regenerate-what"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2 id="regenerate-title">Regenerate the cluster token?</h2>
      <p id="regenerate-what">
        Every node joins the cluster with this token. Nodes already installed keep the old token and will not join a cluster that uses the
        new one: they need new files (or a reinstall). Undo brings the old token back.
      </p>
      <p className="button-group">
        <button type="button" ref={cancel} onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={onConfirm}>
          Regenerate token
        </button>
      </p>
    </dialog>
  );
}
