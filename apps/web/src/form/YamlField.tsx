/** Free RKE2 YAML in the Monaco editor, bound to a path of a SiteForm like any other field. */
import { Field } from '@rke2-edge/ui';
import { YamlEditor } from '../monaco/LazyMonaco.js';
import type { Rke2SchemaRole } from '../monaco/monacoSetup.js';
import { useField, type FieldRef } from './siteForm.js';

export interface YamlFieldProps {
  field: FieldRef;
  label: string;
  /** Said after the schema's description. */
  hintAfter?: string;
  /** The editor's own accessible name. */
  editorLabel: string;
  /** Names the editor's model (one per field on the page). */
  name: string;
  role: Rke2SchemaRole;
}

export function YamlField({ field, label, hintAfter, editorLabel, name, role }: YamlFieldProps) {
  const binding = useField(field);
  const hint = [binding.hint, hintAfter].filter(Boolean).join(' ') || undefined;
  return (
    <Field id={binding.id} label={label} hint={hint} messages={binding.messages}>
      {(aria) => (
        <div {...aria} className="yaml-editor" tabIndex={-1}>
          <YamlEditor
            value={binding.draftText ?? String(binding.value ?? '')}
            onChange={(text) => binding.change(text, text)}
            label={editorLabel}
            name={name}
            role={role}
          />
        </div>
      )}
    </Field>
  );
}
