/** A registry's PEM texts: certificates as plain text areas, the client key masked until shown. */
import { useState } from 'react';
import { TextAreaField } from '../form/fields.js';
import type { FieldRef } from '../form/siteForm.js';
import { usePresentationMode } from '../shell/presentation.js';

export function RegistryPemField({ field, label }: { field: FieldRef; label: string }) {
  return <TextAreaField field={field} label={label} placeholder="-----BEGIN CERTIFICATE-----" />;
}

/** The client key: a secret, masked until shown (like the cluster token); never shown in presentation mode. */
export function RegistryKeyField({ field, index }: { field: FieldRef; index: number }) {
  const [shown, setShown] = useState(false);
  const presenting = usePresentationMode();
  const visible = shown && !presenting;
  return (
    <div className="masked-field">
      <TextAreaField field={field} label="Client key (PEM)" masked={!visible} placeholder="-----BEGIN PRIVATE KEY-----" />
      <button
        type="button"
        onClick={() => setShown(!shown)}
        aria-pressed={visible}
        disabled={presenting}
        title={presenting ? 'Not in presentation mode' : undefined}
        aria-label={`${visible ? 'Hide' : 'Show'} client key of registry ${index + 1}`}
      >
        {visible ? 'Hide' : 'Show'}
      </button>
    </div>
  );
}
